import * as vscode from 'vscode';
import { plainText } from '../../core/text/inertText';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { autoSyncSetting, syncIntervalSetting, syncSettings } from '../../adapters/workspace/config';
import type { BacklogSyncOutcome } from '../../adapters/sync/backlogSync';
import type { BranchPlace } from '../../adapters/sync/syncStop';
import type { BacklogStatus } from '../../adapters/sync/backlogStatus';
import { messageText } from '../shared/messageText';

/** What the status bar says about one folder's backlog. */
type FolderSync =
  | { kind: 'unknown' }
  | { kind: 'not-shared'; remote: string; branch: string }
  | { kind: 'changes'; status: BacklogStatus }
  | { kind: 'synced'; at: Date; remote: string; branch: string }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string };

/** Quiet: no notification, and no branch is ever created. */
const BACKGROUND = false;

/**
 * The Sync command, the status bar item, the background checks and first contact. Git runs only in
 * trusted workspaces, because it executes the repository's configuration and hooks.
 */
export class SyncController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stupidWork.sync', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly folders = new Map<string, FolderSync>();
  /** Folders already asked whether a fresh clone should receive the backlog, and files already kept out of git status. */
  private readonly probed = new Set<string>();
  private readonly excluded = new Set<string>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private syncing = false;
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
      store.onDidWrite((backlog) => this.written(backlog)),
      store.onDidChange((backlog) => {
        if (backlog) this.probe(backlog);
        else for (const each of store.all) this.probe(each);
        this.render();
        // The file changed (a save, a hand edit, a sync): say again what waits to go out, from local state only.
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(false), 1000);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.sync')) {
          this.schedule();
          void this.refresh(false);
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.schedule();
        for (const backlog of store.all) this.probe(backlog);
        void this.refresh(false);
      }),
    );
    this.schedule();
    this.render();
  }

  /** Syncs every folder that has a backlog; `interactive` asks before creating a branch and reports the outcome. */
  syncAll(interactive: boolean): Promise<void> {
    this.running ??= this.run(interactive, this.store.all.filter((backlog) => backlog.fileUri && backlog.state.kind !== 'missing')).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Reads each folder's state for the status bar; `fetch` asks the remote first (one fetch of one ref). */
  async refresh(fetch: boolean): Promise<void> {
    if (!vscode.workspace.isTrusted || this.running) return;
    const { backlogStatus } = await import('../../adapters/sync/backlogStatus');
    for (const backlog of this.shared()) {
      const outcome = await backlogStatus((backlog.fileUri as vscode.Uri).fsPath, syncSettings(backlog.folder), fetch);
      if (this.running) return;
      if (!outcome.ok) {
        this.folders.set(backlog.key, { kind: outcome.reason === 'offline' ? 'offline' : 'error', message: plainText(messageText(outcome.message)) });
        continue;
      }
      const { status } = outcome;
      if (status.state === 'not-shared') this.folders.set(backlog.key, { kind: 'not-shared', remote: status.remote, branch: status.branch });
      else if (status.state === 'in-sync') this.folders.set(backlog.key, { kind: 'synced', at: this.syncedAt(backlog) ?? new Date(), remote: status.remote, branch: status.branch });
      else if (status.state !== 'no-backlog') this.folders.set(backlog.key, { kind: 'changes', status });
    }
    this.render();
  }

  dispose(): void {
    clearTimeout(this.autoTimer);
    clearTimeout(this.refreshTimer);
    clearInterval(this.interval);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private shared(): FolderBacklog[] {
    return this.store.all.filter((backlog) => backlog.fileUri && backlog.state.kind !== 'missing');
  }

  private syncedAt(backlog: FolderBacklog): Date | undefined {
    const state = this.folders.get(backlog.key);
    return state?.kind === 'synced' ? state.at : undefined;
  }

  /** A new file is kept out of git status at once; a change goes out on its own when auto-sync is on. */
  private written(backlog: FolderBacklog): void {
    if (!vscode.workspace.isTrusted) return;
    const file = backlog.fileUri?.fsPath;
    if (file && !this.excluded.has(file)) {
      void import('../../adapters/sync/backlogStatus').then(async ({ excludeBacklogFile }) => {
        if (await excludeBacklogFile(file)) this.excluded.add(file);
      });
    }
    if (autoSyncSetting()) {
      clearTimeout(this.autoTimer);
      // A burst of edits (a retro's votes, say) makes one commit.
      this.autoTimer = setTimeout(() => void this.syncAll(BACKGROUND), 2000);
    }
  }

  /**
   * First contact: a folder with no working copy, in a clone that already knows of the backlog branch,
   * receives the team's backlog quietly, with no command and no commit. Asked once per folder.
   */
  private probe(backlog: FolderBacklog): void {
    const file = backlog.fileUri?.fsPath;
    if (!vscode.workspace.isTrusted || !file || backlog.state.kind !== 'missing' || this.probed.has(backlog.key)) return;
    this.probed.add(backlog.key);
    void (async () => {
      const { knowsBacklogBranch } = await import('../../adapters/sync/backlogStatus');
      if (await knowsBacklogBranch(file, syncSettings(backlog.folder))) {
        this.logger.info(`${backlog.folder.name} has no ${backlog.relativePath} yet, and the backlog branch exists: receiving the team's backlog`);
        await this.running;
        this.running = this.run(BACKGROUND, [backlog]).finally(() => {
          this.running = undefined;
        });
      }
    })();
  }

  /** Background checks: with auto-sync a full sync, otherwise a fetch that only updates the status bar. */
  private schedule(): void {
    clearInterval(this.interval);
    const minutes = syncIntervalSetting();
    if (minutes > 0 && vscode.workspace.isTrusted) {
      this.interval = setInterval(() => void (autoSyncSetting() ? this.syncAll(BACKGROUND) : this.refresh(true)), minutes * 60000);
    }
  }

  private async run(interactive: boolean, backlogs: FolderBacklog[]): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('This workspace is not trusted, so Stupid Work runs no git command. Trust the workspace to sync.'));
      return;
    }
    if (backlogs.length === 0) {
      if (interactive) void vscode.window.showInformationMessage(vscode.l10n.t('There is no backlog to sync yet. Log an entry first.'));
      return;
    }
    this.syncing = true;
    this.render();
    const reports: string[] = [];
    const failures: string[] = [];
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Syncing the Stupid Work backlog') }, async () => {
        // Loaded on first sync: git support is the second-heaviest code after the parser.
        const { syncBacklog } = await import('../../adapters/sync/backlogSync');
        for (const backlog of backlogs) {
          const outcome = await syncBacklog({
            file: (backlog.fileUri as vscode.Uri).fsPath,
            ...syncSettings(backlog.folder),
            interactive,
            confirmCreate: interactive ? (place) => confirmCreate(place) : undefined,
            confirmMove: interactive ? (place) => confirmMove(place) : undefined,
            replaceWorkingCopy: (expected, next) => backlog.replaceIfUnchanged(expected, next),
          });
          const where = this.store.all.length > 1 ? `${backlog.folder.name}: ` : '';
          this.record(backlog, outcome);
          if (outcome.ok) {
            reports.push(...this.report(where, backlog, outcome));
          } else if (outcome.reason !== 'not-shared' || interactive) {
            failures.push(where + plainText(messageText(outcome.message)));
          }
        }
      });
    } finally {
      this.syncing = false;
      this.render();
    }
    if (!interactive) return;
    if (failures.length > 0) {
      const show = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(vscode.l10n.t('Stupid Work sync stopped: {0}', failures.join(' ')), show).then((choice) => {
        if (choice === show) this.logger.show();
      });
      return;
    }
    void vscode.window.showInformationMessage(reports.join(' '));
  }

  private record(backlog: FolderBacklog, outcome: BacklogSyncOutcome): void {
    if (outcome.ok) {
      this.logger.info(
        `Synced ${backlog.relativePath} in ${backlog.folder.name} with ${outcome.remote}/${outcome.branch}: pushed ${outcome.pushed}, received ${outcome.received}, created ${outcome.created}, moved ${outcome.moved}, ${outcome.conflicts.length} concurrent edits, ${outcome.attempts} attempt(s)${outcome.notes.length ? `, ${outcome.notes.join(', ')}` : ''}`,
      );
      this.folders.set(backlog.key, { kind: 'synced', at: new Date(), remote: outcome.remote, branch: outcome.branch });
      return;
    }
    this.logger.warn(`Sync of ${backlog.relativePath} in ${backlog.folder.name} stopped (${outcome.reason}): ${messageText(outcome.message)}${outcome.remoteLines?.length ? `\n${outcome.remoteLines.join('\n')}` : ''}`);
    if (outcome.reason === 'not-shared' && outcome.remote) this.folders.set(backlog.key, { kind: 'not-shared', remote: outcome.remote, branch: outcome.branch });
    else if (outcome.reason === 'offline') this.folders.set(backlog.key, { kind: 'offline', message: plainText(messageText(outcome.message)) });
    else if (outcome.reason !== 'cancelled' && outcome.reason !== 'no-backlog') this.folders.set(backlog.key, { kind: 'error', message: plainText(messageText(outcome.message)) });
  }

  private report(where: string, backlog: FolderBacklog, outcome: Extract<BacklogSyncOutcome, { ok: true }>): string[] {
    const lines = [where + vscode.l10n.t('The backlog is in sync with {0}/{1}.', outcome.remote, outcome.branch)];
    if (outcome.created) lines.push(vscode.l10n.t('The branch {0} was created on {1}; teammates receive the backlog from it.', outcome.branch, outcome.remote));
    if (outcome.conflicts.length > 0) lines.push(vscode.l10n.t('{0} concurrent edits merged; the replaced values are kept in each entry\'s history.', outcome.conflicts.length));
    if (outcome.notes.includes('base-unreadable')) lines.push(vscode.l10n.t('The last synced state could not be read, so both sides were merged without it: an entry deleted meanwhile may come back.'));
    if (outcome.notes.includes('theirs-repaired')) lines.push(vscode.l10n.t('The file on the branch held conflict markers; both sides in them were merged.'));
    if (outcome.moved) lines.push(vscode.l10n.t('{0} was unstaged from your code branch: commit that removal when you are ready.', backlog.relativePath));
    return lines;
  }

  private render(): void {
    if (!vscode.workspace.isTrusted || !this.store.all.some((backlog) => backlog.state.kind !== 'missing')) {
      this.item.hide();
      return;
    }
    this.item.backgroundColor = undefined;
    const states = [...this.folders.values()];
    const find = <K extends FolderSync['kind']>(kind: K) => states.find((s): s is Extract<FolderSync, { kind: K }> => s.kind === kind);
    const error = find('error');
    const offline = find('offline');
    const notShared = find('not-shared');
    const changes = states.filter((s): s is Extract<FolderSync, { kind: 'changes' }> => s.kind === 'changes').map((s) => s.status);
    const synced = find('synced');
    if (this.syncing) {
      this.show('$(sync~spin)', vscode.l10n.t('Syncing backlog…'), vscode.l10n.t('Syncing the Stupid Work backlog'));
    } else if (error) {
      this.show('$(warning)', vscode.l10n.t('Backlog'), vscode.l10n.t('Sync stopped: {0} Click to sync again.', error.message));
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (offline) {
      this.show('$(debug-disconnect)', vscode.l10n.t('Backlog'), vscode.l10n.t('Offline: {0}', offline.message));
    } else if (notShared) {
      this.show('$(cloud)', vscode.l10n.t('Backlog'), vscode.l10n.t('The backlog is not shared yet: {0} has no branch {1}. Click to create it.', notShared.remote, notShared.branch));
    } else if (changes.some((s) => s.state === 'outgoing' || s.state === 'both')) {
      const count = changes.reduce((sum, s) => sum + s.outgoing.added + s.outgoing.changed + s.outgoing.removed, 0);
      this.show('$(cloud-upload)', vscode.l10n.t('Backlog'), vscode.l10n.t('{0} changed entries wait to go out. Click to sync.', count));
    } else if (changes.some((s) => s.state === 'incoming')) {
      const count = changes.reduce((sum, s) => sum + s.incoming.added + s.incoming.changed + s.incoming.removed, 0);
      this.show('$(cloud-download)', vscode.l10n.t('Backlog'), vscode.l10n.t('Teammates changed {0} entries. Click to bring them in.', count));
    } else if (synced) {
      this.show('$(check)', vscode.l10n.t('Backlog'), vscode.l10n.t('In sync with {0}/{1} since {2}. Click to sync again.', synced.remote, synced.branch, synced.at.toLocaleTimeString()));
    } else {
      this.show('$(sync)', vscode.l10n.t('Backlog'), vscode.l10n.t('Sync the Stupid Work backlog with your team'));
    }
    this.item.show();
  }

  private show(icon: string, text: string, tooltip: string): void {
    this.item.text = `${icon} ${text}`;
    this.item.tooltip = tooltip;
  }
}

/** A modal question with one button besides Cancel; resolves whether that button was chosen. */
async function confirmModal(question: string, detail: string, button: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}

function confirmCreate(place: BranchPlace): Promise<boolean> {
  return confirmModal(
    vscode.l10n.t('Share the backlog on the branch {0} of {1}?', place.branch, place.remote),
    vscode.l10n.t(
      'Sync creates the branch {0} on {1} ({2}). It holds only the backlog and a README, has no code history, and never touches your branches or your working tree. Teammates who open this repository receive the backlog from it.',
      place.branch,
      place.remote,
      place.url,
    ),
    vscode.l10n.t('Create Branch'),
  );
}

function confirmMove(place: BranchPlace & { relativePath: string }): Promise<boolean> {
  return confirmModal(
    vscode.l10n.t('Move {0} to the branch {1}?', place.relativePath, place.branch),
    vscode.l10n.t(
      '{0} is committed on your code branch, from before the backlog had a branch of its own. Its entries go to the branch {1} on {2}, and the file is unstaged here (git rm --cached) so that you can commit its removal. Nothing is committed for you, and the file stays on disk.',
      place.relativePath,
      place.branch,
      place.remote,
    ),
    vscode.l10n.t('Move Backlog'),
  );
}
