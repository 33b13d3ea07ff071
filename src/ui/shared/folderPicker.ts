import * as vscode from 'vscode';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';

export interface BacklogPick {
  /** The question of the quick pick, for example "Open the backlog of which folder?". */
  placeHolder: string;
  /**
   * Which folders the command offers. By default those with a backlog file, or every folder when
   * none has one yet, so that a command that can start a backlog (opening the board) still has
   * somewhere to go. A command given its own filter offers exactly what passes it.
   */
  offer?: (backlog: FolderBacklog) => boolean;
}

/** A folder whose backlog file exists, readable or not. */
export function hasBacklogFile(backlog: FolderBacklog): boolean {
  return backlog.state.kind !== 'missing';
}

function offered(store: BacklogStore, offer: BacklogPick['offer']): FolderBacklog[] {
  if (offer) {
    return store.all.filter(offer);
  }
  const withFile = store.all.filter(hasBacklogFile);
  return withFile.length > 0 ? withFile : store.all;
}

/**
 * Which folder's backlog a command acts on, by one rule for every command:
 * 1. the command's argument, when it names a folder: a folder key (from the Log form, the board or a
 *    CodeLens) or a Backlog tree item that carries its folder's backlog;
 * 2. else the only folder the command offers, without asking;
 * 3. else the person's pick among the folders it offers.
 * Undefined when the key names no open folder, nothing is offered, or the pick is dismissed; the
 * caller says why when that helps.
 */
export async function pickBacklog(store: BacklogStore, arg: unknown, { placeHolder, offer }: BacklogPick): Promise<FolderBacklog | undefined> {
  if (typeof arg === 'string') {
    return store.get(arg);
  }
  if (typeof arg === 'object' && arg !== null && 'backlog' in arg) {
    return (arg as { backlog: FolderBacklog }).backlog;
  }
  const candidates = offered(store, offer);
  if (candidates.length <= 1) {
    return candidates[0];
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((backlog) => ({ label: backlog.folder.name, description: backlog.relativePath, backlog })),
    { placeHolder },
  );
  return picked?.backlog;
}
