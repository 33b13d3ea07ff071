import { newId } from './ids';
import { SCHEMA_VERSION } from './model';

type Raw = Record<string, unknown>;

/** Upgrades a file by one version, from its index to the next. Steps may mutate `data`. */
export type MigrationStep = (data: Raw, now: Date) => Raw;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Hand-written dates such as "2024-05-01" become full timestamps; anything unreadable is left for the schema to report. */
function toTimestamp(v: unknown): unknown {
  if (typeof v !== 'string' || TIMESTAMP.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString();
}

/** Version 0 is the hand-written form: `entries` (or `items`) with only the fields people bother to type. */
function fromVersion0(data: Raw, now: Date): Raw {
  if (data.entries === undefined && Array.isArray(data.items)) {
    data.entries = data.items;
    delete data.items;
  }
  const stamp = now.toISOString();
  if (Array.isArray(data.entries)) {
    for (const entry of data.entries as unknown[]) {
      if (!isRecord(entry)) continue;
      entry.id ??= newId(now.getTime());
      entry.kind ??= 'other';
      entry.status ??= 'open';
      entry.created = toTimestamp(entry.created ?? stamp);
      entry.updated = toTimestamp(entry.updated ?? entry.created);
    }
  }
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
export function migrate(raw: Raw, now: Date): { data: Raw; from: number } {
  const from = versionOf(raw);
  if (from === undefined || from >= SCHEMA_VERSION) {
    return { data: raw, from: typeof raw.version === 'number' ? raw.version : Number.NaN };
  }
  let data = raw;
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from file version ${v}`);
    data = step(data, now);
  }
  return { data, from };
}
