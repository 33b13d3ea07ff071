/** Data for the board's charts; the webview draws them. */
import { dayOf, type Clock } from '../model/calendar';
import { hoursPerMonth } from '../model/cost';
import { KINDS, REASONS, type Backlog, type Kind, type Reason, type Retro } from '../model/model';
import type { ImpactMessage } from '../text/impactWords';
import { impact, type RecurringEntry, type RecurringKind, type TrendPoint } from './impact';

/** Hours per month and entry count per kind, over active (open and decided) entries, every kind in KINDS order. */
export function hoursByKind(b: Backlog): { kind: Kind; hours: number; entries: number }[] {
  const totals = new Map<string, { kind: Kind; hours: number; entries: number }>(KINDS.map((kind) => [kind, { kind, hours: 0, entries: 0 }]));
  for (const e of b.entries) {
    if (e.status !== 'open' && e.status !== 'decided') continue;
    const t = totals.get(e.kind);
    if (!t) continue;
    t.hours += hoursPerMonth(e.cost);
    t.entries++;
  }
  return [...totals.values()];
}

/**
 * Per retro, finished or still active, in time order: entries created since the previous retro
 * closed up to this one's close, and the decisions recorded in it. The label is the date the retro
 * started on, for the viewer.
 */
export function openedVsDecided(b: Backlog, clock: Clock): { label: string; opened: number; decided: number }[] {
  const retros = b.retros.filter((r) => r.finished !== undefined);
  const open = b.retros.filter((r) => r.finished === undefined).sort(byStart).at(-1);
  if (open) retros.push(open);
  retros.sort(byStart);
  const created = b.entries.map((e) => e.created).sort();
  const out: { label: string; opened: number; decided: number }[] = [];
  let from = 0;
  for (const r of retros) {
    // The active retro has no end yet: everything flagged so far counts towards it.
    const end = r.finished;
    let to = from;
    while (to < created.length && (end === undefined || created[to] <= end)) to++;
    out.push({ label: dayOf(r.started, clock) ?? r.started, opened: to - from, decided: new Set(r.decided).size });
    from = to;
  }
  return out;
}

function byStart(x: Retro, y: Retro): number {
  return x.started < y.started ? -1 : x.started > y.started ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The most frequent reasons over entries that are not archived: count descending, then REASONS order; unused reasons are left out. */
export function topReasons(b: Backlog, limit: number): { reason: Reason; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of b.entries) {
    if (e.status === 'archived') continue;
    for (const r of new Set(e.reasons)) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0 }))
    .filter((x) => x.count > 0)
    .sort((x, y) => y.count - x.count || REASONS.indexOf(x.reason) - REASONS.indexOf(y.reason))
    .slice(0, Math.max(0, Math.floor(limit)));
}

/** How many recurring entries the impact chart names. */
export const RECURRING_SHOWN = 5;

/** The impact figures as the board and the report chart them; each explanation is rendered by the surface (`impactText`). */
export interface ImpactChart {
  /** Team hours per month. */
  reclaimed: number;
  inProgress: number;
  wasted: number;
  trend: { by: 'retro' | 'month'; points: TrendPoint[] };
  /** How many retros recurrence looks back over. */
  window: number;
  recurringKinds: RecurringKind[];
  /** The `RECURRING_SHOWN` entries that came back most often. */
  recurringEntries: RecurringEntry[];
  explanations: Record<'reclaimed' | 'inProgress' | 'wasted' | 'trend' | 'recurrence', ImpactMessage>;
}

/** The impact of the team's decisions (see `impact` in impact.ts), without the lists behind the numbers, for a chart. */
export function impactChart(b: Backlog, clock: Clock): ImpactChart {
  const figures = impact(b, clock);
  return {
    reclaimed: figures.reclaimed.hours,
    inProgress: figures.inProgress.hours,
    wasted: figures.wasted.hours,
    trend: { by: figures.trend.by, points: figures.trend.points },
    window: figures.recurrence.window,
    recurringKinds: figures.recurrence.kinds,
    recurringEntries: figures.recurrence.entries.slice(0, RECURRING_SHOWN),
    explanations: {
      reclaimed: figures.reclaimed.explanation,
      inProgress: figures.inProgress.explanation,
      wasted: figures.wasted.explanation,
      trend: figures.trend.explanation,
      recurrence: figures.recurrence.explanation,
    },
  };
}
