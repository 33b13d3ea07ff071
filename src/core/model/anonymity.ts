/**
 * The one rule for times on anonymous records (DESIGN.md, "Honest anonymity"): an entry or a comment
 * without an author carries no time finer than its UTC day, so the time of a change cannot be matched
 * with who was at their keyboard then. Every function that writes a time onto an entry or its parts
 * takes it from here. Pure: no I/O.
 */
import type { Decision, Entry, HistoryRecord, Person } from './model';

/** Start of the UTC day of `now`, as a stored timestamp. */
export function coarseTime(now: Date): string {
  return `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

const STORED_UTC = /^\d{4}-\d{2}-\d{2}T.*Z$/;

/** A stored UTC timestamp cut to the start of its day; anything else (not a time this version writes) is returned as is. */
export function coarseStamp(stamp: string): string {
  return STORED_UTC.test(stamp) ? `${stamp.slice(0, 10)}T00:00:00.000Z` : stamp;
}

/** Whether a stored time is at most as fine as a day: the start of a UTC day, or not a UTC timestamp at all. */
export function isCoarse(stamp: string): boolean {
  return coarseStamp(stamp) === stamp;
}

/** The time to record: the start of the UTC day when `anonymous`, else the instant itself. */
export function stamp(now: Date, anonymous: boolean): string {
  return anonymous ? coarseTime(now) : now.toISOString();
}

/** An entry or a comment is anonymous when it names no author. */
export function isAnonymous(record: { author?: Person }): boolean {
  return record.author === undefined;
}

/** The time to record on `record` (an entry or a comment), under the rule above. */
export function timeFor(record: { author?: Person }, now: Date): string {
  return stamp(now, isAnonymous(record));
}

/**
 * The milliseconds to mint a new id of `record` with: a ULID carries its creation time in its first
 * 48 bits (see ids.ts), so an anonymous record's id is minted at the coarse time too.
 */
export function idTimeFor(record: { author?: Person }, now: Date): number {
  return Date.parse(timeFor(record, now));
}

/** The entry, changed now: `updated` follows the rule. */
export function touch(e: Entry, now: Date): Entry {
  return { ...e, updated: timeFor(e, now) };
}

/** A decision's times as the rule wants them on an entry that is anonymous. */
function coarseDecision(d: Decision): Decision {
  const next: Decision = { ...d, decided: coarseStamp(d.decided) };
  if (d.completed !== undefined) next.completed = coarseStamp(d.completed);
  return next;
}

function coarseRecord(h: HistoryRecord): HistoryRecord {
  return { ...h, updated: coarseStamp(h.updated), replacedBy: coarseStamp(h.replacedBy) };
}

/**
 * An anonymous entry under the rule: its own, its decision's and its history's times coarse; a named
 * entry as it is. A history record of the `author` field (a name a concurrent edit lost to anonymity)
 * is left out: keeping it would keep the name the person asked to leave out. Comments are left alone:
 * each is a record of its own, timed by `timeFor` when it is written, and a named one keeps its time
 * because its author chose to be seen. Idempotent; ids are never changed, since other records point at them.
 */
export function withCoarseTimes(e: Entry): Entry {
  if (!isAnonymous(e)) return e;
  const next: Entry = { ...e };
  next.created = coarseStamp(e.created);
  next.updated = coarseStamp(e.updated);
  if (e.decision) next.decision = coarseDecision(e.decision);
  if (Array.isArray(e.history)) next.history = e.history.filter((h) => h.field !== 'author').map(coarseRecord);
  return next;
}
