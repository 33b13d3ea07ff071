/** Semantic three-way merge of backlogs: entries by id, field by field, so no flag, vote or comment is lost. */
import { splitConflictMarkers } from '../file/conflictMarkers';
import { coarseStamp, withCoarseTimes } from '../model/anonymity';
import type { Backlog, Comment, Entry, HistoryRecord, Retro } from '../model/model';
import { parseBacklog } from '../file/parse';
import { serializeBacklog } from '../file/serialize';
import { isRecord } from '../model/isRecord';
import { commentHistoryField, withoutCommentHistory } from '../comments/comments';
import type { MergeMessage } from '../text/messages';

/** Two different edits of one field: which value was kept, and which went to the entry's history. */
export interface MergeConflict {
  entryId: string;
  field: string;
  kept: unknown;
  replaced: unknown;
}

export interface MergeResult {
  backlog: Backlog;
  conflicts: MergeConflict[];
}

/** The side a failed text merge could not read: the base never fails one (see BaseUse). */
export type MergeSide = 'ours' | 'theirs';

/**
 * What a text merge did with the common ancestor:
 * - `used`: it was read, and the merge is three-way;
 * - `none`: there was none (both sides added the file, or conflict markers in the `merge` style hold
 *   no base), so the merge is two-way and keeps every entry of either side, even one a side deleted;
 * - `nested`: it held git's own conflict markers, as a virtual base built from a criss-cross history
 *   does; they were resolved the same way first (`hunks` of them), and the result was used;
 * - `unreadable`: it could not be read even so (`message` says why), and the merge is two-way as for `none`.
 */
export type BaseUse = { kind: 'used' } | { kind: 'none' } | { kind: 'nested'; hunks: number } | { kind: 'unreadable'; message: MergeMessage };

export type TextMergeFailure = { ok: false; side: MergeSide; message: MergeMessage };

export type TextMergeResult = { ok: true; text: string; conflicts: MergeConflict[]; base: BaseUse } | TextMergeFailure;

/** A repair of conflict markers: a text merge of the sides rebuilt from `hunks` hunks. */
export type ConflictRepair = (Extract<TextMergeResult, { ok: true }> & { hunks: number }) | TextMergeFailure;

type BacklogMerge = { ok: true; backlog: Backlog; conflicts: MergeConflict[]; base: BaseUse } | TextMergeFailure;

type Raw = Record<string, unknown>;

/** Code-unit order, so every machine and locale agrees. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function put(out: Raw, key: string, value: unknown): void {
  if (value === undefined) return;
  // Plain assignment to "__proto__" would change the prototype instead of writing a field.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function own(record: Raw, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Deep equality of JSON data, blind to key order and to keys holding `undefined`, as the bytes are.
 * Walks without allocating, so comparing thousands of unchanged entries stays cheap.
 */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!equal(a[i], b[i])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Raw;
  const right = b as Raw;
  let count = 0;
  for (const key of Object.keys(left)) {
    const v = left[key];
    if (v === undefined) continue;
    count++;
    if (!equal(v, own(right, key))) return false;
  }
  for (const key of Object.keys(right)) {
    if (right[key] !== undefined) count--;
  }
  return count === 0;
}

function sortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(sortedKeys);
  const out: Raw = {};
  for (const key of Object.keys(value).sort(compare)) put(out, key, sortedKeys((value as Raw)[key]));
  return out;
}

