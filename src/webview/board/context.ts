import type { BoardQuery } from '../../core/boardQuery';
import type { BoardState, EntryDetail, FromWebview } from '../../protocol/boardMessages';

/** What each part of the board may read and do; main.ts owns the state behind it. */
export interface Board {
  readonly state: BoardState;
  send(message: FromWebview): void;
  /** Changes the query, remembers it in the webview's state and asks the host for the matching snapshot. */
  setQuery(change: (query: BoardQuery) => BoardQuery): void;
  isExpanded(id: string): boolean;
  toggle(id: string): void;
  detail(id: string): EntryDetail | undefined;
  /** A form field's value as the person left it, so a snapshot from the host does not wipe what they typed. */
  draft(fieldId: string, fallback: string): string;
  setDraft(fieldId: string, value: string): void;
  clearDrafts(prefix: string): void;
  announce(text: string, isError?: boolean): void;
}
