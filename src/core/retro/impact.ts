/**
 * Impact and trends: how many hours a month the team stopped wasting, what is still wasted, how both
 * moved over time, and what keeps coming back. Pure: computed from the file alone and the viewer's
 * clock. Each figure carries a message (src/core/text/impactWords.ts) that says in one line how it is
 * computed, for a reader who never saw the board.
 */
import { dayOf, localDate, type Clock } from '../model/calendar';
import { hoursPerMonth } from '../model/cost';
import { KINDS, type Backlog, type Entry, type FollowUp, type Kind, type Outcome, type Retro } from '../model/model';
import type { ImpactMessage } from '../text/impactWords';

/** Outcomes that end the wasted work once carried out; "keep" does not. */
export const RECLAIMING_OUTCOMES: readonly Outcome[] = ['stop', 'automate', 'simplify'];

/** How many points the trend shows: the last retros, or the last months when there are none. */
export const TREND_POINTS = 12;

/** How many of the latest retros recurrence looks back over ("in 4 of the last 5"). */
export const RECURRENCE_WINDOW = 5;

/** One entry behind a figure, so the number can be checked. */
export interface ImpactItem {
  id: string;
  /** As the file holds it: untrusted text, for each surface to render with its own helper. */
  title: string;
  kind: Kind;
  /** Team hours per month (src/core/model/cost.ts); 0 without a usable estimate. */
  hours: number;
  /** False when the entry has no usable cost estimate, so its 0 hours are unknown, not nothing. */
  estimated: boolean;
  outcome?: Outcome;
  followUp?: FollowUp;
}

/** A sum of hours per month and the entries it adds up, largest first. */
export interface ImpactFigure {
  hours: number;
  items: ImpactItem[];
  /** How many of `items` have no estimate. */
  unestimated: number;
  /** One line on how the figure is computed. */
  explanation: ImpactMessage;
}

/** Both figures at one point in time: the end of a retro (the active one: now), or the end of a month. */
export interface TrendPoint {
  /** The retro's start day (YYYY-MM-DD) or the month (YYYY-MM), in the viewer's calendar. */
  label: string;
  reclaimed: number;
  inProgress: number;
  wasted: number;
}

export interface RecurringEntry {
  id: string;
  title: string;
  kind: Kind;
  /** In how many of the window's retros it came up. */
  retros: number;
}

export interface RecurringKind {
  kind: Kind;
  retros: number;
}

export interface Recurrence {
  /** How many retros the window holds: `RECURRENCE_WINDOW`, or fewer when the file has fewer. */
  window: number;
  /** Entries that came up in at least two of those retros, most often first. */
  entries: RecurringEntry[];
  /** Kinds that came up in at least two of those retros, most often first, then in KINDS order. */
  kinds: RecurringKind[];
  explanation: ImpactMessage;
}

export interface Impact {
  /** Decided Stop, Automate or Simplify, and the follow-up is done. */
  reclaimed: ImpactFigure;
  /** Decided Stop, Automate or Simplify, follow-up not done yet: kept apart from both other figures. */
  inProgress: ImpactFigure;
  /** Open (no decision yet) or kept on purpose. */
  wasted: ImpactFigure;
  trend: { by: 'retro' | 'month'; points: TrendPoint[]; explanation: ImpactMessage };
  recurrence: Recurrence;
}

type Bucket = 'reclaimed' | 'inProgress' | 'wasted';

function reclaiming(outcome: Outcome): boolean {
  return RECLAIMING_OUTCOMES.includes(outcome);
}

/**
 * Where an entry counts today. Archived entries count nowhere: a merged duplicate's cost already
 * lives in the entry it was merged into, and an archived entry is off the board.
 */
function bucketOf(e: Entry): Bucket | undefined {
  if (e.status === 'archived') return undefined;
  const d = e.decision;
  if (!d || !reclaiming(d.outcome)) return 'wasted';
  return d.followUp === 'done' ? 'reclaimed' : 'inProgress';
}