/** JSON with sorted keys; an absent value is the empty string, below every JSON text. */
function canonical(value: unknown): string {
  return value === undefined ? '' : (JSON.stringify(sortedKeys(value)) ?? '');
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function keysOf(...records: (Raw | undefined)[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records) {
    if (r) for (const key of Object.keys(r)) keys.add(key);
  }
  return keys;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Strings key themselves; anything else keys by canonical JSON, under another prefix so the two never collide. */
function setKey(item: unknown): string {
  return typeof item === 'string' ? `s${item}` : `j${canonical(item)}`;
}

/**
 * Three-way set merge: (ours ∩ theirs) ∪ (ours − base) ∪ (theirs − base). A side that left the set
 * as it was gives way to the other untouched; when both changed it, the result is in key order.
 */
function mergeSet(base: unknown, ours: unknown, theirs: unknown): unknown {
  if (equal(ours, theirs)) return ours;
  if (equal(ours ?? [], base ?? [])) return theirs;
  if (equal(theirs ?? [], base ?? [])) return ours;
  const inBase = new Set(asArray(base).map(setKey));
  const inOurs = new Map(asArray(ours).map((item) => [setKey(item), item]));
  const inTheirs = new Map(asArray(theirs).map((item) => [setKey(item), item]));
  const out: [string, unknown][] = [];
  for (const [key, item] of inOurs) {
    if (inTheirs.has(key) || !inBase.has(key)) out.push([key, item]);
  }
  for (const [key, item] of inTheirs) {
    if (!inOurs.has(key) && !inBase.has(key)) out.push([key, item]);
  }
  return out.sort(([a], [b]) => compare(a, b)).map(([, item]) => item);
}

/** The scalar rule without timestamps: a one-sided change wins, two changes go to the greater canonical JSON. */
function mergePlain(base: unknown, ours: unknown, theirs: unknown): unknown {
  if (equal(ours, theirs) || equal(theirs, base)) return ours;
  if (equal(ours, base)) return theirs;
  return canonical(ours) >= canonical(theirs) ? ours : theirs;
}

function historyOf(entry: Entry): HistoryRecord[] {
  return Array.isArray(entry.history) ? entry.history : [];
}

/** What makes a history record the same loss again, whichever edit later replaced it. */
function lossKey(field: unknown, updated: unknown, value: unknown): string {
  return `${String(field)}\u0000${String(updated)}\u0000${canonical(value)}`;
}

/** Oldest replacement first, so an entry's history reads as a timeline. */
function historyOrder(record: HistoryRecord, key: string): string {
  return `${String(record.replacedBy)}\u0000${String(record.updated)}\u0000${key}`;
}

function commentOrder(a: Comment, b: Comment): number {
  return compare(String(a.created), String(b.created)) || compare(String(a.id), String(b.id));
}

/** Fields of an entry that get their own rule instead of the scalar one. */
const ENTRY_SPECIAL = new Set(['id', 'updated', 'history', 'status', 'smart', 'votes', 'reasons', 'links', 'comments']);

/** Merges one entry present on both sides, collecting the values that lose into its history. */
class EntryMerge {
  private readonly history = new Map<string, HistoryRecord>();
  private readonly losses = new Set<string>();
  /** Comments that end up deleted: their earlier texts leave the history too. */
  private readonly deletedComments = new Set<string>();
  private readonly oursAt: string;
  private readonly theirsAt: string;

  constructor(
    private readonly base: Entry | undefined,
    private readonly ours: Entry,
    private readonly theirs: Entry,
    private readonly conflicts: MergeConflict[],
  ) {
    this.oursAt = ours.updated;
    this.theirsAt = theirs.updated;
    for (const record of [...historyOf(ours), ...historyOf(theirs)]) {
      this.history.set(canonical(record), record);
      this.losses.add(lossKey(record.field, record.updated, record.value));
    }
  }

  run(): Entry {
    const { base, ours, theirs } = this;
    const out: Raw = {};
    for (const key of keysOf(base, ours, theirs)) {
      if (ENTRY_SPECIAL.has(key)) continue;
      put(out, key, this.scalar(key, base && own(base, key), own(ours, key), own(theirs, key)));
    }
    put(out, 'id', ours.id);
    put(out, 'smart', this.smart());
    put(out, 'reasons', mergeSet(base?.reasons, ours.reasons, theirs.reasons));
    put(out, 'votes', mergeSet(base?.votes, ours.votes, theirs.votes));
    put(out, 'links', mergeSet(base?.links, ours.links, theirs.links));
    put(out, 'comments', this.comments());
    put(out, 'status', this.status());
    put(out, 'updated', later(this.oursAt, this.theirsAt));
    const records = [...this.history].map(([key, record]) => [historyOrder(record, key), record] as const);
    const history = withoutCommentHistory(records.sort(([a], [b]) => compare(a, b)).map(([, record]) => record), this.deletedComments);
    if (history && history.length > 0) out.history = history;
    return out as Entry;
  }

  /** Three-way for one value; two different changes go to the later side, a tie to the greater canonical JSON. */
  private scalar(field: string, base: unknown, ours: unknown, theirs: unknown): unknown {
    if (equal(ours, theirs) || equal(theirs, base)) return ours;
    if (equal(ours, base)) return theirs;
    const o = canonical(ours);
    const t = canonical(theirs);
    if (o === t) return ours;
    const oursWins = this.oursAt === this.theirsAt ? o > t : this.oursAt > this.theirsAt;
    return oursWins ? this.lose(field, ours, theirs, this.oursAt, this.theirsAt) : this.lose(field, theirs, ours, this.theirsAt, this.oursAt);
  }

  /** Records the losing value, once: a loss already in history (from an earlier merge) is not reported again. */
  private lose(field: string, kept: unknown, replaced: unknown, keptAt: string, replacedAt: string): unknown {
    const loss = lossKey(field, replacedAt, replaced);
    if (this.losses.has(loss)) return kept;
    this.losses.add(loss);
    // A value that was absent is left out of the record (undefined is never written).
    const record: HistoryRecord = { field, value: replaced, updated: replacedAt, replacedBy: keptAt };
    this.history.set(canonical(record), record);
    this.conflicts.push({ entryId: this.ours.id, field, kept, replaced });
    return kept;
  }

  /** S.M.A.R.T. answers are separate questions, so each merges on its own. */
  private smart(): unknown {
    const base = this.base?.smart as unknown;
    const ours = this.ours.smart as unknown;
    const theirs = this.theirs.smart as unknown;
    if (equal(ours, theirs)) return ours;
    if (!isRecord(ours) || !isRecord(theirs) || (base !== undefined && !isRecord(base))) return this.scalar('smart', base, ours, theirs);
    const out: Raw = {};
    for (const key of keysOf(base, ours, theirs)) {
      put(out, key, this.scalar(`smart.${key}`, base && own(base, key), own(ours, key), own(theirs, key)));
    }
    return out;
  }

  /** A union by id: a comment on either side stays; one changed on both sides follows `comment`. */
  private comments(): unknown {
    const ours = this.ours.comments as unknown;
    const theirs = this.theirs.comments as unknown;
    const merged = equal(ours, theirs) ? (asArray(ours) as Comment[]) : this.commentUnion(asArray(ours) as Comment[], asArray(theirs) as Comment[]);
    for (const c of merged) {
      if (isRecord(c) && c.deleted !== undefined) this.deletedComments.add(String(c.id));
    }
    return equal(ours, theirs) ? ours : merged;
  }

  private commentUnion(ours: Comment[], theirs: Comment[]): Comment[] {
    const base = new Map((asArray(this.base?.comments) as Comment[]).map((c) => [c.id, c]));
    const fromTheirs = new Map(theirs.map((c) => [c.id, c]));
    const out = new Map<string, Comment>();
    for (const o of ours) {
      const t = fromTheirs.get(o.id);
      out.set(o.id, t ? this.comment(base.get(o.id), o, t) : o);
    }
    for (const t of fromTheirs.values()) {
      if (!out.has(t.id)) out.set(t.id, t);
    }
    return [...out.values()].sort(commentOrder);
  }

  /**
   * One comment changed on both sides. A tombstone wins over an edit, since only the author can do
   * either and deleting says the words should go; of two tombstones, the earlier deletion. Of two
   * edits, the later one (by `edited`) wins and the other text goes to the entry's history.
   */
  private comment(base: Comment | undefined, ours: Comment, theirs: Comment): Comment {
    if (equal(ours, theirs) || equal(theirs, base)) return ours;
    if (equal(ours, base)) return theirs;
    const oursGone = isRecord(ours) && ours.deleted !== undefined;
    const theirsGone = isRecord(theirs) && theirs.deleted !== undefined;
    if (oursGone || theirsGone) {
      if (oursGone !== theirsGone) return oursGone ? ours : theirs;
      return (compare(String(ours.deleted), String(theirs.deleted)) || compare(canonical(theirs), canonical(ours))) <= 0 ? ours : theirs;
    }
    const oursAt = String(ours.edited ?? ours.created);
    const theirsAt = String(theirs.edited ?? theirs.created);
    const oursWins = oursAt === theirsAt ? canonical(ours) > canonical(theirs) : oursAt > theirsAt;
    const [winner, loser, winnerAt, loserAt] = oursWins ? [ours, theirs, oursAt, theirsAt] : [theirs, ours, theirsAt, oursAt];
    if (equal(winner.text, loser.text)) return winner;
    // On an anonymous entry every history time is a day (anonymity.ts); the loss is recorded as it will be stored, so a second merge finds it.
    // Both sides are anonymous exactly when the result is (mergeEntry): a test of one side alone would differ by merge order.
    const at = (time: string) => (this.ours.author === undefined && this.theirs.author === undefined ? coarseStamp(time) : time);
    this.lose(commentHistoryField(String(ours.id)), winner.text, loser.text, at(winnerAt), at(loserAt));
    return winner;
  }

  /**
   * Archive against edit: an edit of the entry itself survives, keeps it in play, and the archive goes
   * to history. A vote or a comment is kept on the archived entry but does not reopen it: archiving is
   * a decision, and a "me too" from someone who had not synced yet does not overturn it.
   */
  private status(): unknown {
    const { base, ours, theirs } = this;
    const archiver = this.archivedAgainstEdit(ours, theirs) ? ours : this.archivedAgainstEdit(theirs, ours) ? theirs : undefined;
    if (!archiver) return this.scalar('status', base?.status, ours.status, theirs.status);
    const [editor, editorAt, archiverAt] = archiver === ours ? [theirs, this.theirsAt, this.oursAt] : [ours, this.oursAt, this.theirsAt];
    return this.lose('status', editor.status, archiver.status, editorAt, archiverAt);
  }

  private archivedAgainstEdit(archiver: Entry, editor: Entry): boolean {
    const base = this.base;
    return base !== undefined && base.status !== 'archived' && archiver.status === 'archived' && editor.status !== 'archived' && reopens(base, editor);
  }
}

/** What an edit of an entry is not: its status and bookkeeping, and the votes and comments that pile up on it. */
const NOT_AN_EDIT = new Set(['status', 'updated', 'history', 'votes', 'comments']);

/**
 * Whether a side edited the entry itself (its title, answers, kind, cost, links, triage, decision or
 * any other field), which reopens it against a concurrent archive. Votes and comments do not: the
 * merge keeps them on the archived entry either way, so they need no open entry to survive.
 */
function reopens(base: Entry, side: Entry): boolean {
  for (const key of keysOf(base, side)) {
    if (!NOT_AN_EDIT.has(key) && !equal(own(side, key), own(base, key))) return true;
  }
  return false;
}

/**
 * Whether the merged entry names nobody. A side that took the name out wins against a side that kept
 * or changed it (anonymity is asked for, and a concurrent edit must not undo it); a side that put a
 * name on an anonymous entry is a one-sided change and wins as usual.
 */
function mergesAnonymous(base: Entry | undefined, ours: Entry, theirs: Entry): boolean {
  if (ours.author === undefined && theirs.author === undefined) return true;
  if (ours.author !== undefined && theirs.author !== undefined) return false;
  return base?.author !== undefined;
}

function withoutAuthor(e: Entry): Entry {
  const next = { ...e };
  delete next.author;
  return next;
}

/**
 * Merges one entry. An anonymous result is merged from its three versions brought under the anonymity
 * rule first (anonymity.ts): from anonymous, day-coarse sides, so no time finer than a day (a named
 * side's `updated`, a history record of it) reaches it, and last-writer-wins compares days. Two days
 * that tie go to the greater canonical JSON, as any tie does, so the result stays the same in either
 * order and when merged again.
 */
function mergeEntry(base: Entry | undefined, ours: Entry, theirs: Entry, conflicts: MergeConflict[]): Entry {
  if (!mergesAnonymous(base, ours, theirs)) return new EntryMerge(base, ours, theirs, conflicts).run();
  const rule = (e: Entry) => withCoarseTimes(withoutAuthor(e));
  return new EntryMerge(base && rule(base), rule(ours), rule(theirs), conflicts).run();
}

function mergeRetro(base: Retro | undefined, ours: Retro, theirs: Retro): Retro {
  const out: Raw = {};
  for (const key of keysOf(base, ours, theirs)) {
    const [b, o, t] = [base && own(base, key), own(ours, key), own(theirs, key)];
    put(out, key, key === 'discussed' || key === 'decided' || key === 'moved' ? mergeSet(b, o, t) : mergePlain(b, o, t));
  }
  put(out, 'id', ours.id);
  return out as Retro;
}

function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) map.set(item.id, item);
  return map;
}

