// The command line on a 10,000-entry backlog, each command run as a person runs it (a fresh Node
// process on dist/cli.js), against a Node process that only reads and parses the same file:
// `node -e 'JSON.parse(...)'`. The ratio is what the command costs over reading the file at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serializeBacklog } from '../../src/core/file/serialize';
import { generateBacklog } from '../unit/fixtures';
import type { BenchFigure } from './core.bench';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const ENTRIES = 10_000;
const RUNS = 5;
/** What each command may cost over parsing the file, in the same run. */
const TARGETS: Record<string, number> = { check: 4, list: 4, report: 8 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timed(args: string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${run.status ?? run.signal}): ${run.stderr}`);
  return ms;
}

/** `check`, `report`, and `list` where this build has it, each against the baseline, runs interleaved so load swings hit both. */
export function runCliBench(): BenchFigure[] {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is not built: run npm run build first');
  const folder = mkdtempSync(join(tmpdir(), 'sw-cli-bench-'));
  try {
    const file = join(folder, 'stupid-work.json');
    writeFileSync(file, serializeBacklog(generateBacklog(ENTRIES, 7)));
    const baseline = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
    const commands: [string, string[]][] = [
      ['check', ['check']],
      ['report', ['report', '--out', join(folder, 'site')]],
    ];
    const help = spawnSync(process.execPath, [CLI, '--help'], { cwd: folder, encoding: 'utf8' }).stdout;
    const hasList = /^\s+list\b/m.test(help);
    if (hasList) commands.push(['list', ['list']]);
    else process.stderr.write('cli: this build has no list command; timing check and report only\n');
    const figures: BenchFigure[] = [];
    for (const [name, args] of commands) {
      const base: number[] = [];
      const cand: number[] = [];
      timed(baseline, folder);
      timed([CLI, '--folder', folder, ...args], folder);
      for (let i = 0; i < RUNS; i++) {
        base.push(timed(baseline, folder));
        cand.push(timed([CLI, '--folder', folder, ...args], folder));
      }
      const ms = median(cand);
      const baselineMs = median(base);
      figures.push({ name: `stupid-work ${name}, ${ENTRIES} entries (vs node -e JSON.parse)`, ms, baselineMs, ratio: ms / baselineMs, target: TARGETS[name] });
    }
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
