import type { BenchFigure } from './core.bench';
import { simulateLiveRetro } from '../git/liveRetroSim';

/** The default of `stupidWork.sync.liveSeconds`. */
const INTERVAL_MS = 5000;
const SIZES = [5, 10, 20];

/**
 * A live retro of 5, 10 and 20 participants on real clones of a local bare remote, each voting three
 * times at random within 30 s. The figure is the p95 time for a vote to reach every other participant,
 * against two intervals: a ratio above 1 means the retro no longer feels live at that size.
 */
export async function runLiveRetroBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const participants of SIZES) {
    const result = await simulateLiveRetro({ participants, intervalMs: INTERVAL_MS, votesEach: 3, votingMs: 30_000, seed: participants });
    const detail = `p50 ${(result.p50 / 1000).toFixed(1)} s, ${result.retries} push retries, ${result.stopped} stopped, ${result.lost} lost of ${result.votes}`;
    console.error(`live retro, ${participants} participants: p95 ${(result.p95 / 1000).toFixed(1)} s, ${detail}`);
    const baselineMs = 2 * INTERVAL_MS;
    figures.push({ name: `live retro, ${participants} participants: p95 vote to all (${detail}) vs 2 intervals`, ms: result.p95, baselineMs, ratio: result.p95 / baselineMs });
  }
  return figures;
}

if (/liveRetro\.bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  void runLiveRetroBench().then((figures) => {
    for (const f of figures) console.log(`${f.name}: ${f.ms.toFixed(0)} ms vs ${f.baselineMs.toFixed(0)} ms = ${f.ratio.toFixed(2)}×`);
  });
}