/**
 * Matches records by id. Added on either side: kept. Missing on one side: kept with the other side's
 * version if that side changed it, otherwise gone. Equal on both sides: taken as is, without a merge.
 */
function mergeRecords<T extends { id: string }>(base: T[] | undefined, ours: T[], theirs: T[], mergeOne: (b: T | undefined, o: T, t: T) => T): T[] {
  const before = byId(base);
  const mine = byId(ours);
  const other = byId(theirs);
  const out: T[] = [];
  const oneSided = (item: T) => {
    const b = before.get(item.id);
    if (b === undefined || !equal(item, b)) out.push(item);
  };
  for (const [id, o] of mine) {
    const t = other.get(id);
    if (t === undefined) oneSided(o);
    else out.push(equal(o, t) ? o : mergeOne(before.get(id), o, t));
  }
  for (const [id, t] of other) {
    if (!mine.has(id)) oneSided(t);
  }
  return out.sort((a, b) => compare(a.id, b.id));
}

/** How many entries `to` adds, changes and removes relative to `from` (none, when `from` is undefined). */
export function countChanges(from: Backlog | undefined, to: Backlog): { added: number; changed: number; removed: number } {
  const before = byId(from?.entries);
  const counts = { added: 0, changed: 0, removed: 0 };
  const seen = new Set<string>();
  for (const entry of to.entries) {
    seen.add(entry.id);
    const old = before.get(entry.id);
    if (old === undefined) counts.added++;
    else if (!equal(old, entry)) counts.changed++;
  }
  for (const id of before.keys()) if (!seen.has(id)) counts.removed++;
  return counts;
}

