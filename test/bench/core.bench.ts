import { mergeBacklogTexts } from '../../src/core/merge/merge';
import type { Backlog } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { generateBacklog } from '../unit/fixtures';
import { english } from '../../src/core/text/english';

export interface BenchFigure {
  name: string;
  /** Milliseconds, or the amount in `unit` when it has one (a size in KB, say). */
  ms: number;
  baselineMs: number;
  ratio: number;
  unit?: string;
  target?: number;
}

const ENTRIES = 10_000;
const WARM_UP = 3;
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternates baseline and candidate so drift (GC, CPU frequency) hits both alike. */
function compare(name: string, baseline: () => unknown, candidate: () => unknown, target?: number): BenchFigure {
  for (let i = 0; i < WARM_UP; i++) {
    baseline();
    candidate();
  }
  const base: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    baseline();
    base.push(performance.now() - t);
    t = performance.now();
    candidate();
    cand.push(performance.now() - t);
  }
  const ms = median(cand);
  const baselineMs = median(base);
  const figure: BenchFigure = { name, ms, baselineMs, ratio: ms / baselineMs };
  if (target !== undefined) figure.target = target;
  return figure;
}

/** A teammate's copy: `edits` entries retitled and voted on, starting at `offset`. */
function teammateCopy(base: Backlog, offset: number, edits: number, who: string): string {
  const entries = base.entries.map((entry, i) =>
    i >= offset && i < offset + edits
      ? { ...entry, title: `${entry.title} (${who})`, votes: [...entry.votes, who], updated: '2026-11-22T10:00:00.000Z' }
      : entry,
  );
  return serializeBacklog({ ...base, entries });
}

function measure(): { bytes: number; figures: BenchFigure[] } {
  const text = serializeBacklog(generateBacklog(ENTRIES, 42));
  const loaded = parseBacklog(text);
  if (!loaded.ok) throw new Error(`Generated backlog does not load: ${english(loaded.problem.message)}`);
  const backlog = loaded.backlog;
  return {
    bytes: new TextEncoder().encode(text).length,
    figures: [
      compare('load (parseBacklog vs JSON.parse)', () => JSON.parse(text), () => parseBacklog(text), 1.5),
      compare('save (serializeBacklog vs JSON.stringify)', () => JSON.stringify(backlog, null, 2), () => serializeBacklog(backlog), 3),
      mergeFigure(text, backlog),
    ],
  };
}

/** Three-way merge of three 10,000-entry files whose edits overlap, against JSON.parse of the three texts. */
function mergeFigure(text: string, backlog: Backlog): BenchFigure {
  const ours = teammateCopy(backlog, 0, 300, 'ana');
  const theirs = teammateCopy(backlog, 150, 300, 'ben');
  return compare(
    'merge 3 files (mergeBacklogTexts vs 3× JSON.parse)',
    (): unknown[] => [text, ours, theirs].map((t): unknown => JSON.parse(t)),
    () => mergeBacklogTexts(text, ours, theirs),
  );
}

export function runCoreBench(): Promise<BenchFigure[]> {
  return Promise.resolve(measure().figures);
}

function main(): void {
  const { bytes, figures } = measure();
  console.log(`${ENTRIES} entries, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
  for (const f of figures) {
    const met = f.target === undefined || f.ratio <= f.target;
    const verdict = f.target === undefined ? '' : ` (target ≤ ${f.target}×: ${met ? 'met' : 'MISSED'})`;
    console.log(`${f.name}: ${f.ms.toFixed(1)} ms vs ${f.baselineMs.toFixed(1)} ms = ${f.ratio.toFixed(2)}×${verdict}`);
    if (!met) process.exitCode = 1;
  }
}

// Run only when executed directly, so the bench runner can import `runCoreBench`.
if (/core\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) main();
