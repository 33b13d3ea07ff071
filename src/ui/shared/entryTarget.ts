import * as vscode from 'vscode';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { findEntry } from '../../core/model/entries';
import type { Entry } from '../../core/model/model';
import { plainText } from '../../core/text/inertText';

/** An entry as its backlog file holds it now, with the folder's backlog it lives in. */
export interface EntryTarget<E extends Entry = Entry> {
  backlog: FolderBacklog;
  entry: E;
}

/** How a command that acts on one entry asks for it when it was given none (the Command Palette). */
export interface EntryQuestion<E extends Entry> {
  /** The quick pick's question, such as "Comment on which entry?". */
  placeHolder: string;
  /** The entries the command can act on: a given entry that fails it counts as gone. Every entry when absent. */
  accepts?: (entry: Entry) => entry is E;
  /** The entries worth offering in the quick pick, among those it accepts; all of them when absent. */
  offers?: (entry: E) => boolean;
  /** The quick pick item's second line, such as a decision's owner, made plain text here; none when absent. */
  detail?: (entry: E) => string | undefined;
  /** The notification when no entry is worth offering. */
  none: string;
}

/**
 * What the command's arguments led to: the entry; `gone` when they named an entry the file no longer
 * holds (or one the command does not accept), with its folder's backlog when that is still open; or
 * `cancelled` when the person dismissed the quick pick or there was nothing to offer.
 */
export type EntryResolution<E extends Entry> = ({ kind: 'found' } & EntryTarget<E>) | { kind: 'gone'; backlog: FolderBacklog | undefined } | { kind: 'cancelled' };

/** A Backlog tree item, or anything shaped like one (`{ backlog, entry }`): both name an entry by folder key and id. */
function isEntryLike(value: unknown): value is { backlog: { key: string }; entry: { id: string } } {
  if (typeof value !== 'object' || value === null || !('backlog' in value) || !('entry' in value)) {
    return false;
  }
  const { backlog, entry } = value;
  return typeof (backlog as { key?: unknown } | null)?.key === 'string' && typeof (entry as { id?: unknown } | null)?.id === 'string';
}

/** The entry with `id` in `backlog` as last read, or undefined. */
function entryIn(backlog: FolderBacklog | undefined, id: string): Entry | undefined {
  return backlog?.state.kind === 'loaded' ? findEntry(backlog.state.backlog, id) : undefined;
}

function accepts<E extends Entry>(question: EntryQuestion<E>, entry: Entry): entry is E {
  return question.accepts?.(entry) ?? true;
}

/** Reads what the arguments name: `none` when they name nothing, so the caller may ask. */
function named(store: BacklogStore, [first, second]: readonly unknown[]): { backlog: FolderBacklog | undefined; entry: Entry | undefined } | 'none' {
  if (isEntryLike(first)) {
    const backlog = store.get(first.backlog.key);
    return { backlog, entry: entryIn(backlog, first.entry.id) };
  }
  if (typeof first === 'string' && typeof second === 'string') {
    const backlog = store.get(first);
    return { backlog, entry: entryIn(backlog, second) };
  }
  if (typeof first === 'string' && second === undefined) {
    // An entry id alone: ids are unique across clones (ULIDs), so the first backlog that holds it is the one.
    const backlog = store.all.find((b) => entryIn(b, first) !== undefined);
    return { backlog, entry: entryIn(backlog, first) };
  }
  return first === undefined ? 'none' : { backlog: undefined, entry: undefined };
}

/**
 * The entry a command is about, read afresh from the file (a tree item, a CodeLens or a board may be
 * older than it). VS Code passes a command's arguments as its caller gave them: a Backlog tree item from
 * the view's menus, a `(folderKey, entryId)` pair from a CodeLens, a hover's command link or the board,
 * an entry id alone from another command, or nothing from the Command Palette; for nothing, this asks
 * with a quick pick of the entries `question` offers, in every readable backlog.
 */
export async function resolveEntry<E extends Entry>(store: BacklogStore, args: readonly unknown[], question: EntryQuestion<E>): Promise<EntryResolution<E>> {
  const given = named(store, args);
  if (given !== 'none') {
    const { backlog, entry } = given;
    return backlog && entry && accepts(question, entry) ? { kind: 'found', backlog, entry } : { kind: 'gone', backlog };
  }
  const target = await pickEntry(store, question);
  return target ? { kind: 'found', ...target } : { kind: 'cancelled' };
}

/** Asks which entry, among the entries `question` offers in every readable backlog; undefined when dismissed or when there are none. */
async function pickEntry<E extends Entry>(store: BacklogStore, question: EntryQuestion<E>): Promise<EntryTarget<E> | undefined> {
  const several = store.all.length > 1;
  const items: (vscode.QuickPickItem & { target: EntryTarget<E> })[] = [];
  for (const backlog of store.all) {
    if (backlog.state.kind !== 'loaded') {
      continue;
    }
    for (const entry of backlog.state.backlog.entries) {
      if (accepts(question, entry) && (question.offers?.(entry) ?? true)) {
        items.push({
          label: plainText(entry.title),
          description: several ? backlog.folder.name : undefined,
          // An empty detail shows no second line.
          detail: plainText(question.detail?.(entry) ?? ''),
          target: { backlog, entry },
        });
      }
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(question.none);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder: question.placeHolder, matchOnDescription: true, matchOnDetail: true }))?.target;
}
