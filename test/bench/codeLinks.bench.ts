import { anchorLinks, createCodeLink, splitLines, type AnchorState } from '../../src/core/codeLinks/codeLinks';
import type { CodeLink } from '../../src/core/model/model';
import type { BenchFigure } from './core.bench';

const BLOCKS = 625;
const BLOCK_LINES = 8;
const LINKS = 100;
const INSERTED = 200;
const WARM_UP = 3;
const RUNS = 15;
/** Opening a file takes well under a millisecond, so each timing covers this many opens. */
const REPEAT = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Alternates baseline and candidate so drift (GC, CPU frequency) hits both alike; times are per open. */
function compare(name: string, baseline: () => unknown, candidate: () => unknown): BenchFigure {
  const time = (run: () => unknown): number => {
    const t = performance.now();
    for (let i = 0; i < REPEAT; i++) run();
    return (performance.now() - t) / REPEAT;
  };
  for (let i = 0; i < WARM_UP; i++) {
    time(baseline);
    time(candidate);
  }
  const base: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(time(baseline));
    cand.push(time(candidate));
  }
  const ms = median(cand);
  const baselineMs = median(base);
  return { name, ms, baselineMs, ratio: ms / baselineMs };
}

/** A 5,000-line source file of small functions, with the braces and blank lines real code repeats. */
function sourceLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < BLOCKS; i++) {
    lines.push(
      `export function handler${i}(input: Request${i % 7}): Response {`,
      `  const value = input.field${i} ?? defaultValue(${i});`,
      '  if (!value) {',
      `    return fail('missing field ${i}');`,
      '  }',
      `  return ok(transform(value, ${i}));`,
      '}',
      '',
    );
  }
  return lines;
}

/** One link per sixth function, a third of them spanning three functions. */
function linkedLines(): Array<[number, number]> {
  const step = Math.floor(BLOCKS / LINKS);
  return Array.from({ length: LINKS }, (_, k) => {
    const start = k * step * BLOCK_LINES + 1;
    return [start, start + (k % 3 === 0 ? 3 * BLOCK_LINES - 2 : BLOCK_LINES - 2)];
  });
}

function check(links: readonly CodeLink[], text: string, state: AnchorState): void {
  const wrong = anchorLinks(links, splitLines(text)).filter((anchor) => anchor.state !== state);
  if (wrong.length > 0) throw new Error(`${wrong.length} of ${links.length} links are not ${state}: ${JSON.stringify(wrong[0])}`);
}

/** Opening a file, as the editor pays for it: its text split into lines, then its links re-anchored. */
function openFigure(name: string, text: string, links: readonly CodeLink[]): BenchFigure {
  return compare(name, () => splitLines(text), () => anchorLinks(links, splitLines(text)));
}

export function runCodeLinkBench(): BenchFigure[] {
  const lines = sourceLines();
  const text = `${lines.join('\n')}\n`;
  const links = linkedLines().map(([start, end]) => createCodeLink('src/handlers.ts', lines, start, end));
  const moved = `${Array.from({ length: INSERTED }, (_, i) => `import { helper${i} } from './helpers/${i}';`).join('\n')}\n${text}`;
  const editedLines = [...lines];
  for (const [start] of linkedLines()) editedLines[start] = `  const value = input.renamed${start} ?? fallback();`;
  const edited = `${editedLines.join('\n')}\n`;
  check(links, text, 'exact');
  check(links, moved, 'moved');
  check(links, edited, 'edited');
  return [
    openFigure('open a 5,000-line file with 100 code links (vs splitting its lines)', text, links),
    openFigure('open a 5,000-line file with no links (vs splitting its lines)', text, []),
    openFigure(`open a 5,000-line file whose 100 code links each had ${INSERTED} lines inserted above (vs splitting its lines)`, moved, links),
    openFigure('open a 5,000-line file whose 100 code links each had a line edited (vs splitting its lines)', edited, links),
  ];
}

if (/codeLinks\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  for (const f of runCodeLinkBench()) console.log(`${f.name}: ${f.ms.toFixed(3)} ms vs ${f.baselineMs.toFixed(3)} ms = ${f.ratio.toFixed(2)}×`);
}