/**
 * Three-way merge of two teammates' backlogs (`base` is their common ancestor, if any). The result
 * does not depend on which side is "ours", and merging it again with either side changes nothing.
 */
export function mergeBacklogs(base: Backlog | undefined, ours: Backlog, theirs: Backlog): MergeResult {
  const conflicts: MergeConflict[] = [];
  const out: Raw = {};
  for (const key of keysOf(base, ours, theirs)) {
    if (key === 'version' || key === 'entries' || key === 'retros') continue;
    put(out, key, mergePlain(base && own(base, key), own(ours, key), own(theirs, key)));
  }
  out.version = Math.max(ours.version, theirs.version);
  out.entries = mergeRecords(base?.entries, ours.entries, theirs.entries, (b, o, t) => mergeEntry(b, o, t, conflicts));
  out.retros = mergeRecords(base?.retros, ours.retros, theirs.retros, mergeRetro);
  conflicts.sort((a, b) => compare(a.entryId, b.entryId) || compare(a.field, b.field));
  return { backlog: out as Backlog, conflicts };
}

/**
 * Reads the common ancestor. A base that does not parse never blocks a merge: git's nested markers
 * in it are resolved, and anything else leaves the merge two-way, saying why.
 */
function readBase(text: string | undefined): { backlog?: Backlog; use: BaseUse } {
  if (text === undefined || text.trim() === '') return { use: { kind: 'none' } };
  const parsed = parseBacklog(text);
  if (parsed.ok) return { backlog: parsed.backlog, use: { kind: 'used' } };
  if (splitConflictMarkers(text) === undefined) {
    const { line, column, message } = parsed.problem;
    return { use: { kind: 'unreadable', message: { code: 'merge.at', line, column, problem: message } } };
  }
  const nested = repairMarkers(text);
  return nested.ok
    ? { backlog: nested.backlog, use: { kind: 'nested', hunks: nested.hunks } }
    : { use: { kind: 'unreadable', message: { code: 'merge.nestedUnreadable', reason: nested.message } } };
}

