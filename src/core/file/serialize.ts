import type { Backlog } from '../model/model';
import { isRecord } from '../model/isRecord';

type Raw = Record<string, unknown>;

/** How a known record's fields are rewritten: its key order, plus special handling for some fields. */
interface Shape {
  keys: readonly string[];
  known: ReadonlySet<string>;
  fields?: Readonly<Record<string, (value: unknown) => unknown>>;
}

function shape(keys: readonly string[], fields?: Shape['fields']): Shape {
  return { keys, known: new Set(keys), fields };
}

/** Code-unit order, so every machine and locale agrees. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function put(out: Raw, key: string, value: unknown): void {
  // Plain assignment to "__proto__" would change the prototype instead of writing a field.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * JSON data in canonical form: objects get their keys in code-unit order (absent values dropped),
 * arrays keep their order. Used for data this version does not know, and wherever equal data must
 * give equal text.
 */
export function canonical(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(canonical);
  const out: Raw = {};
  for (const key of Object.keys(value).sort(compare)) {
    const v = (value as Raw)[key];
    if (v !== undefined) put(out, key, canonical(v));
  }
  return out;
}

function record(value: unknown, s: Shape): unknown {
  if (!isRecord(value)) return canonical(value);
  const out: Raw = {};
  for (const key of s.keys) {
    const v = value[key];
    if (v === undefined) continue;
    const field = s.fields?.[key];
    out[key] = field ? field(v) : canonical(v);
  }
  const extra = Object.keys(value).filter((k) => !s.known.has(k));
  if (extra.length > 0) {
    extra.sort(compare);
    for (const key of extra) {
      const v = value[key];
      if (v !== undefined) put(out, key, canonical(v));
    }
  }
  return out;
}

function listOf(s: Shape): (value: unknown) => unknown {
  return (value) => (Array.isArray(value) ? value.map((item) => record(item, s)) : canonical(value));
}

/** Sets of names: order carries no meaning, so it must not cause diffs. */
function sortedSet(value: unknown): unknown {
  if (!Array.isArray(value)) return canonical(value);
  if (!value.every((v): v is string => typeof v === 'string')) return value.map(canonical);
  return [...new Set(value)].sort(compare);
}

function sortKey(item: unknown, key: string): string {
  const v = isRecord(item) ? item[key] : undefined;
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

function byKey(key: string): (a: unknown, b: unknown) => number {
  return (a, b) => compare(sortKey(a, key), sortKey(b, key));
}

const byId = byKey('id');
const byCreated = byKey('created');

function sortedList(value: unknown, s: Shape, order: (a: unknown, b: unknown) => number): unknown {
  if (!Array.isArray(value)) return canonical(value);
  return (value as unknown[]).slice().sort(order).map((item) => record(item, s));
}

const PERSON = shape(['name', 'email']);
const SMART = shape(['speakUp', 'moreInfo', 'accountability', 'reprioritize', 'tryAnother']);
const COST = shape(['hoursPerOccurrence', 'occurrences', 'per', 'people']);
const LINK = shape(['path', 'startLine', 'endLine', 'fingerprint']);
const COMMENT = shape(['id', 'author', 'created', 'text', 'edited', 'deleted'], { author: (v) => record(v, PERSON) });
const DECISION = shape(['outcome', 'rationale', 'owner', 'due', 'followUp', 'decided', 'completed', 'retro', 'trackingUrl']);
const MOVE = shape(['entry', 'from']);
const RETRO = shape(['id', 'started', 'finished', 'facilitator', 'discussed', 'decided', 'moved'], { moved: listOf(MOVE) });
const ENTRY = shape(
  ['id', 'title', 'kind', 'reasons', 'smart', 'cost', 'links', 'author', 'created', 'updated', 'status', 'duplicateOf', 'archivedReason', 'triage', 'votes', 'comments', 'decision', 'history'],
  {
    reasons: sortedSet,
    smart: (v) => record(v, SMART),
    cost: (v) => record(v, COST),
    links: listOf(LINK),
    author: (v) => record(v, PERSON),
    votes: sortedSet,
    comments: (v) => sortedList(v, COMMENT, (a, b) => byCreated(a, b) || byId(a, b)),
    decision: (v) => record(v, DECISION),
  },
);
const BACKLOG = shape(['version', 'entries', 'retros'], {
  entries: (v) => sortedList(v, ENTRY, byId),
  retros: (v) => sortedList(v, RETRO, byId),
});

/**
 * The file's bytes: fixed key order, entries sorted by id, sets sorted, so the same data always
 * gives the same text and an edit to one field changes one line. Builds ordered plain objects and
 * stringifies once, which is much faster than writing the text by hand.
 */
export function serializeBacklog(b: Backlog): string {
  return `${JSON.stringify(record(b, BACKLOG), null, 2)}\n`;
}
