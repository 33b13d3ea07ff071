import * as vscode from 'vscode';
import { BacklogStore } from './adapters/file/backlogStore';
import { systemClock } from './core/model/calendar';
import { BacklogTreeProvider } from './ui/backlog/backlogTree';
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
import { LogViewProvider } from './ui/log/logViewProvider';
import { MergeDriverMonitor } from './ui/mergeDriver/mergeDriver';
import { notifyProblems } from './ui/backlog/problemNotifier';
import { registerRetroCommands } from './ui/retro/retroCommands';
import { ReminderController } from './ui/reminders/reminderController';
import { SchemaAssociations } from './ui/shared/schemaAssociations';
import { SyncController } from './ui/sync/syncController';
import { CommentSeen } from './ui/comments/commentSeen';
import { registerVoteCommands } from './ui/votes/voteCommands';
import { VoteTokens } from './ui/votes/voteTokens';
import { BoardDraftStore } from './ui/retro/boardDrafts';
import { registerCommentCommands } from './ui/comments/commentCommands';
import { registerTrackerCommands } from './ui/tracker/trackerCommands';
import type { StupidWorkApi } from './extension';

/**
 * Builds every feature: the store, the views, sync, code links, commands and checks. Loaded as its own
 * file right after activation, or earlier when a command runs or the API is read. `standIns` are the
 * commands activation registered; they go first, so the real commands can take their ids.
 */
export function startFeatures(context: vscode.ExtensionContext, standIns: vscode.Disposable): StupidWorkApi {
  standIns.dispose();
  const logger = vscode.window.createOutputChannel('Stupid Work', { log: true });
  const labels = createLabels();
  const clock = systemClock();
  const store = new BacklogStore(logger);
  const identity = new IdentityCache();
  const commentSeen = new CommentSeen(context.workspaceState);
  const voteTokens = new VoteTokens(context.globalState);
  const tree = new BacklogTreeProvider(store, labels, context.workspaceState, identity, clock, commentSeen, voteTokens);
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
  const sync = new SyncController(store, logger, treeView);
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
  const codeLens = new FlaggedCodeLensProvider(codeLinks, labels, identity, voteTokens);
  const reminders = new ReminderController({ store, identity, clock, memento: context.globalState, logger });

  context.subscriptions.push(
    logger,
    store,
    identity,
    commentSeen,
    voteTokens,
    tree,
    treeView,
    logHost,
    log,
    sync,
    new SchemaAssociations(store, vscode.Uri.joinPath(context.extensionUri, 'media', 'stupid-work.schema.json')),
    trackContextKeys(store),
    notifyProblems(store),
    vscode.window.registerWebviewViewProvider(LogViewProvider.viewType, log),
    captureHost,
    codeLinks,
    codeLens,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, codeLens),
    new FlaggedDecorations(context.extensionUri, codeLinks, labels, identity, voteTokens),
    ...registerCodeCommands({ store, index: codeLinks, log, captureHost, labels, clock, voteTokens }),
    ...registerCommands({ store, tree, log, sync, labels, logger, commentSeen }),
    ...registerArchiveCommands({ store, clock, logger }),
    ...registerCommentCommands({ store, clock, commentSeen, logger }),
    ...registerVoteCommands({ store, clock, tokens: voteTokens, logger }, context.globalState),
    mergeDriver,
    reminders,
    ...registerRetroCommands({ extensionUri: context.extensionUri, store, labels, clock, logger, live: sync.live, commentSeen, voteTokens, drafts: new BoardDraftStore(context.workspaceState) }),
    ...registerTrackerCommands({ store, labels, clock, logger }),
  );
  void store.reloadAll().then(() => {
    tree.loaded();
    void mergeDriver.check();
    void reminders.check();
  });
  return { store, tree, treeView, logHost, log, sync, mergeDriver, clock, reminders, voteTokens };
}
