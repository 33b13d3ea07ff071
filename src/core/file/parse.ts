import type { ErrorObject, ValidateFunction } from 'ajv';
// The package's default entry is a UMD build whose internal requires break when bundled; its ES build does not.
import { findNodeAtLocation, parse as parseLenient, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import schema from '../../../media/stupid-work.schema.json';
import { validate as validateBacklog } from './backlogValidator.generated';
import { firstConflictMarker } from './conflictMarkers';
import { findDuplicateKey } from './duplicateKeys';
import { plainText } from '../text/inertText';
import { migrate, versionOf } from './migrate';
import { SCHEMA_VERSION, emptySmart, type Backlog, type Entry, MAX_FILE_BYTES } from '../model/model';
import { isRecord } from '../model/isRecord';

export type ProblemCode = 'empty' | 'too-large' | 'conflict' | 'syntax' | 'duplicate-key' | 'schema' | 'newer-version' | 'duplicate-id';

/** Why a file cannot be loaded. `line` and `column` are 1-based. */
export interface BacklogProblem {
  code: ProblemCode;
  message: string;
  line: number;
  column: number;
  /** Where in the data, for example `entries[3].kind`. */
  path?: string;
}

export type ParseResult = { ok: true; backlog: Backlog; migratedFrom?: number } | { ok: false; problem: BacklogProblem };

type Raw = Record<string, unknown>;
type Segment = string | number;

function problem(code: ProblemCode, message: string, line = 1, column = 1, path?: string): ParseResult {
  return { ok: false, problem: path === undefined ? { code, message, line, column } : { code, message, line, column, path } };
}

/**
 * Parses, migrates, validates and fills defaults in one pass over freshly parsed objects.
 * The happy path does only `JSON.parse`, a count of the members (which rules out repeated names),
 * one compiled validator run and an in-place fill; the costlier work of locating a problem in the
 * text happens only once something is wrong. Problems come back as values, never thrown. The
 * result depends on the text alone: no clock, time zone or locale, so every machine reads a file alike.
 */
export function parseBacklog(text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) {
    return problem('too-large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, too large to open safely.`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return unreadable(body, e);
  }
  const repeated = findDuplicateKey(body, raw);
  if (repeated) {
    const path = displayPath(repeated.path);
    const where = path === '' ? 'top level' : path;
    const { line, column } = repeated.repeated;
    return problem(
      'duplicate-key',
      `${where}: the field "${plainText(repeated.key, 60)}" appears twice in one object (first at line ${repeated.first.line}, column ${repeated.first.column}), so one of its two values would be silently lost. Keep the right one, delete the other, and save the file.`,
      line,
      column,
      displayPath([...repeated.path, repeated.key]),
    );
  }
  if (!isRecord(raw)) {
    const at = lineColumn(body, firstNonBlank(body));
    return problem('schema', `The file must hold a JSON object with "version" and "entries", but it holds ${describe(raw)}.`, at.line, at.column);
  }
  if (typeof raw.version === 'number' && raw.version > SCHEMA_VERSION) {
    const at = locate(body, ['version']);
    return problem(
      'newer-version',
      `The file was written by a newer version of Stupid Work (file version ${raw.version}, this extension reads up to ${SCHEMA_VERSION}). Update the extension; the file is left untouched.`,
      at.line,
      at.column,
      'version',
    );
  }

  let migratedFrom: number | undefined;
  const from = versionOf(raw);
  if (from !== undefined && from < SCHEMA_VERSION) {
    raw = migrate(raw).data;
    migratedFrom = from;
  }

  const validate = validator();
  if (!validate(raw)) {
    return schemaProblem(body, raw, validate.errors?.[0], migratedFrom !== undefined);
  }
  const backlog = raw as Backlog;
  const duplicate = findDuplicateId(backlog.entries);
  if (duplicate) {
    const [first, second] = duplicate;
    const at = locate(body, ['entries', second, 'id'], migratedFrom !== undefined);
    return problem(
      'duplicate-id',
      `entries[${first}] and entries[${second}] have the same id "${backlog.entries[second].id}". Give one of them a new id.`,
      at.line,
      at.column,
      `entries[${second}].id`,
    );
  }
  fillDefaults(backlog);
  return migratedFrom === undefined ? { ok: true, backlog } : { ok: true, backlog, migratedFrom };
}

/**
 * Blank text and conflict markers always make JSON.parse fail (no JSON value can start a line with
 * `<`, `=` or `>`, and strings cannot span lines), so they are looked for only then, in the order
 * the user needs to hear about them.
 */
function unreadable(body: string, thrown: unknown): ParseResult {
  if (isBlank(body)) {
    return problem('empty', 'The file is empty. Log an entry to start the backlog, or delete the file.');
  }
  const conflictAt = firstConflictMarker(body);
  if (conflictAt >= 0) {
    const { line } = lineColumn(body, conflictAt);
    return problem('conflict', `The file has unresolved git merge conflict markers (first at line ${line}). Resolve the conflict and save the file.`, line, 1);
  }
  return syntaxProblem(body, thrown);
}

/** The schema's check, precompiled at build time (`build/backlogValidator.mjs`); `errors` holds the first failure. */
function validator(): ValidateFunction {
  return validateBacklog as ValidateFunction;
}

function isBlank(text: string): boolean {
  return firstNonBlank(text) === text.length;
}

function firstNonBlank(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'badly written number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the field name',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing }',
  CloseBracketExpected: 'expected a closing ]',
  EndOfFileExpected: 'unexpected text after the end of the data',
  InvalidCommentToken: 'comments are not allowed in this file',
  UnexpectedEndOfComment: 'comment is not closed',
  UnexpectedEndOfString: 'text in quotes is not closed on the same line',
  UnexpectedEndOfNumber: 'number ends too early',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape after a backslash',
  InvalidCharacter: 'control character inside text in quotes; write it as an escape such as \\n',
};

