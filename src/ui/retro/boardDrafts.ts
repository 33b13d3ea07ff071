import type * as vscode from 'vscode';
import { parseDrafts, type BoardDrafts } from '../../protocol/boardMessages';

const DRAFTS_KEY = 'stupidWork.board.drafts';

/**
 * What was typed on each folder's board and not sent (decision forms, comments), kept in workspace
 * state: the webview's own state dies with its tab, and a closed tab must not lose a rationale.
 * Keyed by the folder's key; a folder with nothing unsent has no record.
 */
export class BoardDraftStore {
  constructor(private readonly memento: vscode.Memento) {}

  /** The folder's unsent text, or none; a stored value that no longer parses counts as none. */
  get(folderKey: string): BoardDrafts {
    const all = this.memento.get<Record<string, unknown>>(DRAFTS_KEY);
    return (all && parseDrafts(all[folderKey])) ?? {};
  }

  /** Replaces the folder's unsent text; cards whose every typed field is empty are dropped. */
  async set(folderKey: string, drafts: BoardDrafts): Promise<void> {
    // A card's `base` says where its typing started; with nothing typed, there is nothing to keep.
    const kept = Object.fromEntries(Object.entries(drafts).filter(([, fields]) => Object.entries(fields).some(([name, text]) => name !== 'base' && text.trim() !== '')));
    const all = { ...(this.memento.get<Record<string, BoardDrafts>>(DRAFTS_KEY) ?? {}) };
    if (Object.keys(kept).length === 0) {
      delete all[folderKey];
    } else {
      all[folderKey] = kept;
    }
    await this.memento.update(DRAFTS_KEY, all);
  }
}
