import * as vscode from 'vscode';
import { BacklogStore } from './adapters/file/backlogStore';
import { systemClock } from './core/model/calendar';
import { BacklogTreeProvider, type BacklogNode } from './ui/backlog/backlogTree';
import { registerArchiveCommands } from './ui/backlog/archiveCommands';
import { BacklogLogHost } from './ui/log/backlogLogHost';
import { registerCodeCommands } from './ui/codeLinks/codeCommands';
import { CodeLinkIndex } from './ui/codeLinks/codeLinkIndex';
import { registerCommands } from './ui/backlog/commands';
import { trackContextKeys } from './ui/backlog/contextKeys';
import { FlaggedCodeLensProvider } from './ui/codeLinks/flaggedCodeLens';
import { FlaggedDecorations } from './ui/codeLinks/flaggedDecorations';
import { IdentityCache } from './ui/shared/identityCache';
import { createLabels } from './ui/shared/labels';
import type { LazyCodeLensProvider, LazyTreeDataProvider, LazyWebviewViewProvider } from './ui/shared/lazyProviders';
import { LogViewProvider } from './ui/log/logViewProvider';
import { MergeDriverMonitor } from './ui/mergeDriver/mergeDriver';
import { notifyProblems } from './ui/backlog/problemNotifier';
import { registerRetroCommands } from './ui/retro/retroCommands';
import { SchemaAssociations } from './ui/shared/schemaAssociations';
import { SyncController } from './ui/sync/syncController';
import type { StupidWorkApi } from './extension';

/** What activation registered for the features to take over: stand-in providers, the tree view and the stand-in commands. */
export interface Shells {
  tree: LazyTreeDataProvider<BacklogNode>;
  treeView: vscode.TreeView<BacklogNode>;
  log: LazyWebviewViewProvider;
  codeLens: LazyCodeLensProvider;
  /** Disposed first, so the features can register the real commands under the same ids. */
  commands: vscode.Disposable;
}

/**
 * Builds every feature behind the contributions activation registered: the store, the views, sync,
 * code links, commands and checks. Loaded as its own file right after activation, or earlier when
 * VS Code or a command needs one of them first.
 */
export function startFeatures(context: vscode.ExtensionContext, shells: Shells): StupidWorkApi {
  shells.commands.dispose();
  const logger = vscode.window.createOutputChannel('Stupid Work', { log: true });
  const labels = createLabels();
  const clock = systemClock();
  const store = new BacklogStore(logger);
  const identity = new IdentityCache();
  const tree = new BacklogTreeProvider(store, labels, context.workspaceState, identity, clock);
  const treeView = shells.treeView;
  shells.tree.connect(tree);
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
  shells.log.connect(log);
  const sync = new SyncController(store, logger);
  // Quick capture saves without revealing the Backlog, which would open the Log form next to it.
  const captureHost = new BacklogLogHost(
    store,
    (_folderKey, id) => {
      tree.markOwn(id);
      tree.refresh();
    },
    logger,
  );
  const mergeDriver = new MergeDriverMonitor({ extensionUri: context.extensionUri, store, workspaceState: context.workspaceState, logger });
  const codeLinks = new CodeLinkIndex(store);
  const codeLens = new FlaggedCodeLensProvider(codeLinks, labels);
  shells.codeLens.connect(codeLens);

  context.subscriptions.push(
    logger,
    store,
    identity,
    tree,
    logHost,
    log,
    sync,
    new SchemaAssociations(store, vscode.Uri.joinPath(context.extensionUri, 'media', 'stupid-work.schema.json')),
    trackContextKeys(store),
    notifyProblems(store),
    captureHost,
    codeLinks,
    codeLens,
    new FlaggedDecorations(context.extensionUri, codeLinks, labels),
    ...registerCodeCommands({ store, index: codeLinks, log, captureHost, labels }),
    ...registerCommands({ store, tree, log, sync, labels, logger }),
    ...registerArchiveCommands({ store, clock, logger }),
    mergeDriver,
    ...registerRetroCommands({ extensionUri: context.extensionUri, store, labels, clock, logger }),
  );
  void store.reloadAll().then(() => {
    tree.loaded();
    void mergeDriver.check();
  });
  return { store, tree, treeView, logHost, log, sync, mergeDriver, clock };
}
