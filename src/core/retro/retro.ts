/** The retro: decisions with owners and due dates, votes, duplicates and follow-ups. Pure, deterministic given `now` or the clock. */
import { dayOf, daysBetween, daysSinceStamp, today, type Clock } from '../model/calendar';
import { hoursPerMonth } from '../model/cost';
import { idTimeFor, timeFor, touch, withCoarseTimes } from '../model/anonymity';
import { MAX_ANSWER_LENGTH, restoreEntry } from '../model/entries';
import { newId } from '../model/ids';
import { isRecord } from '../model/isRecord';
import {
  FOLLOW_UPS,
  OUTCOMES,
  SMART_KEYS,
  TRIAGE_LISTS,
  type Backlog,
  type Comment,
  type Decision,
  type Entry,
  type FollowUp,
  type Outcome,
  type Retro,
  type TriageList,
} from '../model/model';
import { plainText } from '../text/inertText';
import type { DecisionProblem, RetroMessage } from '../text/messages';

/** A changed backlog, or the refusal as a message the UI renders. */
export type Change = { ok: true; backlog: Backlog } | { ok: false; message: RetroMessage };

/** The schema's limits, so a change never writes a file that fails its own validation. */
export const MAX_NAME_LENGTH = 200;

function fail(message: RetroMessage): Change {
  return { ok: false, message };
}

function done(backlog: Backlog): Change {
  return { ok: true, backlog };
}

function missing(entryId: string): Change {
  return fail({ code: 'retro.missing', entryId });
}

/** An entry's title for a message, short enough to read in a notification, and plain: it comes from the file. */
function named(e: Entry): string {
  return plainText(e.title.length > 60 ? `${e.title.slice(0, 57)}…` : e.title);
}

function replaceEntry(b: Backlog, next: Entry): Backlog {
  return { ...b, entries: b.entries.map((e) => (e.id === next.id ? next : e)) };
}

function replaceRetro(b: Backlog, next: Retro): Backlog {
  return { ...b, retros: b.retros.map((r) => (r.id === next.id ? next : r)) };
}

function addOnce(list: string[] | undefined, id: string): string[] {
  const items = list ?? [];
  return items.includes(id) ? items : [...items, id];
}

/** The unfinished retro that started last (by time, then id), if any. */
export function activeRetro(b: Backlog): Retro | undefined {
  let active: Retro | undefined;
  for (const r of b.retros) {
    if (r.finished !== undefined) continue;
    if (!active || r.started > active.started || (r.started === active.started && r.id > active.id)) active = r;
  }
  return active;
}

/** Records a new retro started now by `facilitator`; refused while another is open (named by the day it started, for the viewer). */
export function startRetro(b: Backlog, facilitator: string, clock: Clock): Change {
  const name = facilitator.trim();
  if (name === '') return fail({ code: 'retro.noFacilitator' });
  if (name.length > MAX_NAME_LENGTH) return fail({ code: 'retro.facilitatorTooLong', length: name.length, limit: MAX_NAME_LENGTH });
  const open = activeRetro(b);
  if (open) {
    return fail({ code: 'retro.stillOpen', facilitator: plainText(open.facilitator), day: dayOf(open.started, clock) ?? open.started });
  }
  const now = clock.now();
  const retro: Retro = { id: newId(now.getTime()), started: now.toISOString(), facilitator: name, discussed: [], decided: [] };
  return done({ ...b, retros: [...b.retros, retro] });
}

export function finishRetro(b: Backlog, now: Date): Change {
  const open = activeRetro(b);
  if (!open) return fail({ code: 'retro.noneOpen' });
  const finished = now.toISOString();
  // A clock behind the one that started the retro must not make it end before it began.
  return done(replaceRetro(b, { ...open, finished: finished < open.started ? open.started : finished }));
}

/** Adds the entry to the active retro's `discussed`; without an open retro, or for an unknown entry, nothing changes. */
export function markDiscussed(b: Backlog, entryId: string): Backlog {
  const open = activeRetro(b);
  if (!open || !b.entries.some((e) => e.id === entryId)) return b;
  const discussed = addOnce(open.discussed, entryId);
  return discussed === open.discussed ? b : replaceRetro(b, { ...open, discussed });
}

