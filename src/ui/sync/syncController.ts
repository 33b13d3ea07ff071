import * as vscode from 'vscode';
import { plainText } from '../../core/text/inertText';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { autoSyncSetting, syncSettings } from '../../adapters/workspace/config';
import type { BacklogSyncOutcome } from '../../adapters/sync/backlogSync';
import type { BranchPlace } from '../../adapters/sync/syncStop';
import { messageText } from '../shared/messageText';
import type { ChangeCount } from '../../core/sync/backlogBranch';
import { announceFailure, meansUnshared, type FolderSyncState } from '../../core/sync/syncIndicator';
import { LiveRetroWatch } from './liveRetro';
import { SyncRhythm } from './syncRhythm';
import { renderSyncStatus } from './syncStatusBar';
import { concurrentEditsText } from '../shared/counted';
import { plural } from '../../core/text/plural';
import { remoteLabel } from '../../core/sync/remoteLabel';

function total(changes: ChangeCount): number {
  return changes.added + changes.changed + changes.removed;
}

/** Quiet: no notification, and no branch is ever created. */
const BACKGROUND = false;

/**
 * The Sync command, the status bar item, the background syncs and first contact. Git runs only in
 * trusted workspaces, because it executes the repository's configuration and hooks.
 */
export class SyncController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stupidWork.sync', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly folders = new Map<string, FolderSyncState>();
  /** Folders already asked whether a fresh clone should receive the backlog, and files already kept out of git status. */
  private readonly probed = new Set<string>();
  private readonly excluded = new Set<string>();
  /**
   * Folders outside git or without a remote: a background sync can do nothing there (only the Sync
   * command creates a branch), so it skips them until that command runs or a setting changes.
   */
  private readonly unshared = new Set<string>();
  /** Per folder, the stop last written to the log: a background sync that stops the same way again is not logged again. */
  private readonly lastStop = new Map<string, string>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private syncing = false;
  private running: Promise<void> | undefined;
  /** The last successful sync of any folder, this session. */
  private lastSynced: Date | undefined;
  /** A background failure was shown since the last successful sync: it is not shown again. */
  private announced = false;
  /** Whether this window follows a running retro live, and when teammates' changes last arrived. */
  readonly live: LiveRetroWatch;
  private readonly rhythm: SyncRhythm;

  constructor(
    private readonly store: BacklogStore,
    private readonly logger: vscode.LogOutputChannel,
    backlogView?: vscode.TreeView<unknown>,
  ) {
    this.item.name = vscode.l10n.t('Stupid Work Sync');
    this.item.command = 'stupidWork.sync';
    this.live = new LiveRetroWatch(store, backlogView, () => this.rhythm.update());
    this.rhythm = new SyncRhythm(this.live, {
      check: () => (autoSyncSetting() ? this.syncAll(BACKGROUND) : this.refresh(true)),
      // A sync already under way may have read the file before this change: a new one follows it.
      push: async () => {
        await this.running;
        await this.syncAll(BACKGROUND);
      },
      onRhythm: () => this.render(),
    });
    this.disposables.push(
      this.live,
      this.rhythm,
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
          this.unshared.clear();
          this.rhythm.update();
          void this.refresh(false);
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.rhythm.update();
        for (const backlog of store.all) this.probe(backlog);
        void this.refresh(false);
      }),
    );
    this.render();
  }

  /** Syncs every folder that has a backlog; `interactive` asks before creating a branch and reports the outcome. */
  syncAll(interactive: boolean): Promise<void> {
    this.running ??= this.run(interactive, this.store.all.filter((backlog) => backlog.fileUri && backlog.state.kind !== 'missing')).finally(() => {
      this.running = undefined;
      this.rhythm.synced();
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
        if (meansUnshared(outcome.reason)) this.folders.delete(backlog.key);
        else this.folders.set(backlog.key, { kind: outcome.reason === 'offline' ? 'offline' : 'error', message: plainText(messageText(outcome.message)) });
        continue;
      }
      const { status } = outcome;
      if (status.state === 'not-shared') this.folders.set(backlog.key, { kind: 'not-shared', remote: status.remote, branch: status.branch });
      else if (status.state === 'in-sync') this.folders.set(backlog.key, { kind: 'synced', remote: status.remote, branch: status.branch });
      else if (status.state !== 'no-backlog') this.folders.set(backlog.key, { kind: 'changes', outgoing: total(status.outgoing), incoming: total(status.incoming) });
    }
    this.render();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private shared(): FolderBacklog[] {
    return this.store.all.filter((backlog) => backlog.fileUri && backlog.state.kind !== 'missing');
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
    this.rhythm.saved();
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

  private async run(interactive: boolean, backlogs: FolderBacklog[]): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('This workspace is not trusted, so Stupid Work runs no git command. Trust the workspace to sync.'));
      return;
    }
    if (backlogs.length === 0) {
      if (interactive) void vscode.window.showInformationMessage(vscode.l10n.t('There is no backlog to sync yet. Log an entry first.'));
      return;
    }
    if (interactive) this.unshared.clear();
    else backlogs = backlogs.filter((backlog) => !this.unshared.has(backlog.key));
    this.syncing = interactive;
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
          this.record(backlog, outcome, interactive);
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
    if (!interactive) {
      this.announceOnce(failures);
      return;
    }
    if (failures.length > 0) {
      const show = vscode.l10n.t('Show Output');
      void vscode.window.showErrorMessage(vscode.l10n.t('Stupid Work sync stopped: {0}', failures.join(' ')), show).then((choice) => {
        if (choice === show) this.logger.show();
      });
      return;
    }
    void vscode.window.showInformationMessage(reports.join(' '));
  }

  private record(backlog: FolderBacklog, outcome: BacklogSyncOutcome, interactive: boolean): void {
    if (outcome.ok) {
      this.lastStop.delete(backlog.key);
      // A live retro checks every few seconds: only a sync that changed something, or that a person asked for, is worth a line.
      const changed = interactive || outcome.pushed || outcome.received || outcome.created || outcome.moved;
      this.logger[changed ? 'info' : 'trace'](
        `Synced ${backlog.relativePath} in ${backlog.folder.name} with ${outcome.remote}/${outcome.branch}: pushed ${outcome.pushed}, received ${outcome.received}, created ${outcome.created}, moved ${outcome.moved}, ${plural({ one: '{0} concurrent edit', other: '{0} concurrent edits' }, outcome.conflicts.length, 'en')}, ${plural({ one: '{0} attempt', other: '{0} attempts' }, outcome.attempts, 'en')}${outcome.notes.length ? `, ${outcome.notes.join(', ')}` : ''}`,
      );
      const now = new Date();
      this.folders.set(backlog.key, { kind: 'synced', remote: outcome.remote, branch: outcome.branch });
      this.lastSynced = now;
      this.announced = false;
      if (outcome.received) this.live.arrived(backlog.key, now);
      return;
    }
    const stop = `${outcome.reason} ${messageText(outcome.message)}`;
    if (meansUnshared(outcome.reason)) this.unshared.add(backlog.key);
    if (interactive || this.lastStop.get(backlog.key) !== stop) this.logger.warn(`Sync of ${backlog.relativePath} in ${backlog.folder.name} stopped (${outcome.reason}): ${messageText(outcome.message)}${outcome.remoteLines?.length ? `\n${outcome.remoteLines.join('\n')}` : ''}`);
    this.lastStop.set(backlog.key, stop);
    if (outcome.reason === 'not-shared' && outcome.remote) this.folders.set(backlog.key, { kind: 'not-shared', remote: outcome.remote, branch: outcome.branch });
    else if (outcome.reason === 'offline') this.folders.set(backlog.key, { kind: 'offline', message: plainText(messageText(outcome.message)) });
    else if (meansUnshared(outcome.reason)) this.folders.delete(backlog.key);
    else if (outcome.reason !== 'cancelled' && outcome.reason !== 'no-backlog') this.folders.set(backlog.key, { kind: 'error', message: plainText(messageText(outcome.message)), reason: outcome.reason });
  }

  /** A background sync never prompts; the first failure since the last success that needs the person is shown once. */
  private announceOnce(failures: string[]): void {
    const reasons = [...this.folders.values()].flatMap((s) => (s.kind === 'error' && s.reason ? [s.reason] : []));
    const reason = reasons.find((r) => announceFailure(this.announced, r));
    if (reason === undefined || failures.length === 0) return;
    this.announced = true;
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(vscode.l10n.t('Stupid Work could not sync the backlog: {0} The status bar shows when it syncs again.', failures.join(' ')), show).then((choice) => {
      if (choice === show) this.logger.show();
    });
  }

  private report(where: string, backlog: FolderBacklog, outcome: Extract<BacklogSyncOutcome, { ok: true }>): string[] {
    const remote = remoteLabel(outcome.remote, outcome.url);
    const lines = [where + vscode.l10n.t('The backlog is in sync with the branch {0} on {1}.', outcome.branch, remote)];
    if (outcome.created) lines.push(vscode.l10n.t('The branch {0} was created on {1}; teammates receive the backlog from it.', outcome.branch, remote));
    if (outcome.conflicts.length > 0) lines.push(vscode.l10n.t('{0} merged; the replaced values are kept in each entry\'s history.', concurrentEditsText(outcome.conflicts.length)));
    if (outcome.notes.includes('base-unreadable')) lines.push(vscode.l10n.t('The last synced state could not be read, so both sides were merged without it: an entry deleted meanwhile may come back.'));
    if (outcome.notes.includes('theirs-repaired')) lines.push(vscode.l10n.t('The file on the branch held conflict markers; both sides in them were merged.'));
    if (outcome.shared.length > 0) lines.push(vscode.l10n.t('On the branch {0} of {1} now: {2}.', outcome.branch, outcome.remote, outcome.shared.join(', ')));
    if (outcome.moved) lines.push(vscode.l10n.t('{0} was unstaged from your code branch: commit that removal when you are ready.', backlog.relativePath));
    return lines;
  }

  private render(): void {
    if (!vscode.workspace.isTrusted || !this.store.all.some((backlog) => backlog.state.kind !== 'missing')) {
      this.item.hide();
      return;
    }
    renderSyncStatus(this.item, { folders: [...this.folders.values()], syncing: this.syncing, live: this.rhythm.isLive, liveSeconds: this.rhythm.liveSeconds, lastSynced: this.lastSynced });
    this.item.show();
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
      'Sync creates the branch {0} on {1}. It holds only the backlog and a README, has no code history, and never touches your branches or your working tree. Teammates who open this repository receive the backlog from it.',
      place.branch,
      remoteLabel(place.remote, place.url),
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
      remoteLabel(place.remote, place.url),
    ),
    vscode.l10n.t('Move Backlog'),
  );
}
