import type { BoardQuery } from '../../core/retro/boardQuery';
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
  /** A decision form field as the person left it, so neither a snapshot nor hiding the tab wipes what they typed. */
  draft(id: string, field: string, fallback: string): string;
  setDraft(id: string, field: string, value: string): void;
  /** Forgets draft fields (an edit cancelled or saved) and shows the card again without them. */
  clearDraft(id: string, fields: string[]): void;
  /** Renders an open card again from what is known, for a change of the person's own (starting an edit). */
  refreshDetail(id: string): void;
  /** Sends a comment change, so that a refusal shows under the card's comment form rather than its decision. */
  sendComment(message: Extract<FromWebview, { type: 'comment' | 'editComment' | 'deleteComment' }>): void;
  announce(text: string, isError?: boolean): void;
}
