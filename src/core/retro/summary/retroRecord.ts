/**
 * What one retro did, gathered from the backlog file alone (DESIGN.md: retros are records, so
 * follow-up works from the file). Pure, deterministic given the clock.
 */
import { coarseStamp, isAnonymous } from '../../model/anonymity';
import type { Clock } from '../../model/calendar';
import { hoursPerMonth } from '../../model/cost';
import type { Backlog, Decision, Entry, Retro, TriageList } from '../../model/model';
import { followUps, type FollowUpItem } from '../retro';

/** A duplicate merged while the retro ran: `merged` is archived with `duplicateOf` = `into.id`. */
export interface MergeRecord {
  merged: Entry;
  into: Entry;
}

/** An entry the retro moved between lists: `from` the list it was first moved out of, to the one it is in now (`entry.triage`). */
export interface MoveRecord {
  entry: Entry;
  from: TriageList;
}

export interface RetroRecord {
  retro: Retro;
  /** Entries decided in this retro, in the order they were decided (then by id). */
  decided: (Entry & { decision: Decision })[];
  /** Entries discussed but left without a decision of this retro, in the order they were discussed. */
  deferred: Entry[];
  /** Duplicates merged between the retro's start and its end (now, while it is open), oldest first. */
  merges: MergeRecord[];
  /** Entries moved to another list during the retro and still there, in the order first moved (a merged file: by id). */
  moves: MoveRecord[];
  /** Decisions of earlier retros still not done when this one started, most urgent first (see `followUps`). */
  earlier: FollowUpItem[];
  /** Wasted hours per month that the decisions address: every outcome but keep. */
  hoursAddressed: number;
}

function byDecidedThenId(a: Entry & { decision: Decision }, b: Entry & { decision: Decision }): number {
  const x = a.decision.decided;
  const y = b.decision.decided;
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether a duplicate was merged while `retro` ran. A merge archives the duplicate and stamps its
 * `updated` (retro.ts, `mergeDuplicate`); an anonymous entry's stamp is cut to its UTC day, so its
 * window starts at the start of that day. The file keeps no separate merge time: a later edit of
 * the archived duplicate moves its stamp, and then the merge is no longer counted.
 */
function mergedDuring(e: Entry, retro: Retro): boolean {
  if (e.status !== 'archived' || e.duplicateOf === undefined) return false;
  const start = isAnonymous(e) ? coarseStamp(retro.started) : retro.started;
  return e.updated >= start && (retro.finished === undefined || e.updated <= retro.finished);
}

/**
 * The record of the retro `retroId`, or undefined when the backlog has no such retro. A decision
 * belongs to the retro its `retro` field names, or that lists it in `decided` while the entry still
 * carries a decision; follow-ups are those decided before the retro started, in another retro or in
 * none, still open, overdue as counted on the viewer's calendar.
 */
export function retroRecord(b: Backlog, retroId: string, clock: Clock): RetroRecord | undefined {
  const retro = b.retros.find((r) => r.id === retroId);
  if (!retro) return undefined;
  const byId = new Map(b.entries.map((e) => [e.id, e]));
  const decidedIds = new Set(retro.decided);
  for (const e of b.entries) {
    if (e.decision?.retro === retroId) decidedIds.add(e.id);
  }
  const decided = [...decidedIds]
    .map((id) => byId.get(id))
    .filter((e): e is Entry & { decision: Decision } => e?.decision !== undefined)
    .sort(byDecidedThenId);
  const deferred = [...new Set(retro.discussed)]
    .filter((id) => !decidedIds.has(id))
    .map((id) => byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  const merges = b.entries
    .filter((e) => mergedDuring(e, retro))
    .sort((x, y) => (x.updated !== y.updated ? (x.updated < y.updated ? -1 : 1) : x.id < y.id ? -1 : 1))
    .flatMap((merged) => {
      const into = byId.get(merged.duplicateOf as string);
      return into ? [{ merged, into }] : [];
    });
  const earlier = followUps(b, clock).filter((f) => f.decision.retro !== retroId && f.decision.decided < retro.started);
  let hoursAddressed = 0;
  for (const e of decided) {
    if (e.decision.outcome !== 'keep') hoursAddressed += hoursPerMonth(e.cost);
  }
  // Teammates who moved one entry at once each recorded the list they saw; the first record stands.
  const seen = new Set<string>();
  const moves = (retro.moved ?? []).flatMap(({ entry: id, from }) => {
    const entry = byId.get(id);
    if (seen.has(id) || !entry || entry.triage === from) return [];
    seen.add(id);
    return [{ entry, from }];
  });
  return { retro, decided, deferred, merges, moves, earlier, hoursAddressed };
}