function syntaxProblem(text: string, thrown: unknown): ParseResult {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return problem('syntax', `The file is not valid JSON: ${detail}`);
  }
  const name = printParseErrorCode(first.error);
  let words = SYNTAX_WORDS[name] ?? name;
  if ((name === 'ValueExpected' || name === 'PropertyNameExpected') && precededByComma(text, first.offset)) {
    words = 'a comma before a closing bracket or brace is not allowed in JSON';
  }
  const { line, column } = lineColumn(text, first.offset);
  return problem('syntax', `The file is not valid JSON: line ${line}, column ${column}: ${words}.`, line, column);
}

function precededByComma(text: string, offset: number): boolean {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return false;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',';
}

function findDuplicateId(entries: Entry[]): [number, number] | undefined {
  // Files this extension wrote are sorted by id, so one pass of comparisons settles it without hashing.
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++) sorted = entries[i - 1].id < entries[i].id;
  if (sorted) return undefined;
  const seen = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const before = seen.get(entries[i].id);
    if (before !== undefined) return [before, i];
    seen.set(entries[i].id, i);
  }
  return undefined;
}

function fillDefaults(b: Backlog): void {
  for (const e of b.entries) {
    e.reasons ??= [];
    const s = e.smart;
    if (s === undefined) {
      e.smart = emptySmart();
    } else {
      // Spelled out: named property access stays fast where a loop over the keys does not.
      s.speakUp ??= '';
      s.moreInfo ??= '';
      s.accountability ??= '';
      s.reprioritize ??= '';
      s.tryAnother ??= '';
    }
    e.links ??= [];
    e.triage ??= 'inbox';
    e.votes ??= [];
    e.comments ??= [];
  }
  b.retros ??= [];
  for (const r of b.retros) {
    r.discussed ??= [];
    r.decided ??= [];
  }
}

// Failure path: turning a validator error into words and a place in the text.

function schemaProblem(text: string, data: Raw, error: ErrorObject | undefined, migrated: boolean): ParseResult {
  if (!error) return problem('schema', 'The file does not match the Stupid Work format.');
  const { segments, value } = resolvePointer(data, error.instancePath);
  const path = displayPath(segments);
  const where = path === '' ? 'top level' : path;
  const target = error.keyword === 'uniqueItems' ? [...segments, Math.max(Number(error.params.i), Number(error.params.j))] : segments;
  const at = locate(text, target, migrated);
  const fullPath = error.keyword === 'required' && typeof error.params.missingProperty === 'string'
    ? displayPath([...segments, error.params.missingProperty])
    : path;
  return problem('schema', `${where}: ${explain(error, value, migrated)}`, at.line, at.column, fullPath === '' ? undefined : fullPath);
}

