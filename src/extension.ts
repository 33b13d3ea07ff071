import * as vscode from 'vscode';
import { BacklogStore } from './adapters/backlogStore';
import { BacklogTreeProvider, type BacklogNode } from './ui/backlogTree';
import { BacklogLogHost } from './ui/backlogLogHost';
import { registerCommands } from './ui/commands';
import { trackContextKeys } from './ui/contextKeys';
import { createLabels } from './ui/labels';
import { LogViewProvider } from './ui/logViewProvider';
import { notifyProblems } from './ui/problemNotifier';
import { SyncController } from './ui/syncController';

/** Handed to other extensions and to the extension-host tests. */
export interface StupidWorkApi {
  store: BacklogStore;
  tree: BacklogTreeProvider;
  treeView: vscode.TreeView<BacklogNode>;
  logHost: BacklogLogHost;
  sync: SyncController;
}

export function activate(context: vscode.ExtensionContext): StupidWorkApi {
  const logger = vscode.window.createOutputChannel('Stupid Work', { log: true });
  const labels = createLabels();
  const store = new BacklogStore(logger);
  const tree = new BacklogTreeProvider(store, labels, context.workspaceState);
  const treeView = vscode.window.createTreeView('stupidWork.backlog', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(treeView);
  const logHost = new BacklogLogHost(
    store,
    (folderKey, id) => {
      tree.markOwn(id);
      void tree.reveal(folderKey, id);
    },
    logger,
  );
  const log = new LogViewProvider(context.extensionUri, logHost, context.workspaceState, logger);
  const sync = new SyncController(store, logger);

  context.subscriptions.push(
    logger,
    store,
    tree,
    treeView,
    logHost,
    log,
    sync,
    trackContextKeys(store),
    notifyProblems(store),
    vscode.window.registerWebviewViewProvider(LogViewProvider.viewType, log),
    ...registerCommands({ extensionUri: context.extensionUri, store, tree, log, sync, labels, logger }),
  );
  void store.reloadAll().then(() => tree.loaded());
  return { store, tree, treeView, logHost, sync };
}

export function deactivate(): void {}
