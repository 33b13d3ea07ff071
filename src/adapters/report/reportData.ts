/**
 * The report's data from a backlog: the board's snapshot (src/core/retro/boardSnapshot.ts) as the board
 * gets it, read-only and with every card on one page, each card's full entry, and the impact figures
 * in English words.
 */
import * as l10n from '@vscode/l10n';
import { liveComments } from '../../core/comments/comments';
import type { Clock } from '../../core/model/calendar';
import { formatHours } from '../../core/model/cost';
import { KINDS, type Backlog, type Entry, type Kind } from '../../core/model/model';
import { defaultQuery } from '../../core/retro/boardQuery';
import { boardSnapshot } from '../../core/retro/boardSnapshot';
import { impact, type ImpactFigure } from '../../core/retro/impact';
import { impactText, recurrenceText } from '../../core/text/impactWords';
import { NOBODY } from '../../core/votes/votes';
import type { EntryDetail } from '../../protocol/boardMessages';
import type { ImpactFigureView, ImpactView, ReportData } from '../../protocol/reportData';
import { REPORT_KIND_ICONS, reportLabels, reportStrings } from './reportWords';

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

function figureView(key: ImpactFigureView['key'], heading: string, figure: ImpactFigure): ImpactFigureView {
  return {
    key,
    heading,
    hours: figure.hours,
    hoursText: formatHours(figure.hours),
    explanation: impactText(figure.explanation, l10n),
    items: figure.items.map((item) => ({ id: item.id, title: item.title, hoursText: item.estimated ? formatHours(item.hours) : l10n.t('no estimate') })),
  };
}

function impactView(b: Backlog, clock: Clock, kindLabel: (kind: Kind) => string): ImpactView {
  const figures = impact(b, clock);
  const { recurrence, trend } = figures;
  return {
    heading: l10n.t('Impact'),
    figures: [
      figureView('reclaimed', l10n.t('Hours reclaimed'), figures.reclaimed),
      figureView('inProgress', l10n.t('Decisions in progress'), figures.inProgress),
      figureView('wasted', l10n.t('Hours still wasted'), figures.wasted),
    ],
    trend: {
      heading: trend.by === 'retro' ? l10n.t('Over time, per retro') : l10n.t('Over time, per month'),
      explanation: impactText(trend.explanation, l10n),
      legend: [l10n.t('Reclaimed'), l10n.t('In progress'), l10n.t('Still wasted')],
      points: trend.points.map((p) => ({ label: p.label, values: [p.reclaimed, p.inProgress, p.wasted] })),
    },
    recurrence: {
      heading: l10n.t('What keeps coming back'),
      explanation: impactText(recurrence.explanation, l10n),
      entries: recurrence.entries.map((e) => ({ id: e.id, title: e.title, text: recurrenceText(e.retros, recurrence.window, l10n) })),
      kinds: recurrence.kinds.map((k) => ({ label: kindLabel(k.kind), text: recurrenceText(k.retros, recurrence.window, l10n) })),
      none: l10n.t('Nothing came up in more than one retro.'),
    },
    entryHeader: l10n.t('Entry'),
    hoursHeader: l10n.t('Hours/month'),
  };
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
      kindIcons: Object.fromEntries(KINDS.map((kind) => [kind, REPORT_KIND_ICONS[kind]])) as Record<Kind, string>,
      strings: reportStrings(),
      me: '',
      anonymousByDefault: true,
      readOnly: true,
      drafts: {},
    },
    details,
    impact: impactView(b, clock, (kind) => labels.kinds[kind]),
  };
}