/** JSON Pointer to segments and the value there, using the data to tell array indexes from keys that look like numbers. */
function resolvePointer(data: unknown, pointer: string): { segments: Segment[]; value: unknown } {
  const segments: Segment[] = [];
  if (pointer === '') return { segments, value: data };
  let node = data;
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      segments.push(index);
      node = node[index];
    } else {
      segments.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return { segments, value: node };
}

function displayPath(segments: Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    // A name from the file is quoted the way `preview` quotes a value: every surface shows the path.
    else out += `[${plainText(JSON.stringify(s), 60)}]`;
  }
  return out;
}

/**
 * Position of the value at `segments`, or of its nearest ancestor present in the text.
 * After a migration from version 0 the text may still call the list `items`.
 */
function locate(text: string, segments: Segment[], migrated = false): { line: number; column: number } {
  const root = parseTree(text, undefined, { allowTrailingComma: false, disallowComments: true });
  if (!root) return { line: 1, column: 1 };
  const candidates: Segment[][] = [segments];
  if (migrated && segments[0] === 'entries') candidates.push(['items', ...segments.slice(1)]);
  let best: Node = root;
  let bestDepth = -1;
  for (const path of candidates) {
    for (let depth = path.length; depth > bestDepth; depth--) {
      const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
      if (node) {
        best = node;
        bestDepth = depth;
        break;
      }
    }
  }
  return lineColumn(text, best.offset);
}

const PATTERN_NAMES = new Map<string, string>([
  [schema.definitions.id.pattern, 'a valid id (26 characters of Crockford base 32, as in 01JD3Q4X5Z6A7B8C9D0E1F2G3H)'],
  [schema.definitions.timestamp.pattern, 'a UTC time such as 2026-11-22T09:30:00.000Z'],
  [schema.definitions.date.pattern, 'a date such as 2026-11-22'],
]);

const TYPE_NAMES: Record<string, string> = {
  string: 'text in quotes',
  integer: 'a whole number',
  number: 'a number',
  object: 'an object { … }',
  array: 'a list [ … ]',
  boolean: 'true or false',
  null: 'null',
};

/** A hand-written (version 0) file may use any time form that reads alike everywhere. */
const HAND_WRITTEN_TIME = 'a full ISO 8601 time with its offset, such as 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00, or a date such as 2026-03-02 (read as UTC)';

function explain(error: ErrorObject, value: unknown, migrated: boolean): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      if (migrated && p.missingProperty === 'created') {
        return `missing required field "created": write when it was flagged, as ${HAND_WRITTEN_TIME}`;
      }
      return `missing required field "${String(p.missingProperty)}"`;
    case 'type':
      return `expected ${TYPE_NAMES[String(p.type)] ?? String(p.type)}, found ${describe(value)}`;
    case 'enum':
      return `${preview(value)} is not one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      if (migrated && p.pattern === schema.definitions.timestamp.pattern) return `${preview(value)} is not ${HAND_WRITTEN_TIME}`;
      return `${preview(value)} is not ${PATTERN_NAMES.get(String(p.pattern)) ?? `in the expected form (${String(p.pattern)})`}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `is too short (at least ${String(p.limit)} characters)`;
    case 'maxLength':
      return `is too long (${typeof value === 'string' ? value.length : '?'} characters, at most ${String(p.limit)})`;
    case 'minimum':
      return `${preview(value)} is below the minimum of ${String(p.limit)}`;
    case 'maximum':
      return `${preview(value)} is above the maximum of ${String(p.limit)}`;
    case 'uniqueItems': {
      const [a, b] = [Number(p.i), Number(p.j)].sort((x, y) => x - y);
      const item: unknown = Array.isArray(value) ? value[b] : undefined;
      return `items ${a} and ${b} are the same (${preview(item)}); each may appear only once`;
    }
    default:
      return error.message ?? 'does not match the Stupid Work format';
  }
}

/** Up to 60 characters of a value from the file, made plain: every surface that shows a problem quotes it. */
function preview(value: unknown): string {
  return plainText(JSON.stringify(value) ?? String(value), 60);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${preview(value)}`;
  if (typeof value === 'number') return `the number ${preview(value)}`;
  return preview(value);
}
