import * as vscode from 'vscode';
import { messageText, reportWriteFailure } from '../shared/messageText';
import { STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { entryToMarkdown } from '../../core/text/markdown';
import type { BaseUse } from '../../core/merge/merge';
import type { Labels } from '../../core/model/displayNames';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { setGroupBy, type GroupBy } from '../../adapters/workspace/config';
import type { BacklogNode, BacklogTreeProvider } from './backlogTree';
import type { LogViewProvider } from '../log/logViewProvider';
import type { SyncController } from '../sync/syncController';
import { hasBacklogFile, pickBacklog } from '../shared/folderPicker';
import type { CommentSeen } from '../comments/commentSeen';
import { concurrentEditsText, counted, entriesText, votesText } from '../shared/counted';

export interface CommandDeps {
  store: BacklogStore;
  tree: BacklogTreeProvider;
  log: LogViewProvider;
  sync: SyncController;
  labels: Labels;
  logger: vscode.LogOutputChannel;
  /** Which comments the person has seen: opening an entry sees them all. */
  commentSeen: CommentSeen;
}

type EntryNode = Extract<BacklogNode, { type: 'entry' }>;

function isEntryNode(value: unknown): value is EntryNode {
  return typeof value === 'object' && value !== null && (value as BacklogNode).type === 'entry';
}

/** What the repair did with the common ancestor, when that changes what the result means. */
function ancestorNote(base: BaseUse): string {
  switch (base.kind) {
    case 'used':
      return '';
    case 'none':
      return vscode.l10n.t('The markers hold no common ancestor (git writes it with merge.conflictStyle diff3), so an entry one side deleted is kept.');
    case 'nested':
      return vscode.l10n.t('The common ancestor held git\'s own nested conflict markers, from a history with two merge bases; they were resolved first.');
    case 'unreadable':
      return vscode.l10n.t('The common ancestor in the markers could not be read ({0}), so the two sides were merged without it: an entry one side deleted is kept.', messageText(base.message));
  }
}


/** The Log form. */
function logEntry({ log }: CommandDeps) {
  return log.reveal();
}

/** Creates the backlog file in a folder that has none yet, then opens the Log form. */
async function startBacklog({ store, log, logger }: CommandDeps): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Trust this workspace to start a backlog: untrusted workspaces are read-only.'));
    return;
  }
  const backlog = await pickBacklog(store, undefined, { placeHolder: vscode.l10n.t('Start a backlog in which folder?'), offer: (b) => b.state.kind === 'missing' });
  if (!backlog) {
    if (store.all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the backlog lives in a workspace folder.'));
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('Every open folder already has a backlog.'));
    }
    return;
  }
  try {
    await backlog.update((current) => current);
    logger.info(`Started a backlog at ${backlog.relativePath} in ${backlog.folder.name}`);
    await log.reveal();
  } catch (error) {
    reportWriteFailure(logger, error);
  }
}

/** Reads every folder's backlog file again. */
async function refresh({ store, tree }: CommandDeps): Promise<void> {
  await store.reloadAll();
  tree.refresh();
}

/** Opens a backlog file, at its problem when it has one; `arg` is a folder key or a tree item. */
async function openDataFile({ store }: CommandDeps, arg?: unknown): Promise<void> {
  const backlog = await pickBacklog(store, arg, { placeHolder: vscode.l10n.t('Open the backlog of which folder?'), offer: hasBacklogFile });
  const uri = backlog?.fileUri;
  if (!backlog || !uri) {
    void vscode.window.showInformationMessage(
      backlog?.state.kind === 'bad-path' ? plainText(backlog.state.message) : vscode.l10n.t('There is no backlog file yet. Use "Start a Backlog" to create one.'),
    );
    return;
  }
  const state = backlog.state;
  const selection = state.kind === 'problem'
    ? new vscode.Range(state.problem.line - 1, state.problem.column - 1, state.problem.line - 1, state.problem.column - 1)
    : undefined;
  await vscode.window.showTextDocument(uri, { selection, preview: false });
}

