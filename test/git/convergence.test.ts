import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { findEntry, upsertEntry } from '../../src/core/model/entries';
import { addEntry, backlogPath, createTeam, editBacklog, readBacklog, seedCode, syncMate, type Teammate } from './teamRepos';

type Action =
  | { type: 'add'; who: number }
  | { type: 'vote'; who: number; pick: number }
  | { type: 'comment'; who: number; pick: number }
  | { type: 'retitle'; who: number; pick: number }
  | { type: 'sync'; who: number };

const who = fc.integer({ min: 0, max: 2 });
const pick = fc.nat();
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), who }),
  fc.record({ type: fc.constant('vote' as const), who, pick }),
  fc.record({ type: fc.constant('comment' as const), who, pick }),
  fc.record({ type: fc.constant('retitle' as const), who, pick }),
  fc.record({ type: fc.constant('sync' as const), who }),
);

async function sync(mate: Teammate): Promise<void> {
  const outcome = await syncMate(mate);
  assert.ok(outcome.ok, `${mate.name}: ${outcome.ok ? '' : english(outcome.message)}`);
}

describe('three clones converge whatever the order of operations and syncs', function () {
  const runs = Number(process.env.STUPID_WORK_GIT_SOAK_RUNS ?? 4);
  this.timeout(60000 + runs * 30000);

  it(`keeps every entry, vote and comment and ends with the same bytes everywhere (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 14 }), async (actions) => {
        const team = await createTeam(['ana', 'ben', 'cy']);
        try {
          const [ana] = team.clones;
          await seedCode(team);
          await addEntry(ana, 'Seed entry');
          for (const mate of team.clones) await sync(mate);
          const made = { entries: new Set<string>(), votes: new Set<string>(), comments: new Set<string>() };
          let clock = Date.parse('2026-11-22T09:00:00.000Z');
          for (const step of actions) {
            const mate = team.clones[step.who];
            clock += 60000;
            const now = new Date(clock);
            if (step.type === 'sync') {
              await sync(mate);
              continue;
            }
            if (step.type === 'add') {
              made.entries.add((await addEntry(mate, `${mate.name} ${clock}`, now)).id);
              continue;
            }
            const entries = (await readBacklog(mate)).entries;
            const target = entries[step.pick % entries.length];
            if (step.type === 'vote') {
              made.votes.add(`${target.id}:${mate.name}`);
              await editBacklog(mate, (b) => upsertEntry(b, { ...target, votes: [...new Set([...target.votes, mate.name])] }));
            } else if (step.type === 'comment') {
              const id = `01KQ${String(clock).padStart(22, '0')}`.slice(0, 26);
              made.comments.add(`${target.id}:${id}`);
              await editBacklog(mate, (b) => upsertEntry(b, { ...target, comments: [...target.comments, { id, created: now.toISOString(), text: `from ${mate.name}` }] }));
            } else {
              await editBacklog(mate, (b) => upsertEntry(b, { ...target, title: `${target.title} (${mate.name})`, updated: now.toISOString() }));
            }
          }
          for (let round = 0; round < 2; round++) {
            for (const mate of team.clones) {
              await sync(mate);
            }
          }
          const texts = await Promise.all(team.clones.map((mate) => readFile(backlogPath(mate), 'utf8')));
          assert.equal(texts[1], texts[0]);
          assert.equal(texts[2], texts[0]);
          const final = await readBacklog(ana);
          for (const id of made.entries) assert.ok(findEntry(final, id), `entry ${id}`);
          for (const key of made.votes) {
            const [id, voter] = key.split(':');
            assert.ok(findEntry(final, id)?.votes.includes(voter), `vote ${key}`);
          }
          for (const key of made.comments) {
            const [id, commentId] = key.split(':');
            assert.ok(findEntry(final, id)?.comments.some((c) => c.id === commentId), `comment ${key}`);
          }
        } finally {
          await team.cleanup();
        }
      }),
      { numRuns: runs },
    );
  });
});
