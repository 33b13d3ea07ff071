/** What the static report page holds: written by the command line (src/adapters/report), read by the page's script (src/webview/report). */
import type { BoardState, EntryDetail } from './boardMessages';
import type { ImpactView } from './impactView';

export interface ReportData {
  /** The board's own state, read-only, with every card of the active lists on one page. */
  state: BoardState;
  /** Every card's full entry, so a card opens without a host to ask. */
  details: Record<string, EntryDetail>;
  impact: ImpactView;
}
