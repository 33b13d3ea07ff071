import * as vscode from 'vscode';
import { messageText } from '../shared/messageText';
import { STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { entryToMarkdown } from '../../core/text/markdown';
import type { BaseUse } from '../../core/merge/merge';
import type { Labels } from '../../core/model/displayNames';
import { BacklogWriteError, type BacklogStore, type FolderBacklog } from '../../adapters/file/backlogStore';
import { setGroupBy, type GroupBy } from '../../adapters/workspace/config';
import type { BacklogNode, BacklogTreeProvider } from './backlogTree';
import type { LogViewProvider } from '../log/logViewProvider';
import type { SyncController } from '../sync/syncController';

export interface CommandDeps {
  store: BacklogStore;
  tree: BacklogTreeProvider;
  log: LogViewProvider;
  sync: SyncController;
  labels: Labels;
  logger: vscode.LogOutputChannel;
}

type EntryNode = Extract<BacklogNode, { type: 'entry' }>;

function isEntryNode(value: unknown): value is EntryNode {
  return typeof value === 'object' && value !== null && (value as BacklogNode).type === 'entry';
}

async function pickFolder(store: BacklogStore, placeHolder: string, filter: (backlog: FolderBacklog) => boolean): Promise<FolderBacklog | undefined> {
  const candidates = store.all.filter(filter);
  if (candidates.length <= 1) {
    return candidates[0];
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((backlog) => ({ label: backlog.folder.name, description: backlog.relativePath, backlog })),
    { placeHolder },
  );
  return picked?.backlog;
}

/** Resolves a command argument (a folder key from a tree item or the form) to a folder's backlog. */
function backlogFrom(store: BacklogStore, arg: unknown): FolderBacklog | undefined {
  if (typeof arg === 'string') {
    return store.get(arg);
  }
  if (typeof arg === 'object' && arg !== null && 'backlog' in arg) {
    return (arg as { backlog: FolderBacklog }).backlog;
  }
  return undefined;
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

function reportWriteError(logger: vscode.LogOutputChannel, error: unknown): void {
  const message = plainText(error instanceof BacklogWriteError ? error.message : vscode.l10n.t('Could not update the backlog: {0}', (error as Error).message));
  logger.error(message);
  void vscode.window.showErrorMessage(message);
}

export function registerCommands({ store, tree, log, sync, labels, logger }: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('stupidWork.logEntry', () => log.reveal()),

    vscode.commands.registerCommand('stupidWork.startBacklog', async () => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Trust this workspace to start a backlog: untrusted workspaces are read-only.'));
        return;
      }
      const backlog = await pickFolder(store, vscode.l10n.t('Start a backlog in which folder?'), (b) => b.state.kind === 'missing');
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
        reportWriteError(logger, error);
      }
    }),

    vscode.commands.registerCommand('stupidWork.refresh', async () => {
      await store.reloadAll();
      tree.refresh();
    }),

    vscode.commands.registerCommand('stupidWork.openDataFile', async (arg?: unknown) => {
      const backlog = backlogFrom(store, arg) ?? (await pickFolder(store, vscode.l10n.t('Open the backlog of which folder?'), (b) => b.state.kind !== 'missing'));
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
    }),

    vscode.commands.registerCommand('stupidWork.groupBy', async () => {
      const options: { label: string; value: GroupBy }[] = [
        { label: vscode.l10n.t('Status, then kind'), value: 'status' },
        { label: vscode.l10n.t('Kind'), value: 'kind' },
        { label: vscode.l10n.t('Triage list'), value: 'triage' },
      ];
      const picked = await vscode.window.showQuickPick(options, { placeHolder: vscode.l10n.t('Group the backlog by') });
      if (picked) {
        await setGroupBy(picked.value);
      }
    }),

    vscode.commands.registerCommand('stupidWork.showLog', () => logger.show()),

    vscode.commands.registerCommand('stupidWork.sync', () => sync.syncAll(true)),

    vscode.commands.registerCommand('stupidWork.resolveConflicts', async (arg?: unknown) => {
      const conflicted = (b: FolderBacklog) => b.state.kind === 'problem' && b.state.problem.code === 'conflict';
      const backlog = backlogFrom(store, arg) ?? (await pickFolder(store, vscode.l10n.t('Resolve the backlog of which folder?'), conflicted));
      if (!backlog) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No backlog file has conflict markers.'));
        return;
      }
      try {
        const result = await backlog.resolveConflicts();
        const resolved = vscode.l10n.t(
          'Resolved {0} conflict(s) in {1}: both sides merged entry by entry, {2} entries kept, {3} concurrent edits settled (the replaced values are in each entry\'s history).',
          result.hunks,
          backlog.relativePath,
          result.entries,
          result.concurrentEdits,
        );
        void vscode.window.showInformationMessage([resolved, ancestorNote(result.base)].filter(Boolean).join(' '));
      } catch (error) {
        reportWriteError(logger, error);
      }
    }),

    vscode.commands.registerCommand('stupidWork.entry.open', (node: unknown) => {
      if (isEntryNode(node)) {
        log.edit(node.backlog.key, node.entry);
      }
    }),

    vscode.commands.registerCommand('stupidWork.entry.copyMarkdown', async (node: unknown) => {
      if (isEntryNode(node)) {
        await vscode.env.clipboard.writeText(entryToMarkdown(node.entry, labels));
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied “{0}” as Markdown', plainText(node.entry.title, STATUS_BAR_QUOTE_LENGTH)), 3000);
      }
    }),

    vscode.commands.registerCommand('stupidWork.entry.reveal', async (folderKey: unknown, id: unknown) => {
      if (typeof folderKey === 'string' && typeof id === 'string') {
        await tree.reveal(folderKey, id);
      }
    }),
  ];
}
