/**
 * Repeated names in one JSON object. RFC 8259 §4 says names SHOULD be unique and that parsers differ
 * on them; `JSON.parse` keeps the last value (ECMA-262, JSON.parse), so a name written twice, as a
 * line-based `merge=union` leaves it, would silently drop the other value.
 */
import { visit, type JSONPath } from 'jsonc-parser/lib/esm/main.js';
import { isRecord } from '../model/isRecord';

export interface DuplicateKey {
  key: string;
  /** The object holding the name twice, as object keys and array indexes from the top. */
  path: JSONPath;
  /** 1-based positions of the first and of the repeated occurrence of the name. */
  first: { line: number; column: number };
  repeated: { line: number; column: number };
}

type Raw = Record<string, unknown>;

/**
 * The first name that appears twice in one object of `text`, or undefined. `data` must be
 * `JSON.parse(text)`. The text names at least as many members as the parsed data holds, and exactly
 * as many only when no name repeats, so counting settles it in the common case:
 *  1. an upper bound from the text (one scan for colons) against a lower bound from the data (a walk
 *     that knows the backlog's shape); equal bounds mean no repeat;
 *  2. otherwise exact counts on both sides (a string-aware scan and a walk over every object);
 *  3. only when those differ is the text tokenised to find where the repeat is.
 */
export function findDuplicateKey(text: string, data: unknown): DuplicateKey | undefined {
  if (nameMarks(text) === backlogMembers(data)) return undefined;
  if (names(text) === members(data)) return undefined;
  return firstRepeat(text);
}

/** JSON's whitespace: space, tab, line feed, carriage return (RFC 8259 §2). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function escaped(text: string, at: number): boolean {
  let i = at - 1;
  while (text.charCodeAt(i) === 92) i--;
  return (at - 1 - i) % 2 === 1;
}

/**
 * An upper bound on the names in the text: every `:` whose nearest non-blank character before it is
 * an unescaped `"`. Each name ends that way; only a string that starts with a colon adds to it.
 */
function nameMarks(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let i = colon - 1;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(--i);
    // Only a quote right after a backslash needs the run of backslashes counted.
    if (c === 34 && (text.charCodeAt(i - 1) !== 92 || !escaped(text, i))) count++;
  }
  return count;
}

/** The exact number of names in valid JSON: strings followed by a colon. Outside strings there are no quotes. */
function names(text: string): number {
  let count = 0;
  for (let open = text.indexOf('"'); open >= 0; ) {
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && escaped(text, close)) close = text.indexOf('"', close + 1);
    if (close < 0) break;
    let i = close + 1;
    while (isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 58) count++;
    open = text.indexOf('"', close + 1);
  }
  return count;
}

/** Members of one object, counted without reading their values or collecting their names. */
function keys(value: unknown): number {
  if (!isRecord(value)) return 0;
  let count = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- only how many there are matters.
  for (const _ in value) count++;
  return count;
}

const ENTRY_FIELDS = new Set(['id', 'title', 'kind', 'reasons', 'smart', 'cost', 'links', 'author', 'created', 'updated', 'status', 'duplicateOf', 'triage', 'votes', 'comments', 'decision', 'history']);

/** Entry fields present, read by name: much cheaper than visiting every value. */
function knownFields(e: Raw): number {
  let n = 0;
  if (e.id !== undefined) n++;
  if (e.title !== undefined) n++;
  if (e.kind !== undefined) n++;
  if (e.reasons !== undefined) n++;
  if (e.smart !== undefined) n++;
  if (e.cost !== undefined) n++;
  if (e.links !== undefined) n++;
  if (e.author !== undefined) n++;
  if (e.created !== undefined) n++;
  if (e.updated !== undefined) n++;
  if (e.status !== undefined) n++;
  if (e.duplicateOf !== undefined) n++;
  if (e.triage !== undefined) n++;
  if (e.votes !== undefined) n++;
  if (e.comments !== undefined) n++;
  if (e.decision !== undefined) n++;
  if (e.history !== undefined) n++;
  return n;
}

/** An entry's members and those of the records it holds, by the entry's shape; plain loops, as this runs for every entry. */
function entryMembers(e: Raw): number {
  const own = keys(e);
  let total = own + keys(e.smart) + keys(e.cost) + keys(e.author) + keys(e.decision);
  const { links, comments, history } = e;
  if (Array.isArray(links)) {
    for (let i = 0; i < links.length; i++) total += keys(links[i]);
  }
  if (Array.isArray(comments)) {
    for (let i = 0; i < comments.length; i++) {
      const c: unknown = comments[i];
      if (isRecord(c)) total += keys(c) + keys(c.author);
    }
  }
  if (Array.isArray(history)) {
    for (let i = 0; i < history.length; i++) {
      const h: unknown = history[i];
      if (isRecord(h)) total += keys(h) + members(h.value);
    }
  }
  // Fields from a newer version or a hand edit are walked in full; they are rare.
  if (own > knownFields(e)) {
    for (const key in e) {
      if (!ENTRY_FIELDS.has(key)) total += members(e[key]);
    }
  }
  return total;
}

/**
 * A lower bound on the members in parsed data, exact for a backlog: the known records are counted
 * by their shape. Objects nested where the shape has none are left out, which can only send the
 * check on to the exact count.
 */
function backlogMembers(data: unknown): number {
  if (!isRecord(data)) return 0;
  let total = 0;
  for (const key in data) {
    total++;
    const value = data[key];
    if (key === 'entries' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const e: unknown = value[i];
        total += isRecord(e) ? entryMembers(e) : members(e);
      }
    } else if (key === 'retros' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) total += keys(value[i]);
    } else {
      total += members(value);
    }
  }
  return total;
}

/** Members of every object in parsed JSON data. */
function members(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) count += members(value[i]);
    return count;
  }
  const record = value as Raw;
  for (const key in record) count += 1 + members(record[key]);
  return count;
}

function firstRepeat(text: string): DuplicateKey | undefined {
  const open: Map<string, { line: number; column: number }>[] = [];
  let found: DuplicateKey | undefined;
  visit(
    text,
    {
      onObjectBegin: () => void open.push(new Map()),
      onObjectEnd: () => void open.pop(),
      onObjectProperty: (key, _offset, _length, line, character, pathSupplier) => {
        const seen = open.at(-1);
        if (!seen || found) return;
        const here = { line: line + 1, column: character + 1 };
        const first = seen.get(key);
        if (first) found = { key, path: pathSupplier(), first, repeated: here };
        else seen.set(key, here);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}
