/** What the static report page holds: written by the command line (src/adapters/report), read by the page's script (src/webview/report). */
import type { BoardState, EntryDetail } from './boardMessages';

/** One figure of the impact section: its hours and the entries behind them, in words already. */
export interface ImpactFigureView {
  key: 'reclaimed' | 'inProgress' | 'wasted';
  heading: string;
  /** Team hours per month, and as the board writes them ("12 h"). */
  hours: number;
  hoursText: string;
  /** One line on how it is computed. */
  explanation: string;
  /** The entries behind the number, largest first; `hoursText` says when an entry has no estimate. */
  items: { id: string; title: string; hoursText: string }[];
}

export interface ImpactView {
  heading: string;
  figures: ImpactFigureView[];
  trend: {
    heading: string;
    explanation: string;
    /** Series names, in the order of each point's values. */
    legend: [string, string, string];
    points: { label: string; values: [number, number, number] }[];
  };
  recurrence: {
    heading: string;
    explanation: string;
    /** Each recurring entry or kind with its "in 4 of the last 5 retros". */
    entries: { id: string; title: string; text: string }[];
    kinds: { label: string; text: string }[];
    none: string;
  };
  /** Column headings of the lists behind the figures. */
  entryHeader: string;
  hoursHeader: string;
}

export interface ReportData {
  /** The board's own state, read-only, with every card of the active lists on one page. */
  state: BoardState;
  /** Every card's full entry, so a card opens without a host to ask. */
  details: Record<string, EntryDetail>;
  impact: ImpactView;
}
