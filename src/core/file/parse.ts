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
import type { ExpectedType, Found, ParseMessage, PatternForm, SchemaDetail, SyntaxWords } from '../text/messages';

export type ProblemCode = 'empty' | 'too-large' | 'conflict' | 'syntax' | 'duplicate-key' | 'schema' | 'newer-version' | 'duplicate-id';

/** Why a file cannot be loaded. `line` and `column` are 1-based; `message` is for people, rendered by the UI. */
export interface BacklogProblem {
  code: ProblemCode;
  message: ParseMessage;
  line: number;
  column: number;
  /** Where in the data, for example `entries[3].kind`. */
  path?: string;
}

export type ParseResult = { ok: true; backlog: Backlog; migratedFrom?: number } | { ok: false; problem: BacklogProblem };

type Raw = Record<string, unknown>;
type Segment = string | number;

function problem(code: ProblemCode, message: ParseMessage, line = 1, column = 1, path?: string): ParseResult {
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
    return problem('too-large', { code: 'parse.tooLarge', mebibytes: MAX_FILE_BYTES / 1024 / 1024 });
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
    const { line, column } = repeated.repeated;
    return problem(
      'duplicate-key',
      { code: 'parse.duplicateKey', where: path, key: plainText(repeated.key, 60), line: repeated.first.line, column: repeated.first.column },
      line,
      column,
      displayPath([...repeated.path, repeated.key]),
    );
  }
  if (!isRecord(raw)) {
    const at = lineColumn(body, firstNonBlank(body));
    return problem('schema', { code: 'parse.notObject', found: describe(raw) }, at.line, at.column);
  }
  if (typeof raw.version === 'number' && raw.version > SCHEMA_VERSION) {
    const at = locate(body, ['version']);
    return problem(
      'newer-version',
      { code: 'parse.newerVersion', version: raw.version, supported: SCHEMA_VERSION },
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
      { code: 'parse.duplicateId', first, second, id: backlog.entries[second].id },
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
    return problem('empty', { code: 'parse.empty' });
  }
  const conflictAt = firstConflictMarker(body);
  if (conflictAt >= 0) {
    const { line } = lineColumn(body, conflictAt);
    return problem('conflict', { code: 'parse.conflict', line }, line, 1);
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

const SYNTAX_NAMES = new Set<string>([
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
]);

function syntaxProblem(text: string, thrown: unknown): ParseResult {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return problem('syntax', { code: 'parse.notJson', detail });
  }
  const name = printParseErrorCode(first.error);
  let words: SyntaxWords = SYNTAX_NAMES.has(name) ? (name as SyntaxWords) : { other: name };
  if ((name === 'ValueExpected' || name === 'PropertyNameExpected') && precededByComma(text, first.offset)) {
    words = 'TrailingComma';
  }
  const { line, column } = lineColumn(text, first.offset);
  return problem('syntax', { code: 'parse.syntax', line, column, words }, line, column);
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
  if (!error) return problem('schema', { code: 'parse.noSchemaError' });
  const { segments, value } = resolvePointer(data, error.instancePath);
  const path = displayPath(segments);
  const target = error.keyword === 'uniqueItems' ? [...segments, Math.max(Number(error.params.i), Number(error.params.j))] : segments;
  const at = locate(text, target, migrated);
  const fullPath = error.keyword === 'required' && typeof error.params.missingProperty === 'string'
    ? displayPath([...segments, error.params.missingProperty])
    : path;
  return problem('schema', { code: 'parse.schema', where: path, detail: explain(error, value, migrated) }, at.line, at.column, fullPath === '' ? undefined : fullPath);
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

const PATTERN_FORMS = new Map<string, PatternForm>([
  [schema.definitions.id.pattern, 'id'],
  [schema.definitions.timestamp.pattern, 'timestamp'],
  [schema.definitions.date.pattern, 'date'],
]);

const TYPES = new Set<string>(['string', 'integer', 'number', 'object', 'array', 'boolean', 'null']);

function explain(error: ErrorObject, value: unknown, migrated: boolean): SchemaDetail {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      // A hand-written (version 0) file may use any time form that reads alike everywhere.
      if (migrated && p.missingProperty === 'created') return { code: 'schema.requiredCreated' };
      return { code: 'schema.required', field: String(p.missingProperty) };
    case 'type': {
      const type = String(p.type);
      return { code: 'schema.type', expected: TYPES.has(type) ? (type as ExpectedType) : { other: type }, found: describe(value) };
    }
    case 'enum':
      return { code: 'schema.enum', preview: preview(value), allowed: (p.allowedValues as unknown[]).map(String).join(', ') };
    case 'pattern':
      if (migrated && p.pattern === schema.definitions.timestamp.pattern) return { code: 'schema.pattern', preview: preview(value), form: 'handWrittenTime' };
      return { code: 'schema.pattern', preview: preview(value), form: PATTERN_FORMS.get(String(p.pattern)) ?? { pattern: String(p.pattern) } };
    case 'minLength':
      return p.limit === 1 ? { code: 'schema.empty' } : { code: 'schema.tooShort', limit: String(p.limit) };
    case 'maxLength':
      return { code: 'schema.tooLong', length: typeof value === 'string' ? String(value.length) : '?', limit: String(p.limit) };
    case 'minimum':
      return { code: 'schema.belowMinimum', preview: preview(value), limit: String(p.limit) };
    case 'maximum':
      return { code: 'schema.aboveMaximum', preview: preview(value), limit: String(p.limit) };
    case 'uniqueItems': {
      const [a, b] = [Number(p.i), Number(p.j)].sort((x, y) => x - y);
      const item: unknown = Array.isArray(value) ? value[b] : undefined;
      return { code: 'schema.repeatedItem', first: a, second: b, preview: preview(item) };
    }
    default:
      return error.message === undefined ? { code: 'schema.other' } : { code: 'schema.other', validator: error.message };
  }
}

/** Up to 60 characters of a value from the file, made plain: every surface that shows a problem quotes it. */
function preview(value: unknown): string {
  return plainText(JSON.stringify(value) ?? String(value), 60);
}

function describe(value: unknown): Found {
  if (Array.isArray(value)) return { code: 'found.list' };
  if (value === null) return { code: 'found.null' };
  if (typeof value === 'object') return { code: 'found.object' };
  if (typeof value === 'string') return { code: 'found.text', preview: preview(value) };
  if (typeof value === 'number') return { code: 'found.number', preview: preview(value) };
  return { code: 'found.other', preview: preview(value) };
}
