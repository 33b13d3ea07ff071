import * as vscode from 'vscode';
import { plainText } from '../../core/text/inertText';
import { messageText } from '../shared/messageText';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import type { DriverHealth, DriverProblem } from '../../adapters/mergeDriver/mergeDriverSetup';

/** A repository whose registered merge driver cannot be trusted to run, found through one of its folders. */
export interface MergeDriverFinding {
  folderKey: string;
  root: string;
  problem: DriverProblem;
}

export interface MergeDriverDeps {
  extensionUri: vscode.Uri;
  store: BacklogStore;
  workspaceState: vscode.Memento;
  logger: vscode.LogOutputChannel;
}

const DISMISSED_KEY = 'stupidWork.mergeDriver.dismissed';
/** Coming back to the window re-checks, at most this often: a worktree may have been removed in a terminal. */
const RECHECK_MS = 30000;

function problemKey(root: string, problem: DriverProblem): string {
  return `${root}\u0000${problem.kind}\u0000${'path' in problem ? problem.path : ''}`;
}

/**
 * The Install Git Merge Driver command, and a watch on every repository's registered driver: when it
 * can no longer start (or will not survive a removed worktree), the person is told what git will do
 * now and offered to re-register it. git runs only in trusted workspaces.
 */
export class MergeDriverMonitor implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly current = new Map<string, MergeDriverFinding>();
  private readonly raised = new Set<string>();
  private checking: Promise<MergeDriverFinding[]> | undefined;
  private lastCheck = 0;

  constructor(private readonly deps: MergeDriverDeps) {
    this.disposables.push(
      vscode.commands.registerCommand('stupidWork.installMergeDriver', () => this.installCommand()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.check()),
      vscode.workspace.onDidChangeWorkspaceFolders(async (event) => {
        if (event.added.length === 0) return;
        // The store reads an added folder's backlog asynchronously; the check needs to know whether there is one.
        await Promise.all(event.added.map((folder) => deps.store.get(folder.uri.toString())?.reload() ?? Promise.resolve()));
        await this.check();
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused && Date.now() - this.lastCheck > RECHECK_MS) void this.check();
      }),
    );
  }

  /** The problems found by the latest check, one per repository. */
  get findings(): MergeDriverFinding[] {
    return [...this.current.values()];
  }

  /** Checks every folder's repository now, warning once about each new problem; resolves with all problems found. */
  check(): Promise<MergeDriverFinding[]> {
    this.checking ??= this.inspectAll().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Registers the driver again for the repository of a folder's backlog, as the warning's button does. */
  async reinstall(folderKey: string): Promise<boolean> {
    const backlog = this.deps.store.get(folderKey);
    if (!backlog) {
      return false;
    }
    const root = await this.install(backlog);
    if (root === undefined) {
      return false;
    }
    // A registration that breaks again later is news again.
    for (const key of this.raised) {
      if (key.startsWith(`${root}\u0000`)) this.raised.delete(key);
    }
    await this.check();
    return true;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async inspectAll(): Promise<MergeDriverFinding[]> {
    this.lastCheck = Date.now();
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    const { inspectMergeDriver } = await import('../../adapters/mergeDriver/mergeDriverSetup');
    const found = new Map<string, MergeDriverFinding>();
    for (const backlog of this.deps.store.all) {
      const file = backlog.fileUri;
      if (!file || backlog.state.kind === 'missing') continue;
      const health = await inspectMergeDriver(file.fsPath);
      const problem = health?.problem;
      if (health && problem && !found.has(health.root)) {
        found.set(health.root, { folderKey: backlog.key, root: health.root, problem });
        this.raise(backlog, health, problem);
      }
    }
    this.current.clear();
    for (const [root, finding] of found) this.current.set(root, finding);
    return this.findings;
  }

  private raise(backlog: FolderBacklog, { root, registered }: DriverHealth, problem: DriverProblem): void {
    const key = problemKey(root, problem);
    const dismissed = this.deps.workspaceState.get<string[]>(DISMISSED_KEY, []);
    if (this.raised.has(key) || dismissed.includes(key)) {
      return;
    }
    this.raised.add(key);
    const name = backlog.relativePath;
    const consequence = registered.guarded
      ? vscode.l10n.t('Until then, git merges the backlog line by line and reports a conflict.')
      : vscode.l10n.t('Until then, a git merge keeps only your side of the backlog, without conflict markers, so a teammate\'s entries could be lost.');
    const text = (() => {
      switch (problem.kind) {
        case 'missing-runtime':
          return vscode.l10n.t('The git merge driver for {0} can no longer start: its runtime {1} is gone, perhaps after the editor was updated or moved. {2}', name, problem.path, consequence);
        case 'missing-program':
          return vscode.l10n.t('The git merge driver for {0} can no longer start: its program {1} is gone, perhaps with the worktree it was installed from. {2}', name, problem.path, consequence);
        case 'worktree-program':
          return vscode.l10n.t('The git merge driver for {0} runs from {1}, inside a linked worktree\'s git folder: it stops working when that worktree is removed.', name, problem.path);
        case 'unguarded':
          return vscode.l10n.t('The git merge driver for {0} was registered by an earlier version: should it ever fail to start, a git merge would keep only your side of the backlog.', name);
      }
    })();
    this.deps.logger.warn(text);
    const reregister = vscode.l10n.t('Re-register');
    const never = vscode.l10n.t('Don\'t Ask Again');
    void vscode.window.showWarningMessage(vscode.l10n.t('Stupid Work: {0} Re-register it?', text), reregister, never).then(async (choice) => {
      if (choice === reregister) {
        await this.reinstall(backlog.key);
      } else if (choice === never) {
        await this.deps.workspaceState.update(DISMISSED_KEY, [...this.deps.workspaceState.get<string[]>(DISMISSED_KEY, []), key]);
      }
    });
  }

  private async installCommand(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Trust this workspace first: installing the merge driver runs git.'));
      return;
    }
    const candidates = this.deps.store.all.filter((b) => b.fileUri !== undefined);
    const backlog =
      candidates.length <= 1
        ? candidates[0]
        : (
            await vscode.window.showQuickPick(
              candidates.map((b) => ({ label: b.folder.name, description: b.relativePath, backlog: b })),
              { placeHolder: vscode.l10n.t('Install the merge driver in which folder?') },
            )
          )?.backlog;
    if (!backlog) {
      return;
    }
    const install = vscode.l10n.t('Install');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Let plain git merge {0} entry by entry?', backlog.relativePath),
      {
        modal: true,
        detail: vscode.l10n.t(
          'This adds a merge driver to this repository\'s local git config, copies its program into the .git folder, and adds a line to .gitattributes that you can commit so teammates who install it too get the same merge. It runs with the runtime of this editor.',
        ),
      },
      install,
    );
    if (choice === install) {
      await this.install(backlog);
    }
  }

  /** Installs for one folder's backlog and says how it went; resolves with the repository's root once git runs the driver for the file. */
  private async install(backlog: FolderBacklog): Promise<string | undefined> {
    const file = backlog.fileUri;
    if (!file) {
      return undefined;
    }
    const { installMergeDriver, MergeDriverError } = await import('../../adapters/mergeDriver/mergeDriverSetup');
    try {
      const result = await installMergeDriver({
        file: file.fsPath,
        driverScript: vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'mergeDriver.js').fsPath,
        runtime: process.execPath,
      });
      this.deps.logger.info(`Installed the merge driver in ${result.root}: ${result.program}`);
      void vscode.window.showInformationMessage(
        result.attributesChanged
          ? vscode.l10n.t('Merge driver installed, and git check-attr confirms it applies to {0}. Commit .gitattributes so the rule travels with the repository.', backlog.relativePath)
          : vscode.l10n.t('Merge driver installed, and git check-attr confirms it applies to {0}; .gitattributes already had the rule.', backlog.relativePath),
      );
      return result.root;
    } catch (error) {
      const reason = error instanceof MergeDriverError ? messageText(error.text) : (error as Error).message;
      const message = vscode.l10n.t('Could not install the merge driver: {0}', plainText(reason));
      this.deps.logger.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  }
}