/** Asks how the Backlog view groups its entries, and keeps the answer in the settings. */
async function groupBy(): Promise<void> {
  const options: { label: string; value: GroupBy }[] = [
    { label: vscode.l10n.t('Status, then kind'), value: 'status' },
    { label: vscode.l10n.t('Kind'), value: 'kind' },
    { label: vscode.l10n.t('Triage list'), value: 'triage' },
  ];
  const picked = await vscode.window.showQuickPick(options, { placeHolder: vscode.l10n.t('Group the backlog by') });
  if (picked) {
    await setGroupBy(picked.value);
  }
}

/** The extension's output channel. */
function showLog({ logger }: CommandDeps): void {
  logger.show();
}

/** Syncs every folder's backlog now, saying how it went. */
function sync({ sync: controller }: CommandDeps): Promise<void> {
  return controller.syncAll(true);
}

/** Repairs a backlog file that holds git's conflict markers; `arg` is a folder key or a tree item. */
async function resolveConflicts({ store, logger }: CommandDeps, arg?: unknown): Promise<void> {
  const conflicted = (b: FolderBacklog) => b.state.kind === 'problem' && b.state.problem.code === 'conflict';
  const backlog = await pickBacklog(store, arg, { placeHolder: vscode.l10n.t('Resolve the backlog of which folder?'), offer: conflicted });
  if (!backlog) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No backlog file has conflict markers.'));
    return;
  }
  try {
    const result = await backlog.resolveConflicts();
    const resolved = vscode.l10n.t(
      'Resolved {0} in {1}: both sides merged entry by entry, {2} kept, {3} settled (the replaced values are in each entry\'s history).',
      counted({ one: vscode.l10n.t('{0} conflict'), other: vscode.l10n.t('{0} conflicts') }, result.hunks),
      backlog.relativePath,
      entriesText(result.entries),
      concurrentEditsText(result.concurrentEdits),
    );
    void vscode.window.showInformationMessage([resolved, ancestorNote(result.base)].filter(Boolean).join(' '));
  } catch (error) {
    reportWriteFailure(logger, error);
  }
}

/** Opens a tree item's entry in the Log form. */
function openEntry({ log, commentSeen }: CommandDeps, node: unknown): void {
  if (isEntryNode(node)) {
    log.edit(node.backlog.key, node.entry);
    commentSeen.markEntry(node.entry);
  }
}

/** Copies a tree item's entry as Markdown, with every value made inert. */
async function copyMarkdown({ labels }: CommandDeps, node: unknown): Promise<void> {
  if (isEntryNode(node)) {
    await vscode.env.clipboard.writeText(entryToMarkdown(node.entry, labels, votesText(node.entry.votes.length)));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied “{0}” as Markdown', plainText(node.entry.title, STATUS_BAR_QUOTE_LENGTH)), 3000);
  }
}

/** Shows an entry, given by folder key and id, in the Backlog view. */
async function revealEntry({ tree }: CommandDeps, folderKey: unknown, id: unknown): Promise<void> {
  if (typeof folderKey === 'string' && typeof id === 'string') {
    await tree.reveal(folderKey, id);
  }
}

/** A command's body: its dependencies, then the arguments VS Code passes (a tree item, or ids from a link). */
type Handler = (deps: CommandDeps, ...args: unknown[]) => unknown;

/** Command id → handler, for the commands of the Backlog view, the Log form and the backlog file. */
const HANDLERS: Record<string, Handler> = {
  'stupidWork.logEntry': logEntry,
  'stupidWork.startBacklog': startBacklog,
  'stupidWork.refresh': refresh,
  'stupidWork.openDataFile': openDataFile,
  'stupidWork.groupBy': groupBy,
  'stupidWork.showLog': showLog,
  'stupidWork.sync': sync,
  'stupidWork.resolveConflicts': resolveConflicts,
  'stupidWork.entry.open': openEntry,
  'stupidWork.entry.copyMarkdown': copyMarkdown,
  'stupidWork.entry.reveal': revealEntry,
};

/** Registers every handler of the table with its dependencies. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(HANDLERS).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
}
