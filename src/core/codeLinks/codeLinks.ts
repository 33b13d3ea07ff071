/**
 * Links to code that follow the code when lines move, and say so when it is gone. Pure: runs in
 * Node and in webviews alike.
 *
 * A fingerprint is `v1:<hash>:<lines>:<lead>:<trail>:<sketch>`. It describes the selection without
 * its blank first and last lines (`lead` and `trail` of them were selected), with every line
 * trimmed and its runs of whitespace collapsed, so reindenting never breaks a link:
 * - `hash`: a 32-bit hash of all those lines, to recognise the same text anywhere in the file;
 * - `lines`: how many lines that is;
 * - `sketch`: two characters per line (evenly sampled beyond 64 lines, so a fingerprint never
 *   exceeds 200 characters): an 11-bit hash of the line, plus one bit saying whether it holds a
 *   letter or digit. Code that was edited slightly is found again when most of its sketch still
 *   matches, in order, near the same spacing; lines of braces alone never decide a match.
 */
import type { CodeLink } from '../model/model';

export type AnchorState = 'exact' | 'moved' | 'edited' | 'missing';

/** Where the linked code is now: 1-based inclusive lines; for 'missing', the stored lines. */
export interface Anchor {
  state: AnchorState;
  startLine: number;
  endLine: number;
}

interface Fingerprint {
  hash: number;
  length: number;
  lead: number;
  trail: number;
  sketch: number[];
  /** Which line of the range each sketch value was taken from. */
  offsets: number[];
}

const MAX_SAMPLES = 64;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const FINGERPRINT = /^v1:([\w-]{6}):(\d{1,9}):(\d{1,9}):(\d{1,9}):((?:[\w-]{2})*)$/;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** What a blank line hashes to; every other line hashes to an unsigned 32-bit number. */
const BLANK = -1;
const KEY_BITS = 0x7ff;
const INFORMATIVE = 0x800;
const BLANK_SKETCH = fold(BLANK);
/** Share of the sketch that must still match for edited code to count as found. */
const MAJORITY = 0.6;
const SHORT_RANGE = 8;
/** How many of the likeliest positions are scored in full when looking for edited code. */
const CANDIDATES = 8;
/** Lines found more often than this (braces, `return;`) say little about where code went, so they do not vote. */
const RARE = 16;
const WORD = /[\p{L}\p{N}]/u;

/** Splits text into lines at `\n`, `\r\n` and `\r`, as the editor does. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Whitespace beyond ASCII, completing the set `\s` matches in a regular expression. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** FNV-1a of the line trimmed, with each run of whitespace read as one space; one pass, no copies. */
function hashLine(line: string | undefined): number {
  if (line === undefined) return BLANK;
  let h = FNV_OFFSET;
  let started = false;
  let space = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWideSpace(c)) {
      space = started;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      space = false;
    }
    h = Math.imul(h ^ c, FNV_PRIME);
    started = true;
  }
  return started ? h >>> 0 : BLANK;
}

function fold(h: number): number {
  return (h ^ (h >>> 11) ^ (h >>> 22)) & KEY_BITS;
}

/** Continues an FNV-1a hash with the four bytes of a line's hash. */
function mix(h: number, value: number): number {
  for (let b = 0; b < 4; b++) {
    h = Math.imul(h ^ (value & 0xff), FNV_PRIME);
    value >>>= 8;
  }
  return h;
}

function sampleOffsets(length: number): number[] {
  const count = Math.min(length, MAX_SAMPLES);
  const offsets: number[] = [];
  for (let k = 0; k < count; k++) {
    offsets.push(count === length ? k : Math.round((k * (length - 1)) / (count - 1)));
  }
  return offsets;
}

function encodeHash(h: number): string {
  let out = '';
  for (let shift = 30; shift >= 0; shift -= 6) out += DIGITS[(h >>> shift) & 63];
  return out;
}

function parseFingerprint(fingerprint: unknown): Fingerprint | undefined {
  const match = typeof fingerprint === 'string' ? FINGERPRINT.exec(fingerprint) : null;
  if (!match) return undefined;
  let hash = 0;
  for (const ch of match[1]) hash = hash * 64 + DIGITS.indexOf(ch);
  const length = Number(match[2]);
  const sketch: number[] = [];
  for (let i = 0; i < match[5].length; i += 2) {
    sketch.push(DIGITS.indexOf(match[5][i]) * 64 + DIGITS.indexOf(match[5][i + 1]));
  }
  if (hash > 0xffffffff || length === 0 || sketch.length !== Math.min(length, MAX_SAMPLES)) return undefined;
  return { hash, length, lead: Number(match[3]), trail: Number(match[4]), sketch, offsets: sampleOffsets(length) };
}

function clampLine(line: number, last: number): number {
  return Number.isFinite(line) ? Math.min(Math.max(Math.trunc(line), 1), last) : 1;
}

/**
 * Whether a stored link path stays inside its workspace folder: relative, `/`-separated, without `.`
 * or `..` segments. Links arrive from teammates through git, so one must never open a file elsewhere.
 */
