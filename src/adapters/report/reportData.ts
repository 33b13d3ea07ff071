/**
 * The report's data from a backlog: the board's snapshot (src/core/retro/boardSnapshot.ts) as the board
 * gets it, read-only and with every card on one page, each card's full entry, and the impact figures
 * in English words.
 */
import * as l10n from '@vscode/l10n';
import { liveComments } from '../../core/comments/comments';
import type { Clock } from '../../core/model/calendar';
import type { Backlog, Entry } from '../../core/model/model';
import { defaultQuery } from '../../core/retro/boardQuery';
import { boardSnapshot } from '../../core/retro/boardSnapshot';
import { impact, type Impact } from '../../core/retro/impact';
import { NOBODY } from '../../core/votes/votes';
import type { EntryDetail } from '../../protocol/boardMessages';
import { impactView, type ImpactItems } from '../../protocol/impactView';
import type { ReportData } from '../../protocol/reportData';
import { reportLabels, reportStrings } from './reportWords';
import { KIND_ICONS } from '../../core/model/kindIcons';

/** The board's default for `stupidWork.retro.staleAfterDays`; a report reader has no settings of their own. */
const STALE_DAYS = 30;

/** The open card's full entry, as the board's host sends it; deleted comments stay out, and nothing is the reader's to edit. */
function detailOf(e: Entry): EntryDetail {
  const detail: EntryDetail = {
    id: e.id,
    title: e.title,
    reasons: e.reasons,
    smart: e.smart,
    comments: liveComments(e).map((c) => {
      const view: EntryDetail['comments'][number] = { id: c.id, created: c.created, text: c.text, mine: false };
      if (c.author) view.author = c.author.name;
      if (c.edited) view.edited = c.edited;
      return view;
    }),
  };
  if (e.decision) detail.decision = e.decision;
  return detail;
}

/** The entries behind each figure, which the page lists and the board does not. */
function itemsOf(figures: Impact): ImpactItems {
  return { reclaimed: figures.reclaimed.items, inProgress: figures.inProgress.items, wasted: figures.wasted.items };
}

/** Everything the report page shows of backlog `b`, for a reader on `clock`'s calendar; `name` names the folder. */
export function reportData(b: Backlog, clock: Clock, name: string): ReportData {
  const query = { ...defaultQuery(), pageSize: Math.max(1, b.entries.length) };
  const snapshot = boardSnapshot(b, { query, clock, voter: NOBODY, staleDays: STALE_DAYS, followUpLimit: b.entries.length, voteBudget: undefined });
  const labels = reportLabels();
  const details: Record<string, EntryDetail> = {};
  const shown = new Set(snapshot.view.columns.flatMap((column) => column.cards.map((card) => card.id)));
  for (const e of b.entries) if (shown.has(e.id)) details[e.id] = detailOf(e);
  return {
    state: {
      ...snapshot,
      folder: { key: name, name, status: 'read-only' },
      labels,
      kindIcons: { ...KIND_ICONS },
      strings: reportStrings(),
      me: '',
      anonymousByDefault: true,
      readOnly: true,
      drafts: {},
    },
    details,
    impact: impactView(snapshot.charts.impact, l10n, (kind) => labels.kinds[kind], itemsOf(impact(b, clock))),
  };
}
