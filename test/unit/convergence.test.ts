import assert from 'node:assert/strict';
import fc from 'fast-check';
import { archiveEntry, draftFromEntry, findEntry, updateEntry, upsertEntry } from '../../src/core/model/entries';
import { isCoarse, timeFor } from '../../src/core/model/anonymity';
import { mergeBacklogs } from '../../src/core/merge/merge';
import { emptyBacklog, type Backlog } from '../../src/core/model/model';
import { serializeBacklog } from '../../src/core/file/serialize';
import { makeEntry } from './fixtures';

/**
 * Three clones and a remote, modelled the way git shares the file: each clone remembers the remote
 * version it last synced (the merge base), and a sync is merge(base, local, remote) followed by a push.
 * test/git/convergence.test.ts checks the same property against real git, with fewer runs.
 */
interface Clone {
  base: Backlog;
  local: Backlog;
}

type Action =
  | { type: 'add'; who: number }
  | { type: 'vote'; who: number; pick: number }
  | { type: 'unvote'; who: number; pick: number }
  | { type: 'comment'; who: number; pick: number }
  | { type: 'retitle'; who: number; pick: number }
  | { type: 'hide'; who: number; pick: number }
  | { type: 'archive'; who: number; pick: number }
  | { type: 'sync'; who: number };

const who = fc.integer({ min: 0, max: 2 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), who }),
  fc.record({ type: fc.constantFrom('vote' as const, 'unvote' as const, 'comment' as const, 'retitle' as const, 'hide' as const, 'archive' as const), who, pick: fc.nat() }),
  fc.record({ type: fc.constant('sync' as const), who }),
);

const NAMES = ['ana', 'ben', 'cy'];

function id(n: number): string {
  return `01KQ${String(n).padStart(22, '0')}`;
}

describe('three clones converge through the merge, whatever the order of edits and syncs', function () {
  this.timeout(600000);
  const runs = Number(process.env.STUPID_WORK_SOAK_RUNS ?? 300);

  it(`ends with the same bytes everywhere and loses no entry, vote or comment (${runs} runs)`, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), (actions) => {
        let remote = emptyBacklog();
        const clones: Clone[] = NAMES.map(() => ({ base: remote, local: remote }));
        const made = { entries: new Set<string>(), votes: new Set<string>(), comments: new Set<string>() };
        const removedVotes = new Set<string>();
        let clock = Date.parse('2026-11-22T09:00:00.000Z');
        let counter = 0;
        const sync = (clone: Clone) => {
          remote = mergeBacklogs(clone.base, clone.local, remote).backlog;
          clone.base = remote;
          clone.local = remote;
        };
        for (const step of actions) {
          const clone = clones[step.who];
          const name = NAMES[step.who];
          clock += 60000;
          const at = new Date(clock).toISOString();
          if (step.type === 'sync') {
            sync(clone);
            continue;
          }
          if (step.type === 'add') {
            const entry = makeEntry({ id: id(++counter), title: `${name} ${counter}`, created: at, updated: at, votes: [], comments: [] });
            made.entries.add(entry.id);
            clone.local = upsertEntry(clone.local, entry);
            continue;
          }
          const entries = clone.local.entries;
          if (entries.length === 0) continue;
          const target = entries[step.pick % entries.length];
          const key = `${target.id}:${name}`;
          if (step.type === 'vote') {
            made.votes.add(key);
            removedVotes.delete(key);
            clone.local = upsertEntry(clone.local, { ...target, votes: [...new Set([...target.votes, name])] });
          } else if (step.type === 'unvote') {
            if (target.votes.includes(name)) removedVotes.add(key);
            clone.local = upsertEntry(clone.local, { ...target, votes: target.votes.filter((v) => v !== name) });
          } else if (step.type === 'comment') {
            const commentId = id(1000 + ++counter);
            made.comments.add(`${target.id}:${commentId}`);
            clone.local = upsertEntry(clone.local, { ...target, comments: [...target.comments, { id: commentId, created: at, text: name }] });
          } else if (step.type === 'retitle') {
            clone.local = upsertEntry(clone.local, { ...target, title: `${target.title}+${name}`, updated: timeFor(target, new Date(clock)) });
          } else if (step.type === 'hide') {
            // Edits a minute apart on one day: every anonymous stamp of the day ties.
            clone.local = upsertEntry(clone.local, updateEntry(target, { ...draftFromEntry(target), title: `${target.title}~${name}`, anonymous: true }, new Date(clock)));
          } else {
            clone.local = upsertEntry(clone.local, archiveEntry(target, new Date(clock)));
          }
        }
        for (let round = 0; round < 2; round++) {
          clones.forEach(sync);
        }
        const bytes = clones.map((clone) => serializeBacklog(clone.local));
        assert.equal(bytes[1], bytes[0]);
        assert.equal(bytes[2], bytes[0]);
        const final = clones[0].local;
        for (const entryId of made.entries) assert.ok(findEntry(final, entryId), `entry ${entryId}`);
        for (const e of final.entries) {
          if (e.author === undefined) assert.ok([e.created, e.updated, ...(e.history ?? []).flatMap((h) => [h.updated, h.replacedBy])].every(isCoarse), `${e.id} anonymous and coarse`);
        }
        for (const key of made.votes) {
          if (removedVotes.has(key)) continue;
          const [entryId, voter] = key.split(':');
          assert.ok(findEntry(final, entryId)?.votes.includes(voter), `vote ${key}`);
        }
        for (const key of made.comments) {
          const [entryId, commentId] = key.split(':');
          assert.ok(findEntry(final, entryId)?.comments.some((c) => c.id === commentId), `comment ${key}`);
        }
      }),
      { numRuns: runs },
    );
  });
});