export function isFolderRelativePath(path: string): boolean {
  if (path === '' || path.includes('\\') || path.includes('\0') || /^[A-Za-z]:/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Builds the link for lines startLine..endLine (1-based, inclusive) of a file's lines. Lines out of
 * the file are clamped to it and a reversed range is turned round. A range of blank lines has no
 * text to follow, so its fingerprint is empty and only its line numbers count.
 */
export function createCodeLink(path: string, lines: readonly string[], startLine: number, endLine: number): CodeLink {
  const last = Math.max(lines.length, 1);
  const a = clampLine(startLine, last);
  const b = clampLine(endLine, last);
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  let first = start - 1;
  let stop = end;
  while (first < stop && hashLine(lines[first]) === BLANK) first++;
  while (stop > first && hashLine(lines[stop - 1]) === BLANK) stop--;
  const length = stop - first;
  if (length === 0) return { path, startLine: start, endLine: end, fingerprint: '' };
  let hash = FNV_OFFSET;
  for (let i = first; i < stop; i++) hash = mix(hash, hashLine(lines[i]));
  let sketch = '';
  for (const offset of sampleOffsets(length)) {
    const line = lines[first + offset];
    const value = fold(hashLine(line)) | (WORD.test(line) ? INFORMATIVE : 0);
    sketch += DIGITS[value >> 6] + DIGITS[value & 63];
  }
  const fingerprint = `v1:${encodeHash(hash >>> 0)}:${length}:${first - start + 1}:${end - stop}:${sketch}`;
  return { path, startLine: start, endLine: end, fingerprint };
}

/** One file's lines, hashed on demand: a file whose links are all in place hashes only their lines. */
class FileIndex {
  readonly count: number;
  private readonly hashes: Float64Array;
  /** Line numbers grouped by sketch key, ascending within a key; built when a link has to be searched for. */
  private positions: Int32Array | undefined;
  private starts: Int32Array | undefined;

  constructor(private readonly lines: readonly string[]) {
    this.count = lines.length;
    this.hashes = new Float64Array(lines.length).fill(Number.NaN);
  }

  hash(i: number): number {
    let h = this.hashes[i];
    if (Number.isNaN(h)) {
      h = hashLine(this.lines[i]);
      this.hashes[i] = h;
    }
    return h;
  }

  blank(i: number): boolean {
    return this.hash(i) === BLANK;
  }

  key(i: number): number {
    return fold(this.hash(i));
  }

  rangeHash(start: number, length: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < start + length; i++) h = mix(h, this.hash(i));
    return h >>> 0;
  }

  /** Ascending positions of the non-blank lines whose sketch key is `key`. */
  bucket(key: number): Int32Array {
    if (!this.positions || !this.starts) {
      const starts = new Int32Array(KEY_BITS + 2);
      for (let i = 0; i < this.count; i++) {
        if (!this.blank(i)) starts[this.key(i) + 1]++;
      }
      for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
      const positions = new Int32Array(starts[starts.length - 1]);
      const next = starts.slice(0, KEY_BITS + 1);
      for (let i = 0; i < this.count; i++) {
        if (!this.blank(i)) positions[next[this.key(i)]++] = i;
      }
      this.positions = positions;
      this.starts = starts;
    }
    return this.positions.subarray(this.starts[key], this.starts[key + 1]);
  }
}

/** Whether the fingerprinted text sits at 0-based line `at`: the sketch first, as it is cheap, then the hash. */
function textAt(fp: Fingerprint, index: FileIndex, at: number): boolean {
  if (at < 0 || at + fp.length > index.count) return false;
  for (let k = 0; k < fp.sketch.length; k++) {
    if (index.key(at + fp.offsets[k]) !== (fp.sketch[k] & KEY_BITS)) return false;
  }
  return index.rangeHash(at, fp.length) === fp.hash;
}

/** The copy of the text closest to `expected` (the earlier one on a tie). */
function nearestCopy(fp: Fingerprint, index: FileIndex, expected: number): number | undefined {
  let best: number | undefined;
  for (const at of index.bucket(fp.sketch[0] & KEY_BITS)) {
    if ((best === undefined || Math.abs(at - expected) < Math.abs(best - expected)) && textAt(fp, index, at)) best = at;
  }
  return best;
}

interface Hit {
  sample: number;
  line: number;
}

/**
 * The longest in-order run of sketch samples found near their places if the code began at `start`:
 * sample k may sit `tolerance` lines from `start + offsets[k]`, as lines come and go inside the code.
 */
function alignAt(fp: Fingerprint, index: FileIndex, samples: readonly number[], start: number, tolerance: number): Hit[] {
  const hits: Hit[] = [];
  for (const k of samples) {
    const bucket = index.bucket(fp.sketch[k] & KEY_BITS);
    const low = start + fp.offsets[k] - tolerance;
    let lo = 0;
    let hi = bucket.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bucket[mid] < low) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < bucket.length && bucket[end] <= low + 2 * tolerance) end++;
    // Descending within a sample, so the increasing run below takes at most one line per sample.
    for (let j = end - 1; j >= lo; j--) hits.push({ sample: k, line: bucket[j] });
  }
  const tails: number[] = [];
  const previous: number[] = new Array<number>(hits.length);
  for (let h = 0; h < hits.length; h++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[tails[mid]].line < hits[h].line) lo = mid + 1;
      else hi = mid;
    }
    previous[h] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = h;
  }
  const run: Hit[] = [];
  for (let h = tails.length > 0 ? tails[tails.length - 1] : -1; h >= 0; h = previous[h]) run.push(hits[h]);
  return run.reverse();
}