function mergeTexts(base: string | undefined, ours: string, theirs: string): BacklogMerge {
  const sides: Partial<Record<MergeSide, Backlog>> = {};
  for (const [side, text] of [['ours', ours], ['theirs', theirs]] as const) {
    const result = parseBacklog(text);
    if (!result.ok) return { ok: false, side, message: { code: 'merge.side', side, line: result.problem.line, column: result.problem.column, problem: result.problem.message } };
    sides[side] = result.backlog;
  }
  const ancestor = readBase(base);
  const { backlog, conflicts } = mergeBacklogs(ancestor.backlog, sides.ours as Backlog, sides.theirs as Backlog);
  return { ok: true, backlog, conflicts, base: ancestor.use };
}

function repairMarkers(conflicted: string): (BacklogMerge & { ok: true; hunks: number }) | TextMergeFailure {
  const sides = splitConflictMarkers(conflicted);
  if (!sides) {
    return { ok: false, side: 'ours', message: { code: 'merge.badMarkers' } };
  }
  const result = mergeTexts(sides.base, sides.ours, sides.theirs);
  return result.ok ? { ...result, hunks: sides.hunks } : result;
}

/**
 * Merges the three texts git hands over (a merge driver's %O %A %B, or the index stages 1 to 3).
 * `ours` or `theirs` that cannot be read fails the merge, naming the side, line and column. The base
 * never does (see BaseUse): an absent or blank one means both sides created the file, and one that
 * holds git's conflict markers (the virtual base of a recursive merge) is resolved first.
 */
export function mergeBacklogTexts(base: string | undefined, ours: string, theirs: string): TextMergeResult {
  const result = mergeTexts(base, ours, theirs);
  return result.ok ? { ok: true, text: serializeBacklog(result.backlog), conflicts: result.conflicts, base: result.base } : result;
}

/**
 * Repairs a backlog that arrived with git conflict markers (for example from a merge on the hosting
 * site), in any style git writes (see ConflictSides): the versions are rebuilt from the markers and
 * merged semantically, a nested base included.
 */
export function resolveConflictMarkers(conflicted: string): ConflictRepair {
  const result = repairMarkers(conflicted);
  return result.ok ? { ok: true, text: serializeBacklog(result.backlog), conflicts: result.conflicts, base: result.base, hunks: result.hunks } : result;
}
