import * as vscode from 'vscode';
import type { Clock } from '../../core/model/calendar';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { archiveEntry, findEntry, restoreEntry, upsertEntry, type ActiveStatus } from '../../core/model/entries';
import type { Entry } from '../../core/model/model';
import { restore } from '../../core/retro/retro';
import { BacklogWriteError, type BacklogStore, type FolderBacklog } from '../../adapters/file/backlogStore';
import { messageText, reportWriteFailure } from '../shared/messageText';
import type { BacklogNode } from './backlogTree';

export interface ArchiveCommandDeps {
  store: BacklogStore;
  clock: Clock;
  logger: vscode.LogOutputChannel;
}

type EntryNode = Extract<BacklogNode, { type: 'entry' }>;

interface Target {
  backlog: FolderBacklog;
  entry: Entry;
}

function isEntryNode(value: unknown): value is EntryNode {
  return typeof value === 'object' && value !== null && (value as BacklogNode).type === 'entry';
}


/** The entry a command was given: a Backlog tree item, or a `(folderKey, entryId)` pair as the board and links pass it. */
function given(store: BacklogStore, arg: unknown, id: unknown): Target | undefined {
  if (isEntryNode(arg)) {
    return { backlog: arg.backlog, entry: arg.entry };
  }
  const backlog = typeof arg === 'string' ? store.get(arg) : undefined;
  const state = backlog?.state;
  const entry = state?.kind === 'loaded' && typeof id === 'string' ? findEntry(state.backlog, id) : undefined;
  return backlog && entry && { backlog, entry };
}

/** Archived entries of every readable backlog, for Restore run from the command palette. */
async function pickArchived(store: BacklogStore): Promise<Target | undefined> {
  const several = store.all.length > 1;
  const items: (vscode.QuickPickItem & Target)[] = [];
  for (const backlog of store.all) {
    if (backlog.state.kind !== 'loaded') {
      continue;
    }
    const entries = backlog.state.backlog.entries;
    for (const entry of entries) {
      if (entry.status !== 'archived') {
        continue;
      }
      const into = entry.duplicateOf === undefined ? undefined : findEntry(backlog.state.backlog, entry.duplicateOf);
      items.push({
        label: plainText(entry.title),
        description: several ? backlog.folder.name : undefined,
        detail: into ? vscode.l10n.t('Merged into “{0}”', plainText(into.title, QUOTE_LENGTH)) : undefined,
        backlog,
        entry,
      });
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No entry is archived, so there is none to restore.'));
    return undefined;
  }
  return vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Restore which archived entry?'), matchOnDescription: true, matchOnDetail: true });
}

/** A merged duplicate comes back as an entry of its own only after the person agrees. */
async function confirmed({ backlog, entry }: Target): Promise<boolean> {
  if (entry.duplicateOf === undefined || backlog.state.kind !== 'loaded') {
    return true;
  }
  const into = findEntry(backlog.state.backlog, entry.duplicateOf);
  const restoreLabel = vscode.l10n.t('Restore');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Restore “{0}” as an entry of its own?', plainText(entry.title, QUOTE_LENGTH)),
    {
      modal: true,
      detail: into
        ? vscode.l10n.t('It was merged into “{0}”, which keeps the votes, comments and answers it took from it.', plainText(into.title, QUOTE_LENGTH))
        : vscode.l10n.t('It was merged into an entry that is no longer in the backlog.'),
    },
    restoreLabel,
  );
  return choice === restoreLabel;
}

/**
 * Archive (with an Undo that puts back the exact status the entry had) and Restore, which brings an
 * archived entry or a merged duplicate back to the board. Both re-read the file and write through the
 * store, so a teammate's change that arrived meanwhile is kept.
 */
export function registerArchiveCommands({ store, clock, logger }: ArchiveCommandDeps): vscode.Disposable[] {
  const missing = (backlog: FolderBacklog) => new BacklogWriteError(vscode.l10n.t('This entry no longer exists in {0}.', backlog.relativePath));

  return [
    vscode.commands.registerCommand('stupidWork.entry.archive', async (node: unknown) => {
      if (!isEntryNode(node)) {
        return;
      }
      const { backlog, entry } = node;
      let before: ActiveStatus | undefined;
      try {
        await backlog.update((current) => {
          const found = findEntry(current, entry.id);
          if (!found) {
            throw missing(backlog);
          }
          if (found.status === 'archived') {
            return current;
          }
          before = found.status;
          return upsertEntry(current, archiveEntry(found, clock.now()));
        });
      } catch (error) {
        reportWriteFailure(logger, error);
        return;
      }
      const undo = vscode.l10n.t('Undo');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Archived “{0}”.', plainText(entry.title, QUOTE_LENGTH)), undo);
      const status = before;
      if (choice !== undo || status === undefined) {
        return;
      }
      await backlog
        .update((current) => {
          const found = findEntry(current, entry.id);
          if (!found) {
            throw missing(backlog);
          }
          // A teammate who changed it meanwhile has the last word.
          return found.status === 'archived' ? upsertEntry(current, restoreEntry(found, clock.now(), status)) : current;
        })
        .catch((error: unknown) => reportWriteFailure(logger, error));
    }),

    vscode.commands.registerCommand('stupidWork.entry.restore', async (arg?: unknown, id?: unknown) => {
      const target = arg === undefined ? await pickArchived(store) : given(store, arg, id);
      if (!target) {
        if (arg !== undefined) {
          void vscode.window.showInformationMessage(vscode.l10n.t('This entry no longer exists; a teammate may have removed it.'));
        }
        return;
      }
      if (!(await confirmed(target))) {
        return;
      }
      const { backlog, entry } = target;
      try {
        await backlog.update((current) => {
          const change = restore(current, entry.id, clock.now());
          if (!change.ok) {
            throw new BacklogWriteError(messageText(change.message));
          }
          return change.backlog;
        });
      } catch (error) {
        reportWriteFailure(logger, error);
        return;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Restored “{0}”.', plainText(entry.title, QUOTE_LENGTH)));
      // From the Backlog view or the palette, show where it went; the board shows it in place. The view
      // may not have caught up with the change yet (a group that did not exist), so this is best effort.
      if (typeof arg !== 'string') {
        await vscode.commands.executeCommand('stupidWork.entry.reveal', backlog.key, entry.id).then(undefined, (error: unknown) => {
          logger.debug(`Could not reveal the restored entry: ${plainText((error as Error).message)}`);
        });
      }
    }),
  ];
}