/**
 * Edited code: a clear majority of the sketch, and of its lines with words in them, matches in order
 * near the expected spacing. Returns the 0-based first and last lines, or undefined.
 */
/**
 * How many of `count` sampled lines must still match. A short range shares boilerplate with its
 * neighbours (a CI job's `runs-on` and checkout step), so all but one line must match there.
 */
function required(count: number): number {
  return count <= SHORT_RANGE ? Math.max(count - 1, Math.min(count, 1)) : Math.ceil(count * MAJORITY);
}

function editedCopy(fp: Fingerprint, index: FileIndex, expected: number): [number, number] | undefined {
  const samples = fp.sketch.flatMap((value, k) => (value === BLANK_SKETCH ? [] : [k]));
  const informative = samples.filter((k) => fp.sketch[k] & INFORMATIVE).length;
  const needed = Math.max(2, required(samples.length));
  const neededInformative = required(informative);
  if (informative === 0 || samples.length < needed) return undefined;
  const rare = samples.filter((k) => index.bucket(fp.sketch[k] & KEY_BITS).length <= RARE);
  const votes = new Map<number, number>();
  for (const k of rare.length > 0 ? rare : samples) {
    for (const line of index.bucket(fp.sketch[k] & KEY_BITS)) {
      const start = line - fp.offsets[k];
      votes.set(start, (votes.get(start) ?? 0) + 1);
    }
  }
  const likeliest = [...votes]
    .sort(([a, x], [b, y]) => y - x || Math.abs(a - expected) - Math.abs(b - expected) || a - b)
    .slice(0, CANDIDATES);
  const tolerance = Math.max(3, Math.ceil(fp.length / 5));
  let best: { run: Hit[]; start: number } | undefined;
  for (const [start] of likeliest) {
    const run = alignAt(fp, index, samples, start, tolerance);
    const words = run.filter((hit) => fp.sketch[hit.sample] & INFORMATIVE).length;
    if (run.length < needed || words < neededInformative) continue;
    if (!best || run.length > best.run.length || (run.length === best.run.length && Math.abs(start - expected) < Math.abs(best.start - expected))) {
      best = { run, start };
    }
  }
  if (!best) return undefined;
  const first = best.run[0];
  const last = best.run[best.run.length - 1];
  const from = Math.max(first.line - fp.offsets[first.sample], 0);
  const to = Math.min(last.line + fp.length - 1 - fp.offsets[last.sample], index.count - 1);
  return [from, to];
}

/** Takes back the blank lines that were selected around the code, where they are still blank. */
function widen(fp: Fingerprint, index: FileIndex, first: number, last: number): [number, number] {
  let from = first;
  let to = last;
  while (from > 0 && first - from < fp.lead && index.blank(from - 1)) from--;
  while (to < index.count - 1 && to - last < fp.trail && index.blank(to + 1)) to++;
  return [from + 1, to + 1];
}

function anchor(link: CodeLink, index: FileIndex): Anchor {
  const missing: Anchor = { state: 'missing', startLine: link.startLine, endLine: link.endLine };
  const fp = parseFingerprint(link.fingerprint);
  if (!fp) {
    // A fingerprint written by hand, or empty, says nothing about the text: the stored lines are all
    // there is, so they count as exact while the file still has them.
    const inFile = Number.isInteger(link.startLine) && link.startLine >= 1 && link.endLine >= link.startLine && link.endLine <= index.count;
    return inFile ? { ...missing, state: 'exact' } : missing;
  }
  const expected = Number.isFinite(link.startLine) ? Math.trunc(link.startLine) - 1 + fp.lead : 0;
  const at = textAt(fp, index, expected) ? expected : nearestCopy(fp, index, expected);
  if (at !== undefined) {
    const [startLine, endLine] = widen(fp, index, at, at + fp.length - 1);
    const exact = startLine === link.startLine && endLine === link.endLine;
    return { state: exact ? 'exact' : 'moved', startLine, endLine };
  }
  const edited = editedCopy(fp, index, expected);
  if (!edited) return missing;
  const [startLine, endLine] = widen(fp, index, edited[0], edited[1]);
  return { state: 'edited', startLine, endLine };
}

/** Re-anchors many links on one file's lines; builds its per-line index once, so 100 links on 5,000 lines stay cheap. Returns [] at once for no links. */
export function anchorLinks(links: readonly CodeLink[], lines: readonly string[]): Anchor[] {
  if (links.length === 0) return [];
  const index = new FileIndex(lines);
  return links.map((link) => anchor(link, index));
}

export function anchorLink(link: CodeLink, lines: readonly string[]): Anchor {
  return anchor(link, new FileIndex(lines));
}
