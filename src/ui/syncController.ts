import * as vscode from 'vscode';
import type { BacklogStore, FolderBacklog } from '../adapters/backlogStore';

type SyncState =
  | { kind: 'idle' }
  | { kind: 'local' }
  | { kind: 'behind'; commits: number }
  | { kind: 'syncing' }
  | { kind: 'synced'; at: Date }
  | { kind: 'error'; message: string };

/**
 * The Sync command, its status-bar item and optional auto-sync. Git runs only in trusted workspaces,
 * because it executes the repository's configuration and hooks.
 */
export class SyncController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stupidWork.sync', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private state: SyncState = { kind: 'idle' };
  private running: Promise<void> | undefined;
  private autoTimer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: BacklogStore,
    private readonly logger: vscode.LogOutputChannel,
  ) {
    this.item.name = vscode.l10n.t('Stupid Work Sync');
    this.item.command = 'stupidWork.sync';
    this.disposables.push(
      store.onDidWrite(() => {
        this.setState({ kind: 'local' });
        if (this.autoSync()) {
          clearTimeout(this.autoTimer);
          this.autoTimer = setTimeout(() => void this.syncAll(false), 2000);
        }
      }),
      store.onDidChange(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.sync')) {
          this.schedule();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.schedule();
        this.render();
      }),
    );
    this.schedule();
    this.render();
  }

  /** Syncs every folder that has a backlog; `interactive` shows the outcome as a notification too. */
  syncAll(interactive: boolean): Promise<void> {
    this.running ??= this.run(interactive).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  dispose(): void {
    clearTimeout(this.autoTimer);
    clearInterval(this.interval);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private autoSync(): boolean {
    return vscode.workspace.getConfiguration('stupidWork.sync').get<boolean>('auto', false) && vscode.workspace.isTrusted;
  }

  /** With auto-sync on, the interval syncs; otherwise it only fetches, to show when teammates have changes. */
  private schedule(): void {
    clearInterval(this.interval);
    const minutes = vscode.workspace.getConfiguration('stupidWork.sync').get<number>('intervalMinutes', 10);
    if (minutes > 0 && vscode.workspace.isTrusted) {
      this.interval = setInterval(() => void (this.autoSync() ? this.syncAll(false) : this.checkRemote()), Math.max(1, minutes) * 60000);
    }
  }

  /** Fetches and marks the status bar "behind" when the remote has backlog changes not merged yet. */
  async checkRemote(): Promise<void> {
    if (!vscode.workspace.isTrusted || this.running || this.state.kind === 'local' || this.state.kind === 'error') {
      return;
    }
    const { commitsBehind } = await import('../adapters/gitSync');
    let total = 0;
    for (const backlog of this.store.all) {
      if (backlog.fileUri && backlog.state.kind !== 'missing') {
        total += (await commitsBehind(backlog.fileUri.fsPath)) ?? 0;
      }
    }
    if (total > 0) {
      this.setState({ kind: 'behind', commits: total });
    }
  }

  private async run(interactive: boolean): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      const message = vscode.l10n.t('This workspace is not trusted, so Stupid Work runs no git command. Trust the workspace to sync.');
      this.setState({ kind: 'error', message });
      if (interactive) {
        void vscode.window.showWarningMessage(message);
      }
      return;
    }
    const backlogs = this.store.all.filter((backlog) => backlog.fileUri && backlog.state.kind !== 'missing');
    if (backlogs.length === 0) {
      if (interactive) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no backlog to sync yet. Log an entry first.'));
      }
      return;
    }
    this.setState({ kind: 'syncing' });
    const failures: string[] = [];
    const notes: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Syncing the Stupid Work backlog') }, async () => {
      // Loaded on first sync: git support is the second-heaviest code after the parser.
      const { syncBacklog } = await import('../adapters/gitSync');
      for (const backlog of backlogs) {
        const outcome = await syncBacklog({ file: (backlog.fileUri as vscode.Uri).fsPath });
        const where = this.store.all.length > 1 ? `${backlog.folder.name}: ` : '';
        if (outcome.ok) {
          this.logger.info(`Synced ${backlog.relativePath} in ${backlog.folder.name}: committed ${outcome.committed}, pulled ${outcome.pulled}, pushed ${outcome.pushed}, ${outcome.merged.length} concurrent edits resolved, ${outcome.attempts} attempt(s)`);
          if (outcome.merged.length > 0) {
            notes.push(where + vscode.l10n.t('{0} concurrent edits merged; the replaced values are kept in each entry\'s history.', outcome.merged.length));
          }
          await backlog.reload();
        } else {
          this.logger.warn(`Sync of ${backlog.relativePath} in ${backlog.folder.name} stopped (${outcome.reason}): ${outcome.message}`);
          failures.push(where + outcome.message);
        }
      }
    });
    if (failures.length > 0) {
      this.setState({ kind: 'error', message: failures.join('\n') });
      if (interactive) {
        const show = vscode.l10n.t('Show Output');
        void vscode.window.showErrorMessage(vscode.l10n.t('Stupid Work sync stopped: {0}', failures.join(' ')), show).then((choice) => {
          if (choice === show) {
            this.logger.show();
          }
        });
      }
      return;
    }
    this.setState({ kind: 'synced', at: new Date() });
    if (interactive) {
      void vscode.window.showInformationMessage([vscode.l10n.t('The backlog is in sync.'), ...notes].join(' '));
    }
  }

  private setState(state: SyncState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const hasBacklog = this.store.all.some((backlog: FolderBacklog) => backlog.state.kind !== 'missing');
    if (!hasBacklog || !vscode.workspace.isTrusted) {
      this.item.hide();
      return;
    }
    const state = this.state;
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case 'idle':
        this.item.text = '$(sync) ' + vscode.l10n.t('Backlog');
        this.item.tooltip = vscode.l10n.t('Sync the Stupid Work backlog with your team');
        break;
      case 'local':
        this.item.text = '$(cloud-upload) ' + vscode.l10n.t('Backlog');
        this.item.tooltip = vscode.l10n.t('The backlog has local changes. Click to sync.');
        break;
      case 'behind':
        this.item.text = '$(cloud-download) ' + vscode.l10n.t('Backlog');
        this.item.tooltip = vscode.l10n.t('Teammates changed the backlog ({0} commits to bring in). Click to sync.', state.commits);
        break;
      case 'syncing':
        this.item.text = '$(sync~spin) ' + vscode.l10n.t('Syncing backlog…');
        this.item.tooltip = vscode.l10n.t('Syncing the Stupid Work backlog');
        break;
      case 'synced':
        this.item.text = '$(check) ' + vscode.l10n.t('Backlog');
        this.item.tooltip = vscode.l10n.t('In sync since {0}. Click to sync again.', state.at.toLocaleTimeString());
        break;
      case 'error':
        this.item.text = '$(warning) ' + vscode.l10n.t('Backlog');
        this.item.tooltip = state.message;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    this.item.show();
  }
}
