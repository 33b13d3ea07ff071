import type { Backlog, Entry, HistoryRecord, Retro } from './model';
import { SMART_KEYS } from './model';
import { splitConflictMarkers } from './conflictMarkers';
import { parseBacklog } from './parse';
import { serializeBacklog } from './serialize';

/** A scalar that both sides changed differently: which value was kept, and which went to history. */
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

type Side = 'base' | 'ours' | 'theirs';
export type TextMergeResult = { ok: true; text: string; conflicts: MergeConflict[] } | { ok: false; side: Side; message: string };

type Record_ = Record<string, unknown>;

/** JSON with sorted keys, so equal data compares equal whatever its key order. `undefined` is a value too. */
function canonical(value: unknown): string {
  if (value === undefined) {
    return '\u0000undefined';
  }
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record_ = {};
      for (const key of Object.keys(v).sort()) {
        sorted[key] = (v as Record_)[key];
      }
      return sorted;
    }
    return v;
  });
}

function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** Three-way set merge: an addition on either side is kept, a removal on one side is honoured. */
function mergeSet<T>(base: T[] | undefined, ours: T[] | undefined, theirs: T[] | undefined): T[] {
  const key = (item: T) => (typeof item === 'string' ? item : canonical(item));
  const baseKeys = new Set((base ?? []).map(key));
  const oursKeys = new Set((ours ?? []).map(key));
  const theirsKeys = new Set((theirs ?? []).map(key));
  const out = new Map<string, T>();
  for (const item of [...(ours ?? []), ...(theirs ?? [])]) {
    const k = key(item);
    const inBoth = oursKeys.has(k) && theirsKeys.has(k);
    if (inBoth || !baseKeys.has(k)) {
      out.set(k, item);
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/** Comments are never lost: a union by id, and a comment edited on both sides keeps one deterministic version. */
function mergeById<T extends { id: string }>(ours: T[] | undefined, theirs: T[] | undefined): T[] {
  const out = new Map<string, T>();
  for (const item of [...(ours ?? []), ...(theirs ?? [])]) {
    const existing = out.get(item.id);
    out.set(item.id, existing && canonical(existing) > canonical(item) ? existing : item);
  }
  return [...out.values()];
}

function historyKey(record: HistoryRecord): string {
  return canonical(record);
}

/**
 * Merges one entry field by field. Two different edits of one scalar: the later edit wins (ties go to
 * the greater value), and the losing value is appended to the entry's history.
 */
function mergeEntry(base: Entry | undefined, ours: Entry, theirs: Entry, conflicts: MergeConflict[]): Entry {
  const oursUpdated = ours.updated;
  const theirsUpdated = theirs.updated;
  const history = new Map<string, HistoryRecord>();
  for (const record of [...(ours.history ?? []), ...(theirs.history ?? [])]) {
    history.set(historyKey(record), record);
  }
  const superseded = (field: string, value: unknown, updated: string) =>
    [...history.values()].some((r) => r.field === field && r.updated === updated && same(r.value, value ?? null));

  const scalar = (field: string, b: unknown, o: unknown, t: unknown): unknown => {
    if (same(o, t)) {
      return o;
    }
    // A value this side already lost in an earlier merge does not come back as a fresh change.
    if (superseded(field, t, theirsUpdated)) {
      return o;
    }
    if (superseded(field, o, oursUpdated)) {
      return t;
    }
    if (base !== undefined && same(o, b)) {
      return t;
    }
    if (base !== undefined && same(t, b)) {
      return o;
    }
    const oursWins = oursUpdated > theirsUpdated || (oursUpdated === theirsUpdated && canonical(o) > canonical(t));
    const [kept, lost, keptAt, lostAt] = oursWins ? [o, t, oursUpdated, theirsUpdated] : [t, o, theirsUpdated, oursUpdated];
    const record: HistoryRecord = { field, value: lost === undefined ? null : lost, updated: lostAt, replacedBy: keptAt };
    history.set(historyKey(record), record);
    conflicts.push({ entryId: ours.id, field, kept, replaced: lost });
    return kept;
  };

  const special = new Set(['id', 'updated', 'history', 'votes', 'reasons', 'comments', 'links', 'smart', 'status']);
  const merged: Record_ = { id: ours.id };
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  for (const key of keys) {
    if (special.has(key)) {
      continue;
    }
    const value = scalar(key, base?.[key], ours[key], theirs[key]);
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  const smart: Record_ = { ...(base?.smart ?? {}), ...theirs.smart, ...ours.smart };
  for (const key of new Set([...Object.keys(smart), ...SMART_KEYS])) {
    const value = scalar(`smart.${key}`, (base?.smart as Record_ | undefined)?.[key], (ours.smart as Record_ | undefined)?.[key], (theirs.smart as Record_ | undefined)?.[key]);
    if (value === undefined) {
      delete smart[key];
    } else {
      smart[key] = value;
    }
  }
  merged.smart = smart;
  merged.reasons = mergeSet(base?.reasons, ours.reasons, theirs.reasons);
  merged.votes = mergeSet(base?.votes, ours.votes, theirs.votes);
  merged.links = mergeSet(base?.links, ours.links, theirs.links);
  merged.comments = mergeById(ours.comments, theirs.comments);

  // Archive against edit: the edit survives, so the entry stays in play and the archive goes to history.
  const edited = (side: Entry) => !base || [...keys].some((key) => key !== 'status' && key !== 'updated' && key !== 'history' && !same(side[key], base[key]));
  const archivedBy = (side: Entry, other: Entry) => side.status === 'archived' && base?.status !== 'archived' && other.status !== 'archived' && edited(other);
  if (!same(ours.status, theirs.status) && (archivedBy(ours, theirs) || archivedBy(theirs, ours))) {
    const [archiver, editor] = archivedBy(ours, theirs) ? [ours, theirs] : [theirs, ours];
    if (!superseded('status', 'archived', archiver.updated)) {
      const record: HistoryRecord = { field: 'status', value: 'archived', updated: archiver.updated, replacedBy: editor.updated };
      history.set(historyKey(record), record);
    }
    merged.status = editor.status;
  } else {
    merged.status = scalar('status', base?.status, ours.status, theirs.status);
  }

  merged.updated = oursUpdated > theirsUpdated ? oursUpdated : theirsUpdated;
  if (history.size > 0) {
    merged.history = [...history.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
  }
  return merged as Entry;
}

function mergeRetro(base: Retro | undefined, ours: Retro, theirs: Retro): Retro {
  const merged: Record_ = {};
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (key === 'discussed' || key === 'decided') {
      merged[key] = mergeSet(base?.[key], ours[key], theirs[key]);
      continue;
    }
    const [b, o, t] = [base?.[key], ours[key], theirs[key]];
    const value = same(o, t) || (base && same(t, b)) ? o : base && same(o, b) ? t : canonical(o) > canonical(t) ? o : t;
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged as Retro;
}

/** Matches records by id: added on either side → kept; removed on one side and untouched on the other → removed. */
function mergeRecords<T extends { id: string }>(
  base: T[] | undefined,
  ours: T[],
  theirs: T[],
  mergeOne: (b: T | undefined, o: T, t: T) => T,
): T[] {
  const baseById = new Map((base ?? []).map((item) => [item.id, item]));
  const oursById = new Map(ours.map((item) => [item.id, item]));
  const theirsById = new Map(theirs.map((item) => [item.id, item]));
  const out: T[] = [];
  for (const id of new Set([...oursById.keys(), ...theirsById.keys()])) {
    const b = baseById.get(id);
    const o = oursById.get(id);
    const t = theirsById.get(id);
    if (o && t) {
      out.push(o === t ? o : mergeOne(b, o, t));
    } else {
      const only = (o ?? t) as T;
      // Deleted on one side: it stays deleted only if the other side did not change it.
      if (!b || !same(only, b)) {
        out.push(only);
      }
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Three-way merge of two teammates' backlogs. Pure and deterministic: the result does not depend on
 * which side is "ours", and merging a result again with either side changes nothing.
 */
export function mergeBacklogs(base: Backlog | undefined, ours: Backlog, theirs: Backlog): MergeResult {
  const conflicts: MergeConflict[] = [];
  const merged: Record_ = {};
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    if (key === 'entries' || key === 'retros' || key === 'version') {
      continue;
    }
    const [b, o, t] = [base?.[key], ours[key], theirs[key]];
    merged[key] = same(o, t) || (base && same(t, b)) ? o : base && same(o, b) ? t : canonical(o) > canonical(t) ? o : t;
  }
  merged.version = Math.max(ours.version, theirs.version);
  merged.entries = mergeRecords(base?.entries, ours.entries, theirs.entries, (b, o, t) => mergeEntry(b, o, t, conflicts));
  merged.retros = mergeRecords(base?.retros, ours.retros, theirs.retros, mergeRetro);
  conflicts.sort((a, b) => canonical(a).localeCompare(canonical(b)));
  return { backlog: merged as Backlog, conflicts };
}

/** Merges the three texts git hands over (base may be absent when both sides added the file). */
export function mergeBacklogTexts(base: string | undefined, ours: string, theirs: string): TextMergeResult {
  const sides: [Side, string | undefined][] = [['base', base], ['ours', ours], ['theirs', theirs]];
  const parsed: Partial<Record<Side, Backlog>> = {};
  for (const [side, text] of sides) {
    if (text === undefined || (side === 'base' && text.trim() === '')) {
      continue;
    }
    const result = parseBacklog(text);
    if (!result.ok) {
      const { line, column, message } = result.problem;
      return { ok: false, side, message: `${side}: line ${line}, column ${column}: ${message}` };
    }
    parsed[side] = result.backlog;
  }
  const { backlog, conflicts } = mergeBacklogs(parsed.base, parsed.ours as Backlog, parsed.theirs as Backlog);
  return { ok: true, text: serializeBacklog(backlog), conflicts };
}

/**
 * Repairs a backlog that arrived with git conflict markers (for example from a merge on the hosting
 * site): both sides are rebuilt from the markers and merged semantically.
 */
export function resolveConflictMarkers(conflicted: string): TextMergeResult & { hunks?: number } {
  const sides = splitConflictMarkers(conflicted);
  if (!sides) {
    return { ok: false, side: 'ours', message: 'The conflict markers are incomplete or nested, so the two versions cannot be told apart. Fix the file by hand.' };
  }
  const result = mergeBacklogTexts(sides.base, sides.ours, sides.theirs);
  return result.ok ? { ...result, hunks: sides.hunks } : result;
}
