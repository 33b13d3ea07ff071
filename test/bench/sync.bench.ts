import { execFileSync } from 'node:child_process';
import type { BenchFigure } from './core.bench';
import { addEntry, createTeam, seedCode, syncMateOk, type Teammate } from '../git/teamRepos';

const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The two network commands a sync cannot avoid, run bare: one fetch of the backlog branch and one push
 * of a commit that changes one file, as a sync's does. The commit is made before the clock starts.
 */
function rawRoundTrip(mate: Teammate, run: number): number {
  const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: mate.dir, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  const tip = git(['rev-parse', 'refs/stupid-work/remotes/origin/stupid-work']);
  const blob = git(['hash-object', '-w', '--stdin'], `raw ${run}\n`);
  const tree = git(['mktree'], `${git(['ls-tree', tip])}\n100644 blob ${blob}\traw.txt\n`);
  const commit = git(['commit-tree', tree, '-p', tip, '-m', `raw ${run}`]);
  const started = performance.now();
  git(['fetch', '-q', '--no-tags', 'origin', '+refs/heads/stupid-work:refs/bench/raw']);
  git(['push', '-q', '--no-verify', 'origin', `${commit}:refs/heads/stupid-work`]);
  // The next sync's fetch brings this commit in, as it would a teammate's.
  return performance.now() - started;
}

/** A Sync round trip with one change to push (fetch, merge, commit, push, write) against one bare fetch and push, on a local bare remote. */
export async function runSyncBench(): Promise<BenchFigure[]> {
  const team = await createTeam(['bench']);
  try {
    const [mate] = team.clones;
    await seedCode(team);
    await addEntry(mate, 'Seed');
    await syncMateOk(mate);
    const ours: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const rawMs = rawRoundTrip(mate, i);
      await addEntry(mate, `Sync ${i}`);
      const started = performance.now();
      const outcome = await syncMateOk(mate);
      const oursMs = performance.now() - started;
      if (!outcome.pushed) throw new Error('the sync did not push');
      // The first round warms git's and Node's caches.
      if (i > 0) {
        raw.push(rawMs);
        ours.push(oursMs);
      }
    }
    const ms = median(ours);
    const baselineMs = median(raw);
    return [{ name: 'sync round trip (Sync vs one git fetch + one git push)', ms, baselineMs, ratio: ms / baselineMs }];
  } finally {
    await team.cleanup();
  }
}

if (/sync\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  void runSyncBench().then((figures) => {
    for (const f of figures) console.log(`${f.name}: ${f.ms.toFixed(1)} ms vs ${f.baselineMs.toFixed(1)} ms = ${f.ratio.toFixed(2)}×`);
  });
}
