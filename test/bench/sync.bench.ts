import { execFileSync } from 'node:child_process';
import { syncBacklog } from '../../src/adapters/gitSync';
import type { BenchFigure } from './core.bench';
import { addEntry, backlogPath, createTeam, seedTeam, type Teammate } from '../git/teamRepos';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The commands a sync issues when it has one change to push and nothing to pull, run bare. */
function rawRoundTrip(mate: Teammate): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: mate.dir, stdio: 'pipe' });
  git('add', '--', 'stupid-work.json');
  git('commit', '--only', '--no-verify', '-q', '-m', 'raw', '--', 'stupid-work.json');
  git('fetch', '-q', 'origin');
  git('rev-list', '--count', 'HEAD..@{u}');
  git('rev-list', '--count', '@{u}..HEAD');
  git('push', '-q', '--no-verify', 'origin', 'HEAD:main');
}

/** A Sync round trip (checks, commit, fetch, push) against the raw git commands it needs, on a local bare remote. */
export async function runSyncBench(): Promise<BenchFigure[]> {
  const team = await createTeam(['bench']);
  try {
    const [mate] = team.clones;
    await seedTeam(team);
    const ours: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await addEntry(mate, `Raw ${i}`);
      let t = performance.now();
      rawRoundTrip(mate);
      const rawMs = performance.now() - t;
      await addEntry(mate, `Sync ${i}`);
      t = performance.now();
      const outcome = await syncBacklog({ file: backlogPath(mate) });
      const oursMs = performance.now() - t;
      if (!outcome.ok || !outcome.pushed) throw new Error(`sync did not push: ${JSON.stringify(outcome)}`);
      if (i > 0) {
        raw.push(rawMs);
        ours.push(oursMs);
      }
    }
    const ms = median(ours);
    const baselineMs = median(raw);
    return [{ name: 'sync round trip (Sync vs its raw git commands)', ms, baselineMs, ratio: ms / baselineMs }];
  } finally {
    await team.cleanup();
  }
}

if (/sync\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  void runSyncBench().then((figures) => {
    for (const f of figures) console.log(`${f.name}: ${f.ms.toFixed(1)} ms vs ${f.baselineMs.toFixed(1)} ms = ${f.ratio.toFixed(2)}×`);
  });
}
