/** What the Retro Board shows of a backlog, computed in plain Node so it can be tested without VS Code. */
import { queryBoard, type BoardContext, type BoardQuery, type BoardView } from './boardQuery';
import { hoursByKind, impactChart, openedVsDecided, topReasons, type ImpactChart } from './charts';
import { activeRetro, followUps } from './retro';
import { votesLeft } from '../votes/votes';
import type { Backlog, FollowUp, Kind, Outcome, Reason } from '../model/model';

/** How many reasons the "why it persists" chart names. */
export const TOP_REASONS = 5;

export interface RetroInfo {
  id: string;
  started: string;
  facilitator: string;
  /** How many entries the retro has discussed so far. */
  discussed: number;
}

export interface FollowUpCard {
  id: string;
  title: string;
  outcome: Outcome;
  owner: string;
  due?: string;
  followUp: FollowUp;
  /** Calendar days, for the viewer, since the decision was recorded. */
  ageDays: number;
  /** Calendar days past the due date, for the viewer; 0 when not overdue. */
  overdueDays: number;
  /** The decision's tracking link, as the file holds it: untrusted text. */
  trackingUrl?: string;
}

export interface BoardCharts {
  hoursByKind: { kind: Kind; hours: number; entries: number }[];
  openedVsDecided: { label: string; opened: number; decided: number }[];
  topReasons: { reason: Reason; count: number }[];
  /** Hours reclaimed, in progress and still wasted, their trend and what keeps coming back; the host renders the explanations. */
  impact: ImpactChart;
}

/** The part of the board's state that comes from the backlog; the host adds the folder, words and labels. */
export interface BoardSnapshot {
  query: BoardQuery;
  view: BoardView;
  retro?: RetroInfo;
  /** The first page of follow-ups of the owner the query asks for, most urgent first; `followUpTotal` counts them all. */
  followUps: FollowUpCard[];
  followUpTotal: number;
  /** Every owner of a follow-up, whatever the filter, for the owner filter; case variants of a name count once. */
  followUpOwners: string[];
  /** Undefined when the budget is unlimited. */
  votesLeft?: number;
  charts: BoardCharts;
}

export interface BoardSnapshotInput extends BoardContext {
  query: BoardQuery;
  /** How many follow-ups to send: the board shows them a page at a time. */
  followUpLimit: number;
  /** Votes each person may cast; undefined when unlimited. */
  voteBudget: number | undefined;
}

/** An owner as the filter compares it: as "Your open decisions" does, case and surrounding spaces do not count. */
function ownerKey(owner: string): string {
  return owner.trim().toLowerCase();
}

/** Distinct owners, the first spelling of each, in alphabetical order. */
function ownersOf(owners: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const owner of owners) {
    const key = ownerKey(owner);
    if (key !== '' && !byKey.has(key)) byKey.set(key, owner.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * One full snapshot of a backlog for the board: the queried columns, the follow-ups from earlier
 * retros, the viewer's votes left, the open retro and the charts. Days are the viewer's (`clock`).
 */
export function boardSnapshot(b: Backlog, input: BoardSnapshotInput): BoardSnapshot {
  const { query, clock, voter, staleDays, followUpLimit, voteBudget } = input;
  const every = followUps(b, clock);
  const owner = ownerKey(query.followUpOwner ?? '');
  const pending = owner === '' ? every : every.filter((item) => ownerKey(item.decision.owner) === owner);
  const snapshot: BoardSnapshot = {
    query,
    view: queryBoard(b, query, { clock, voter, staleDays }),
    followUps: pending.slice(0, followUpLimit).map(({ entry, decision, ageDays, overdueDays }) => {
      const card = { id: entry.id, title: entry.title, outcome: decision.outcome, owner: decision.owner, followUp: decision.followUp, ageDays, overdueDays };
      const dated = decision.due ? { ...card, due: decision.due } : card;
      return decision.trackingUrl === undefined ? dated : { ...dated, trackingUrl: decision.trackingUrl };
    }),
    followUpTotal: pending.length,
    followUpOwners: ownersOf(every.map((item) => item.decision.owner)),
    charts: { hoursByKind: hoursByKind(b), openedVsDecided: openedVsDecided(b, clock), topReasons: topReasons(b, TOP_REASONS), impact: impactChart(b, clock) },
  };
  const left = votesLeft(b, voter, voteBudget);
  if (left !== undefined) {
    snapshot.votesLeft = left;
  }
  const retro = activeRetro(b);
  if (retro) {
    snapshot.retro = { id: retro.id, started: retro.started, facilitator: retro.facilitator, discussed: retro.discussed.length };
  }
  return snapshot;
}