/** When an entry with hours entered each figure, as the file dates it; read once, then compared at every point of the trend. */
interface Timeline {
  hours: number;
  created: string;
  /** When a Stop, Automate or Simplify decision was recorded; absent for other entries. */
  decided?: string;
  /** When that decision's follow-up was done. */
  completed?: string;
}

function timelines(b: Backlog): Timeline[] {
  const out: Timeline[] = [];
  for (const e of b.entries) {
    const hours = hoursPerMonth(e.cost);
    // An entry without hours adds nothing to any point.
    if (hours === 0 || bucketOf(e) === undefined) continue;
    const line: Timeline = { hours, created: e.created };
    const d = e.decision;
    if (d && reclaiming(d.outcome)) {
      line.decided = d.decided;
      if (d.followUp === 'done') line.completed = d.completed ?? d.decided;
    }
    out.push(line);
  }
  return out;
}

function itemOf(e: Entry): ImpactItem {
  const hours = hoursPerMonth(e.cost);
  const item: ImpactItem = { id: e.id, title: e.title, kind: e.kind, hours, estimated: hours > 0 };
  if (e.decision) {
    item.outcome = e.decision.outcome;
    item.followUp = e.decision.followUp;
  }
  return item;
}

function figure(items: ImpactItem[], explain: (hours: number, entries: number, unestimated: number) => ImpactMessage): ImpactFigure {
  items.sort((a, b) => b.hours - a.hours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hours = items.reduce((sum, item) => sum + item.hours, 0);
  const unestimated = items.filter((item) => !item.estimated).length;
  return { hours, items, unestimated, explanation: explain(hours, items.length, unestimated) };
}

function byStart(x: Retro, y: Retro): number {
  return x.started < y.started ? -1 : x.started > y.started ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** Finished retros and the active one (the latest unfinished), in time order; abandoned unfinished ones are left out, as in the charts. */
function heldRetros(b: Backlog): Retro[] {
  const held = b.retros.filter((r) => r.finished !== undefined);
  const open = b.retros.filter((r) => r.finished === undefined).sort(byStart).at(-1);
  if (open) held.push(open);
  return held.sort(byStart);
}

/** The figures at instant `at` (ISO time), each entry where it stood then with its current decision. */
function sums(lines: Timeline[], at: string): Omit<TrendPoint, 'label'> {
  const point = { reclaimed: 0, inProgress: 0, wasted: 0 };
  for (const line of lines) {
    if (line.created > at) continue;
    if (line.decided === undefined || line.decided > at) point.wasted += line.hours;
    else if (line.completed !== undefined && line.completed <= at) point.reclaimed += line.hours;
    else point.inProgress += line.hours;
  }
  return point;
}

/** The first instant of the month after `month` (YYYY-MM) in the viewer's zone, as an ISO time. */
function monthEnd(month: string, clock: Clock): string {
  const [y, m] = month.split('-').map(Number);
  const utc = new Date(Date.UTC(y, m, 1));
  // Moved by the viewer's offset, so an entry flagged late on the last evening counts in its own month.
  return new Date(utc.getTime() - clock.utcOffsetMinutes(utc) * 60_000 - 1).toISOString();
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

function trend(b: Backlog, clock: Clock): Impact['trend'] {
  const now = clock.now().toISOString();
  const lines = timelines(b);
  const retros = heldRetros(b);
  if (retros.length > 0) {
    const points = retros.slice(-TREND_POINTS).map((r) => ({ label: dayOf(r.started, clock) ?? r.started, ...sums(lines, r.finished ?? now) }));
    return { by: 'retro', points, explanation: { code: 'impact.trendByRetro', points: points.length } };
  }
  const months: string[] = [];
  // Stored times are UTC ISO strings, which sort in time order: only the earliest needs a calendar.
  let earliest: string | undefined;
  for (const e of b.entries) if (earliest === undefined || e.created < earliest) earliest = e.created;
  const first = earliest === undefined ? undefined : dayOf(earliest, clock);
  const last = localDate(clock.now(), clock).slice(0, 7);
  if (first !== undefined) {
    for (let month = first.slice(0, 7); month <= last; month = nextMonth(month)) months.push(month);
  }
  const points = months.slice(-TREND_POINTS).map((month) => {
    const end = monthEnd(month, clock);
    return { label: month, ...sums(lines, end < now ? end : now) };
  });
  return { by: 'month', points, explanation: { code: 'impact.trendByMonth', points: points.length } };
}

/**
 * Per entry, the retros of `window` it came up in: flagged since the retro before (up to this one's
 * end), discussed in it, or raised again as a duplicate that was merged into it. Votes carry no time
 * in the file, so a vote cannot be placed in a retro and does not count.
 */
function recurrence(b: Backlog, clock: Clock): Recurrence {
  const held = heldRetros(b);
  const window = held.slice(-RECURRENCE_WINDOW);
  const before = held.at(-window.length - 1);
  const now = clock.now().toISOString();
  const byId = new Map(b.entries.map((e) => [e.id, e]));
  /** The entry a raised one stands for today: a merged duplicate stands for the entry it was merged into. */
  const standsFor = (e: Entry): Entry | undefined => {
    let current = e;
    for (let hops = 0; current.duplicateOf !== undefined && hops < 100; hops++) {
      const next = byId.get(current.duplicateOf);
      if (!next) return undefined;
      current = next;
    }
    return current.status === 'archived' ? undefined : current;
  };
  const entryRetros = new Map<string, Set<number>>();
  const kindRetros = new Map<Kind, Set<number>>();
  const raise = (e: Entry | undefined, index: number) => {
    const target = e && standsFor(e);
    if (!target) return;
    if (!entryRetros.has(target.id)) entryRetros.set(target.id, new Set());
    entryRetros.get(target.id)?.add(index);
    if (!kindRetros.has(target.kind)) kindRetros.set(target.kind, new Set());
    kindRetros.get(target.kind)?.add(index);
  };
  window.forEach((retro, index) => {
    const from = index === 0 ? before?.finished : window[index - 1].finished;
    const to = retro.finished ?? now;
    for (const e of b.entries) {
      if ((from === undefined || e.created > from) && e.created <= to) raise(e, index);
    }
    for (const id of new Set([...retro.discussed, ...retro.decided])) raise(byId.get(id), index);
  });
  const entries = [...entryRetros]
    .filter(([, retros]) => retros.size >= 2)
    .map(([id, retros]) => {
      const e = byId.get(id) as Entry;
      return { id, title: e.title, kind: e.kind, retros: retros.size };
    })
    .sort((x, y) => y.retros - x.retros || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const kinds = KINDS.map((kind) => ({ kind, retros: kindRetros.get(kind)?.size ?? 0 }))
    .filter((k) => k.retros >= 2)
    .sort((x, y) => y.retros - x.retros || KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind));
  return { window: window.length, entries, kinds, explanation: { code: 'impact.recurrence', window: window.length } };
}

/**
 * The impact of the team's decisions over backlog `b`, with days and months in the viewer's calendar
 * (`clock`). Hours are team hours per month from each entry's cost (src/core/model/cost.ts); an entry
 * without an estimate counts 0 and is counted apart in `unestimated`. Past points of the trend use the
 * dates the file keeps (created, decided, completed), with each entry's current decision.
 */
export function impact(b: Backlog, clock: Clock): Impact {
  const lists: Record<Bucket, ImpactItem[]> = { reclaimed: [], inProgress: [], wasted: [] };
  for (const e of b.entries) {
    const bucket = bucketOf(e);
    if (bucket) lists[bucket].push(itemOf(e));
  }
  return {
    reclaimed: figure(lists.reclaimed, (hours, entries, unestimated) => ({ code: 'impact.reclaimed', hours, entries, unestimated })),
    inProgress: figure(lists.inProgress, (hours, entries, unestimated) => ({ code: 'impact.inProgress', hours, entries, unestimated })),
    wasted: figure(lists.wasted, (hours, entries, unestimated) => ({ code: 'impact.wasted', hours, entries, unestimated })),
    trend: trend(b, clock),
    recurrence: recurrence(b, clock),
  };
}