export function moveToList(b: Backlog, entryId: string, list: TriageList, now: Date): Change {
  if (!(TRIAGE_LISTS as readonly string[]).includes(list)) return fail({ code: 'retro.unknownList', list: String(list), lists: TRIAGE_LISTS.join(', ') });
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return missing(entryId);
  if (e.status === 'archived') return fail({ code: 'retro.archivedNoMove', title: named(e) });
  if (e.triage === list) return done(b);
  return done(recordMove(replaceEntry(b, { ...touch(e, now), triage: list }), e));
}

/** Notes in the open retro, the first time it moves `before`, the list it moves it out of; outside a retro nothing is noted. */
function recordMove(b: Backlog, before: Entry): Backlog {
  const open = activeRetro(b);
  if (!open || open.moved?.some((m) => m.entry === before.id)) return b;
  return replaceRetro(b, { ...open, moved: [...(open.moved ?? []), { entry: before.id, from: before.triage }] });
}

/**
 * Restore: an archived entry (a merged duplicate too) comes back to the board with the status its
 * decision implies. Refused, with the reason, for an entry that is not archived or no longer exists.
 */
export function restore(b: Backlog, entryId: string, now: Date): Change {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return missing(entryId);
  if (e.status !== 'archived') return fail({ code: 'retro.notArchived', title: named(e) });
  return done(replaceEntry(b, restoreEntry(e, now)));
}

export interface DecisionInput {
  outcome: Outcome;
  rationale: string;
  owner: string;
  /** Calendar date, YYYY-MM-DD; empty means none. */
  due?: string;
  followUp?: FollowUp;
}

/** A real calendar date in the form YYYY-MM-DD (no 31 February). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Problems that would stop the decision from being recorded, as messages the UI renders; empty when it is fine. */
export function validateDecision(d: DecisionInput): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  // No outcome is chosen for the person: one careless click must not record a Stop.
  if ((d.outcome as string | undefined ?? '') === '') problems.push({ code: 'retro.noOutcome' });
  else if (!(OUTCOMES as readonly string[]).includes(d.outcome)) problems.push({ code: 'retro.unknownOutcome', outcome: String(d.outcome) });
  const owner = (d.owner ?? '').trim();
  if (owner === '') problems.push({ code: 'retro.noOwner' });
  else if (owner.length > MAX_NAME_LENGTH) problems.push({ code: 'retro.ownerTooLong', length: owner.length, limit: MAX_NAME_LENGTH });
  const rationale = (d.rationale ?? '').trim();
  if (d.outcome === 'keep' && rationale === '') problems.push({ code: 'retro.noReason' });
  if (rationale.length > MAX_ANSWER_LENGTH) problems.push({ code: 'retro.reasonTooLong', length: rationale.length, limit: MAX_ANSWER_LENGTH });
  const due = (d.due ?? '').trim();
  if (due !== '' && !isCalendarDate(due)) problems.push({ code: 'retro.badDate', due });
  if (d.followUp !== undefined && !(FOLLOW_UPS as readonly string[]).includes(d.followUp)) problems.push({ code: 'retro.unknownFollowUp', followUp: String(d.followUp) });
  return problems;
}

/**
 * Records the decision: status 'decided' (or 'done' when its follow-up already is), `retro` = the
 * active retro, and the entry added to that retro's `discussed` and `decided`. Re-deciding replaces
 * the decision, keeping only its tracking link (set apart, see `setTrackingLink`) and fields this
 * version does not know.
 */
export function decide(b: Backlog, entryId: string, d: DecisionInput, now: Date): Change {
  const problems = validateDecision(d);
  if (problems.length > 0) return fail({ code: 'retro.badDecision', problems });
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return missing(entryId);
  if (e.status === 'archived') return fail({ code: 'retro.archivedNoDecide', title: named(e) });
  const open = activeRetro(b);
  const followUp = d.followUp ?? 'open';
  const prev = e.decision;
  const decision: Decision = {
    ...prev,
    outcome: d.outcome,
    rationale: (d.rationale ?? '').trim(),
    owner: d.owner.trim(),
    followUp,
    // The decision belongs to the entry: on an anonymous one, its times are as coarse as the entry's.
    decided: timeFor(e, now),
  };
  const due = (d.due ?? '').trim();
  if (due !== '') decision.due = due;
  else delete decision.due;
  if (followUp === 'done') decision.completed = prev?.followUp === 'done' && prev.completed ? prev.completed : timeFor(e, now);
  else delete decision.completed;
  if (open) decision.retro = open.id;
  else delete decision.retro;
  let next = replaceEntry(b, { ...touch(e, now), decision, status: followUp === 'done' ? 'done' : 'decided' });
  if (open) next = replaceRetro(next, { ...open, discussed: addOnce(open.discussed, entryId), decided: addOnce(open.decided, entryId) });
  return done(next);
}

