/**
 * The impact section in words, for the Retro Board (from its snapshot's chart data) and for the static
 * report (with the entries behind each figure): one builder, so both say the same. Pure; `l10n` is
 * `vscode.l10n` in the editor or `@vscode/l10n` on the command line.
 */
import type * as l10n from '@vscode/l10n';
import { formatHours } from '../core/model/cost';
import type { Kind } from '../core/model/model';
import type { ImpactChart } from '../core/retro/charts';
import type { ImpactItem } from '../core/retro/impact';
import { impactText, recurrenceText } from '../core/text/impactWords';

/** What renders a template (`Localizer` in core/text/messages.ts); typed from `@vscode/l10n`, whose import the bundle step looks for. */
type Words = { t(message: string, ...args: l10n.L10nReplacement[]): string; language?: string };

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

/** The entries behind each figure, when the surface lists them (the report does; the board shows the numbers). */
export type ImpactItems = Partial<Record<ImpactFigureView['key'], ImpactItem[]>>;

function figureView(key: ImpactFigureView['key'], heading: string, chart: ImpactChart, items: ImpactItem[] | undefined, l10n: Words): ImpactFigureView {
  return {
    key,
    heading,
    hours: chart[key],
    hoursText: formatHours(chart[key]),
    explanation: impactText(chart.explanations[key], l10n),
    items: (items ?? []).map((item) => ({ id: item.id, title: item.title, hoursText: item.estimated ? formatHours(item.hours) : l10n.t('no estimate') })),
  };
}

/** The impact in words: `chart` from `impactChart`, `kindLabel` names a kind as the board does. */
export function impactView(chart: ImpactChart, l10n: Words, kindLabel: (kind: Kind) => string, items: ImpactItems = {}): ImpactView {
  return {
    heading: l10n.t('Impact'),
    figures: [
      figureView('reclaimed', l10n.t('Hours reclaimed'), chart, items.reclaimed, l10n),
      figureView('inProgress', l10n.t('Decisions in progress'), chart, items.inProgress, l10n),
      figureView('wasted', l10n.t('Hours still wasted'), chart, items.wasted, l10n),
    ],
    trend: {
      heading: chart.trend.by === 'retro' ? l10n.t('Over time, per retro') : l10n.t('Over time, per month'),
      explanation: impactText(chart.explanations.trend, l10n),
      legend: [l10n.t('Reclaimed'), l10n.t('In progress'), l10n.t('Still wasted')],
      points: chart.trend.points.map((p) => ({ label: p.label, values: [p.reclaimed, p.inProgress, p.wasted] })),
    },
    recurrence: {
      heading: l10n.t('What keeps coming back'),
      explanation: impactText(chart.explanations.recurrence, l10n),
      entries: chart.recurringEntries.map((e) => ({ id: e.id, title: e.title, text: recurrenceText(e.retros, chart.window, l10n) })),
      kinds: chart.recurringKinds.map((k) => ({ label: kindLabel(k.kind), text: recurrenceText(k.retros, chart.window, l10n) })),
      none: l10n.t('Nothing came up in more than one retro.'),
    },
    entryHeader: l10n.t('Entry'),
    hoursHeader: l10n.t('Hours/month'),
  };
}
