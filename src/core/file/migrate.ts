import { contentId } from '../model/contentIds';
import { readIsoTime } from '../model/isoTime';
import { SCHEMA_VERSION } from '../model/model';
import { isRecord } from '../model/isRecord';

type Raw = Record<string, unknown>;

/**
 * Upgrades a file by one version, from its index to the next. Steps may mutate `data`. A step
 * depends on nothing but the data (no clock, no time zone, no randomness), so every machine that
 * migrates the same file gets the same result.
 */
export type MigrationStep = (data: Raw) => Raw;

/** A hand-written time as a stored UTC timestamp, if it is in a form read alike everywhere. */
function stampOf(value: unknown): string | undefined {
  return typeof value === 'string' ? readIsoTime(value) : undefined;
}

/** Rewrites a readable time in place; anything else is left for the schema to report where it stands. */
function normalizeTime(record: Raw, field: string): void {
  const stamp = stampOf(record[field]);
  if (stamp !== undefined) record[field] = stamp;
}

/** Gives a record written without an id one derived from what was written and where, timed by `stamp`. */
function deriveId(record: Raw, position: string, stamp: string | undefined): void {
  if (record.id === undefined) record.id = contentId(record, position, stamp === undefined ? Number.NaN : Date.parse(stamp));
}

function recordsIn(list: unknown): Raw[] {
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/**
 * One hand-written entry. Without `created` it takes a readable `updated`; without either it is
 * left for the schema to report, as the machine's clock must not invent one.
 */
function entryFromVersion0(entry: Raw, index: number): void {
  const position = `entries[${index}]`;
  deriveId(entry, position, stampOf(entry.created) ?? stampOf(entry.updated));
  entry.kind ??= 'other';
  entry.status ??= 'open';
  normalizeTime(entry, 'created');
  normalizeTime(entry, 'updated');
  if (entry.created === undefined && stampOf(entry.updated) !== undefined) entry.created = entry.updated;
  entry.updated ??= entry.created;
  if (isRecord(entry.decision)) {
    normalizeTime(entry.decision, 'decided');
    normalizeTime(entry.decision, 'completed');
  }
  recordsIn(entry.comments).forEach((comment, n) => {
    deriveId(comment, `${position}.comments[${n}]`, stampOf(comment.created));
    normalizeTime(comment, 'created');
  });
  for (const record of recordsIn(entry.history)) {
    normalizeTime(record, 'updated');
    normalizeTime(record, 'replacedBy');
  }
}

/** Version 0 is the hand-written form: `entries` (or `items`) with only the fields people bother to type. */
function fromVersion0(data: Raw): Raw {
  if (data.entries === undefined && Array.isArray(data.items)) {
    data.entries = data.items;
    delete data.items;
  }
  if (Array.isArray(data.entries)) {
    (data.entries as unknown[]).forEach((entry, index) => {
      if (isRecord(entry)) entryFromVersion0(entry, index);
    });
  }
  recordsIn(data.retros).forEach((retro, index) => {
    deriveId(retro, `retros[${index}]`, stampOf(retro.started));
    normalizeTime(retro, 'started');
    normalizeTime(retro, 'finished');
  });
  data.version = 1;
  return data;
}

/** `MIGRATIONS[n]` turns version n into version n + 1; a new schema version adds one step here. */
export const MIGRATIONS: readonly MigrationStep[] = [fromVersion0];

/** The file's version as a migration start point, or undefined when it is not one (left for the schema to report). */
export function versionOf(raw: Raw): number | undefined {
  const v = raw.version;
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * Brings `raw` up to SCHEMA_VERSION, mutating it in place. Files already current, newer than
 * this extension, or with an unusable version come back unchanged.
 */
export function migrate(raw: Raw): { data: Raw; from: number } {
  const from = versionOf(raw);
  if (from === undefined || from >= SCHEMA_VERSION) {
    return { data: raw, from: typeof raw.version === 'number' ? raw.version : Number.NaN };
  }
  let data = raw;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from file version ${v}`);
    data = step(data);
  }
  return { data, from };
}