/** 'done' closes the entry (it leaves the active board); back from done it is 'decided' again. */
export function setFollowUp(b: Backlog, entryId: string, followUp: FollowUp, now: Date): Change {
  if (!(FOLLOW_UPS as readonly string[]).includes(followUp)) return fail({ code: 'retro.unknownFollowUp', followUp: String(followUp) });
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return missing(entryId);
  const prev = e.decision;
  if (!prev) return fail({ code: 'retro.noDecision', title: named(e) });
  if (e.status === 'archived') return fail({ code: 'retro.archivedNoFollowUp', title: named(e) });
  if (prev.followUp === followUp) return done(b);
  const decision: Decision = { ...prev, followUp };
  if (followUp === 'done') decision.completed = timeFor(e, now);
  else delete decision.completed;
  return done(replaceEntry(b, { ...touch(e, now), decision, status: followUp === 'done' ? 'done' : 'decided' }));
}

/** JSON with sorted keys, so records equal in content compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/** Both answers survive: the other entry's follows under a line that says where it came from. */
function mergedAnswer(kept: string, other: string, from: Entry): string {
  const k = kept.trim();
  const o = other.trim();
  if (o === '' || o === k) return kept;
  if (k === '') return other;
  return `${k}\n\nFrom the merged duplicate "${from.title}":\n${o}`;
}

/**
 * Merges a duplicate into `keepId`: the kept entry gains every vote, comment, reason and link of the
 * other, both entries' S.M.A.R.T. answers, the larger cost, and the other's decision when it has
 * none of its own. The other entry stays in the file, archived, with `duplicateOf` = `keepId`.
 */
export function mergeDuplicate(b: Backlog, keepId: string, dropId: string, now: Date): Change {
  if (keepId === dropId) return fail({ code: 'retro.mergeSelf' });
  const keep = b.entries.find((x) => x.id === keepId);
  if (!keep) return missing(keepId);
  const drop = b.entries.find((x) => x.id === dropId);
  if (!drop) return missing(dropId);
  if (keep.status === 'archived') return fail({ code: 'retro.mergeIntoArchived', title: named(keep), merged: keep.duplicateOf !== undefined });
  // A merged duplicate that a teammate's concurrent edit brought back into play may be merged again.
  if (drop.status === 'archived' && drop.duplicateOf !== undefined) return fail({ code: 'retro.alreadyMerged', title: named(drop) });

  const smart = { ...keep.smart };
  for (const key of SMART_KEYS) {
    const answer = mergedAnswer(keep.smart[key] ?? '', drop.smart[key] ?? '', drop);
    if (answer.length > MAX_ANSWER_LENGTH) {
      return fail({ code: 'retro.answersTooLong', prompt: key, length: answer.length, limit: MAX_ANSWER_LENGTH });
    }
    smart[key] = answer;
  }

  const commentIds = new Set(keep.comments.map((c) => c.id));
  const comments: Comment[] = [...keep.comments];
  for (const c of drop.comments) {
    const same = keep.comments.find((k) => k.id === c.id);
    if (same && canonical(same) === canonical(c)) continue;
    // Ids are random, so a clash means copied data; a new id keeps both comments. It carries a time
    // (ids.ts), as coarse as the comment's own when it is anonymous.
    const id = commentIds.has(c.id) ? newId(idTimeFor(c, now)) : c.id;
    commentIds.add(id);
    comments.push(id === c.id ? c : { ...c, id });
  }
  const linkKeys = new Set(keep.links.map(canonical));
  const links = [...keep.links, ...drop.links.filter((l) => !linkKeys.has(canonical(l)))];

  const kept: Entry = {
    ...keep,
    smart,
    reasons: [...new Set([...keep.reasons, ...drop.reasons])],
    votes: [...new Set([...keep.votes, ...drop.votes])],
    comments,
    links,
    updated: timeFor(keep, now),
  };
  if (drop.cost && (!keep.cost || hoursPerMonth(drop.cost) > hoursPerMonth(keep.cost))) kept.cost = { ...drop.cost };
  if (!keep.decision && drop.decision) {
    kept.decision = { ...drop.decision };
    kept.status = drop.decision.followUp === 'done' ? 'done' : 'decided';
  }
  const archived: Entry = { ...touch(drop, now), status: 'archived', duplicateOf: keepId };
  // Entries merged into the duplicate earlier now point at the kept entry, so no chain is left behind.
  const entries = b.entries.map((e) => {
    // What it took from a named duplicate (a decision, comments) follows the kept entry's rule.
    if (e.id === keepId) return withCoarseTimes(kept);
    if (e.id === dropId) return archived;
    return e.duplicateOf === dropId ? { ...touch(e, now), duplicateOf: keepId } : e;
  });
  return done({ ...b, entries });
}

