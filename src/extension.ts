import * as vscode from 'vscode';
import type { BacklogStore } from './adapters/file/backlogStore';
import type { Clock } from './core/model/calendar';
import type { BacklogNode, BacklogTreeProvider } from './ui/backlog/backlogTree';
import type { BacklogLogHost } from './ui/log/backlogLogHost';
import type { LogViewProvider } from './ui/log/logViewProvider';
import type { MergeDriverMonitor } from './ui/mergeDriver/mergeDriver';
import type { SyncController } from './ui/sync/syncController';
import type * as Features from './features';
import { LazyCodeLensProvider, LazyTreeDataProvider, LazyWebviewViewProvider, registerLazyCommands } from './ui/shared/lazyProviders';

/** Handed to other extensions and to the extension-host tests. */
export interface StupidWorkApi {
  store: BacklogStore;
  tree: BacklogTreeProvider;
  treeView: vscode.TreeView<BacklogNode>;
  logHost: BacklogLogHost;
  log: LogViewProvider;
  sync: SyncController;
  mergeDriver: MergeDriverMonitor;
  /** "Now" and the viewer's time zone for every view and change; tests set its functions to fix them. */
  clock: Clock;
}

interface Manifest {
  contributes: { commands: { command: string }[] };
}

/**
 * Registers the contributions and nothing else: stand-ins for the commands, the views and the
 * CodeLens. The features load right after activation returns, so the views, CodeLens and the status
 * bar appear without anyone asking, or earlier on the first call from VS Code or a command.
 */
export function activate(context: vscode.ExtensionContext): StupidWorkApi {
  let api: StupidWorkApi | undefined;
  const start = (): StupidWorkApi => {
    if (!api) {
      // A synchronous load, so a provider called by VS Code before the deferred start can answer at once.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startFeatures } = require('./features') as typeof Features;
      api = startFeatures(context, shells);
    }
    return api;
  };
  const tree = new LazyTreeDataProvider<BacklogNode>(start);
  const shells = {
    tree,
    treeView: vscode.window.createTreeView('stupidWork.backlog', { treeDataProvider: tree, showCollapseAll: true }),
    log: new LazyWebviewViewProvider(start),
    codeLens: new LazyCodeLensProvider(start),
    commands: registerLazyCommands((context.extension.packageJSON as Manifest).contributes.commands.map(({ command }) => command), start),
  };
  const deferred = setTimeout(start, 0);
  context.subscriptions.push(
    shells.tree,
    shells.treeView,
    shells.log,
    shells.codeLens,
    shells.commands,
    vscode.window.registerWebviewViewProvider('stupidWork.log', shells.log),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, shells.codeLens),
    new vscode.Disposable(() => clearTimeout(deferred)),
  );
  return {
    get store() { return start().store; },
    get tree() { return start().tree; },
    get treeView() { return shells.treeView; },
    get logHost() { return start().logHost; },
    get log() { return start().log; },
    get sync() { return start().sync; },
    get mergeDriver() { return start().mergeDriver; },
    get clock() { return start().clock; },
  };
}

export function deactivate(): void {}
