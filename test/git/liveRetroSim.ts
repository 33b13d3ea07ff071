// A live retro simulated on real clones of a local bare remote: each participant votes at random
// moments and pushes each vote at once, and fetches every interval, as the extension's live rhythm does.
// Shared by the git layer (a small run) and `npm run bench` (5, 10 and 20 participants).
import { setTimeout as sleep } from 'node:timers/promises';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft } from '../../src/core/model/model';
import { startRetro } from '../../src/core/retro/retro';
import { english } from '../../src/core/text/english';
import { namedToggle, rng } from '../unit/fixtures';
import { createTeam, editBacklog, readBacklog, seedCode, syncMate, syncMateOk, type Teammate } from './teamRepos';

export interface LiveRetroOptions {
  participants: number;
  /** The live rhythm: each participant fetches this often (ms). */
  intervalMs: number;
  votesEach: number;
  /** Votes are cast at random moments within this window (ms). */
  votingMs: number;
  /** Seeds the random choices, so a run can be repeated. */
  seed?: number;
}

export interface LiveRetroResult {
  participants: number;
  votes: number;
  /** Per vote, ms from its write to the moment the last other participant had it in its working copy. */
  propagationMs: number[];
  p50: number;
  p95: number;
  /** Pushes that lost a race and were merged and retried. */
  retries: number;
  /** Syncs that stopped (they are tried again at the next interval). */
  stopped: number;
  /** Votes that never reached everyone before the run gave up. */
  lost: number;
}

const ENTRIES = 8;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs one live retro and measures how long each vote takes to reach every other participant. */
export async function simulateLiveRetro(options: LiveRetroOptions): Promise<LiveRetroResult> {
  const rand = rng(options.seed ?? 1);
  const names = Array.from({ length: options.participants }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const team = await createTeam(names);
  try {
    await seedCode(team);
    const [lead, ...others] = team.clones;
    const entryIds: string[] = [];
    await editBacklog(lead, (backlog) => {
      let next = backlog;
      for (let i = 0; i < ENTRIES; i++) {
        const entry = createEntry({ ...emptyDraft(), title: `Entry ${i}` }, { name: lead.name }, new Date());
        entryIds.push(entry.id);
        next = upsertEntry(next, entry);
      }
      const started = startRetro(next, lead.name, { now: () => new Date(), utcOffsetMinutes: () => 0 });
      if (!started.ok) throw new Error(english(started.message));
      return started.backlog;
    });
    await syncMateOk(lead);
    for (const mate of others) await syncMateOk(mate);

    const cast = new Map<string, { by: string; at: number }>();
    const seen = new Map<string, Map<string, number>>();
    let retries = 0;
    let stopped = 0;
    const start = performance.now();
    const deadline = start + options.votingMs + options.intervalMs * 20;

    const sync = async (mate: Teammate) => {
      const outcome = await syncMate(mate);
      if (outcome.ok) retries += outcome.attempts - 1;
      else stopped++;
      const now = performance.now();
      const backlog = await readBacklog(mate);
      for (const [key, vote] of cast) {
        if (vote.by === mate.name || seen.get(key)?.has(mate.name)) continue;
        const [entryId, voter] = key.split(' ');
        if (backlog.entries.find((e) => e.id === entryId)?.votes.includes(voter)) seen.get(key)?.set(mate.name, now);
      }
    };

    const everyoneHasAll = () => cast.size === names.length * options.votesEach && [...cast.entries()].every(([key]) => (seen.get(key)?.size ?? 0) === names.length - 1);

    const participant = async (mate: Teammate) => {
      const voteTimes = Array.from({ length: options.votesEach }, () => start + rand() * options.votingMs).sort((a, b) => a - b);
      const mine = [...entryIds].sort(() => rand() - 0.5).slice(0, options.votesEach);
      // Each window's rhythm starts at its own moment.
      let nextCheck = start + rand() * options.intervalMs;
      while (performance.now() < deadline && !(voteTimes.length === 0 && everyoneHasAll())) {
        const voteAt = voteTimes[0] ?? Number.POSITIVE_INFINITY;
        const at = Math.min(voteAt, nextCheck);
        await sleep(Math.max(0, at - performance.now()));
        if (at === voteAt) {
          voteTimes.shift();
          const entryId = mine.shift() as string;
          await editBacklog(mate, (backlog) => {
            const change = namedToggle(backlog, entryId, mate.name, undefined, new Date());
            if (!change.ok) throw new Error(english(change.message));
            return change.backlog;
          });
          const key = `${entryId} ${mate.name}`;
          cast.set(key, { by: mate.name, at: performance.now() });
          seen.set(key, new Map());
        } else {
          nextCheck += options.intervalMs;
        }
        await sync(mate);
      }
    };

    await Promise.all(team.clones.map((mate) => participant(mate)));

    const propagationMs: number[] = [];
    let lost = 0;
    for (const [key, vote] of cast) {
      const times = seen.get(key) as Map<string, number>;
      if (times.size < names.length - 1) lost++;
      else propagationMs.push(Math.max(...times.values()) - vote.at);
    }
    return { participants: names.length, votes: cast.size, propagationMs, p50: percentile(propagationMs, 50), p95: percentile(propagationMs, 95), retries, stopped, lost };
  } finally {
    await team.cleanup();
  }
}