export interface FollowUpItem {
  entry: Entry;
  decision: Decision;
  retro?: Retro;
  /** Calendar days, for the viewer, since the decision was recorded. */
  ageDays: number;
  /** Calendar days past the due date, for the viewer; 0 when not overdue or without a due date. */
  overdueDays: number;
}

/**
 * Whole calendar days past a due date, counted from the viewer's date today: a decision due on
 * 10 March is on time all of 10 March wherever the viewer is, and 1 day overdue on 11 March.
 */
export function overdueDays(due: string | undefined, clock: Clock): number {
  if (due === undefined || !isCalendarDate(due)) return 0;
  return Math.max(0, daysBetween(due, today(clock)));
}

function pending(e: Entry): e is Entry & { decision: Decision } {
  return e.decision !== undefined && e.decision.followUp !== 'done' && e.status !== 'archived' && e.status !== 'done';
}

/**
 * Earliest due date first, which puts the overdue ones first and the most overdue at the top; no
 * due date last; then the oldest decision.
 */
function followUpOrder(a: FollowUpItem, b: FollowUpItem): number {
  const ad = a.decision.due;
  const bd = b.decision.due;
  if (ad !== bd) {
    if (ad === undefined) return 1;
    if (bd === undefined) return -1;
    return ad < bd ? -1 : 1;
  }
  if (a.decision.decided !== b.decision.decided) return a.decision.decided < b.decision.decided ? -1 : 1;
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
}

/** Decisions not done, from retros other than the active one (or from no retro), in the order a retro should revisit them; days as the viewer counts them. */
export function followUps(b: Backlog, clock: Clock): FollowUpItem[] {
  const active = activeRetro(b)?.id;
  const retros = new Map(b.retros.map((r) => [r.id, r]));
  const items: FollowUpItem[] = [];
  for (const e of b.entries) {
    if (!pending(e) || (active !== undefined && e.decision.retro === active)) continue;
    const item: FollowUpItem = {
      entry: e,
      decision: e.decision,
      ageDays: daysSinceStamp(e.decision.decided, clock),
      overdueDays: overdueDays(e.decision.due, clock),
    };
    const retro = e.decision.retro === undefined ? undefined : retros.get(e.decision.retro);
    if (retro) item.retro = retro;
    items.push(item);
  }
  return items.sort(followUpOrder);
}

/**
 * An open entry nobody has touched for `staleDays` calendar days of the viewer's (0: nothing is ever
 * stale): one last changed on 1 March is stale from 31 March with 30, whatever the hour.
 */
export function isStale(e: Entry, clock: Clock, staleDays: number): boolean {
  if (!(staleDays > 0) || e.status !== 'open') return false;
  return daysSinceStamp(e.updated, clock) >= staleDays;
}

/** Decisions not done whose owner is one of `owners` (case and surrounding spaces ignored), most urgent first. */
export function openDecisionsOf(b: Backlog, owners: string[]): Entry[] {
  const names = new Set(owners.map((o) => o.trim().toLowerCase()).filter((o) => o !== ''));
  if (names.size === 0) return [];
  const mine: FollowUpItem[] = [];
  for (const e of b.entries) {
    if (pending(e) && names.has(e.decision.owner.trim().toLowerCase())) mine.push({ entry: e, decision: e.decision, ageDays: 0, overdueDays: 0 });
  }
  return mine.sort(followUpOrder).map((item) => item.entry);
}
