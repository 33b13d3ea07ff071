import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeBacklogs, mergeBacklogTexts, resolveConflictMarkers } from '../../src/core/merge';
import type { Backlog, Entry } from '../../src/core/model';
import { serializeBacklog } from '../../src/core/serialize';
import { makeEntry } from './fixtures';

const T0 = '2026-11-01T09:00:00.000Z';
const T1 = '2026-11-02T09:00:00.000Z';
const T2 = '2026-11-03T09:00:00.000Z';
const ID_A = '01JH0000000000000000000000';
const ID_B = '01JH0000000000000000000001';
const ID_C = '01JH0000000000000000000002';

function backlog(...entries: Entry[]): Backlog {
  return { version: 1, entries, retros: [] };
}

function merged(base: Backlog | undefined, ours: Backlog, theirs: Backlog): Backlog {
  const forward = mergeBacklogs(base, ours, theirs).backlog;
  const backward = mergeBacklogs(base, theirs, ours).backlog;
  assert.equal(serializeBacklog(forward), serializeBacklog(backward), 'the merge does not depend on which side is ours');
  return forward;
}

function only(b: Backlog): Entry {
  assert.equal(b.entries.length, 1);
  return b.entries[0];
}

describe('mergeBacklogs', () => {
  const base = backlog(makeEntry({ id: ID_A, updated: T0 }));

  it('keeps entries added on both sides', () => {
    const ours = backlog(...base.entries, makeEntry({ id: ID_B, title: 'Ours' }));
    const theirs = backlog(...base.entries, makeEntry({ id: ID_C, title: 'Theirs' }));
    assert.deepEqual(merged(base, ours, theirs).entries.map((e) => e.id), [ID_A, ID_B, ID_C]);
  });

  it('combines edits of different fields', () => {
    const ours = backlog({ ...base.entries[0], title: 'Renamed', updated: T1 });
    const theirs = backlog({ ...base.entries[0], triage: 'now', updated: T2 });
    const entry = only(merged(base, ours, theirs));
    assert.equal(entry.title, 'Renamed');
    assert.equal(entry.triage, 'now');
    assert.equal(entry.updated, T2);
    assert.equal(entry.history, undefined, 'no conflict, no history');
  });

  it('lets the later edit of the same field win and keeps the other in history', () => {
    const ours = backlog({ ...base.entries[0], title: 'Earlier edit', updated: T1 });
    const theirs = backlog({ ...base.entries[0], title: 'Later edit', updated: T2 });
    const result = mergeBacklogs(base, ours, theirs);
    const entry = only(result.backlog);
    assert.equal(entry.title, 'Later edit');
    assert.deepEqual(entry.history, [{ field: 'title', value: 'Earlier edit', updated: T1, replacedBy: T2 }]);
    assert.deepEqual(result.conflicts, [{ entryId: ID_A, field: 'title', kept: 'Later edit', replaced: 'Earlier edit' }]);
  });

  it('merges S.M.A.R.T. answers one by one', () => {
    const entry = base.entries[0];
    const ours = backlog({ ...entry, smart: { ...entry.smart, speakUp: 'Ours' }, updated: T1 });
    const theirs = backlog({ ...entry, smart: { ...entry.smart, tryAnother: 'Theirs' }, updated: T2 });
    const smart = only(merged(base, ours, theirs)).smart;
    assert.equal(smart.speakUp, 'Ours');
    assert.equal(smart.tryAnother, 'Theirs');
  });

  it('merges votes as sets, keeping additions and honouring a one-sided removal', () => {
    const withVotes = backlog({ ...base.entries[0], votes: ['ana', 'ben'] });
    const ours = backlog({ ...withVotes.entries[0], votes: ['ana', 'ben', 'cy'] });
    const theirs = backlog({ ...withVotes.entries[0], votes: ['ana', 'dee'] });
    assert.deepEqual(only(merged(withVotes, ours, theirs)).votes, ['ana', 'cy', 'dee']);
  });

  it('keeps every comment from both sides', () => {
    const comment = (id: string, text: string) => ({ id, created: T1, text });
    const ours = backlog({ ...base.entries[0], comments: [comment(ID_B, 'Me too')] });
    const theirs = backlog({ ...base.entries[0], comments: [comment(ID_C, 'Same in my team')] });
    assert.deepEqual(only(merged(base, ours, theirs)).comments.map((c) => c.text).sort(), ['Me too', 'Same in my team']);
  });

  it('keeps an entry deleted on one side and edited on the other', () => {
    const theirs = backlog({ ...base.entries[0], title: 'Edited meanwhile', updated: T1 });
    assert.equal(only(merged(base, backlog(), theirs)).title, 'Edited meanwhile');
    assert.equal(merged(base, backlog(), base).entries.length, 0, 'deleted and untouched: gone');
  });

  it('keeps an edit made while a teammate archived the entry, and records the archive', () => {
    const ours = backlog({ ...base.entries[0], status: 'archived', updated: T2 });
    const theirs = backlog({ ...base.entries[0], title: 'Still relevant', updated: T1 });
    const result = merged(base, ours, theirs);
    const entry = only(result);
    assert.equal(entry.status, 'open');
    assert.equal(entry.title, 'Still relevant');
    assert.deepEqual(entry.history, [{ field: 'status', value: 'archived', updated: T2, replacedBy: T1 }]);
    assert.equal(serializeBacklog(merged(base, result, ours)), serializeBacklog(result), 'the archive does not come back');
  });

  it('keeps fields and top-level keys this version does not know', () => {
    const ours = { ...backlog({ ...base.entries[0], x_ours: 1 }), x_top: 'ours' } as Backlog;
    const theirs = backlog({ ...base.entries[0], x_theirs: 2 });
    const result = merged(base, ours, theirs);
    assert.equal(result.x_top, 'ours');
    assert.equal(only(result).x_ours, 1);
    assert.equal(only(result).x_theirs, 2);
  });

  it('merges retros by id with their discussed entries as sets', () => {
    const retro = { id: ID_C, started: T0, facilitator: 'ana', discussed: [ID_A], decided: [] };
    const withRetro = { ...base, retros: [retro] };
    const ours = { ...base, retros: [{ ...retro, discussed: [ID_A, ID_B] }] };
    const theirs = { ...base, retros: [{ ...retro, finished: T2 }] };
    const result = merged(withRetro, ours, theirs).retros[0];
    assert.deepEqual(result.discussed, [ID_A, ID_B]);
    assert.equal(result.finished, T2);
  });
});

describe('mergeBacklogTexts', () => {
  it('names the side that cannot be read', () => {
    const good = serializeBacklog(backlog(makeEntry()));
    const result = mergeBacklogTexts(good, good, '{ "version": 1, "entries": [');
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.side, 'theirs');
    assert.match(result.message, /^theirs: line 1/);
  });

  it('merges without a base when both sides added the file', () => {
    const ours = serializeBacklog(backlog(makeEntry({ id: ID_A })));
    const theirs = serializeBacklog(backlog(makeEntry({ id: ID_B })));
    const result = mergeBacklogTexts(undefined, ours, theirs);
    assert.ok(result.ok);
    assert.equal((JSON.parse(result.text) as Backlog).entries.length, 2);
  });
});

describe('merge properties', function () {
  this.timeout(120000);
  const runs = Number(process.env.STUPID_WORK_SOAK_RUNS ?? 200);
  const ids = [ID_A, ID_B, ID_C, '01JH0000000000000000000003', '01JH0000000000000000000004'];
  const people = ['ana', 'ben', 'cy', 'dee'];
  const times = [T0, T1, T2];

  type Op =
    | { type: 'add'; id: string; title: string; at: string }
    | { type: 'edit'; id: string; title: string; at: string }
    | { type: 'vote'; id: string; who: string }
    | { type: 'unvote'; id: string; who: string }
    | { type: 'comment'; id: string; commentId: string; text: string }
    | { type: 'archive'; id: string; at: string }
    | { type: 'delete'; id: string };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constant('add' as const), id: fc.constantFrom(...ids), title: fc.string({ minLength: 1, maxLength: 8 }), at: fc.constantFrom(...times) }),
    fc.record({ type: fc.constant('edit' as const), id: fc.constantFrom(...ids), title: fc.string({ minLength: 1, maxLength: 8 }), at: fc.constantFrom(...times) }),
    fc.record({ type: fc.constant('vote' as const), id: fc.constantFrom(...ids), who: fc.constantFrom(...people) }),
    fc.record({ type: fc.constant('unvote' as const), id: fc.constantFrom(...ids), who: fc.constantFrom(...people) }),
    fc.record({ type: fc.constant('comment' as const), id: fc.constantFrom(...ids), commentId: fc.constantFrom(...ids), text: fc.string({ maxLength: 8 }) }),
    fc.record({ type: fc.constant('archive' as const), id: fc.constantFrom(...ids), at: fc.constantFrom(...times) }),
    fc.record({ type: fc.constant('delete' as const), id: fc.constantFrom(...ids) }),
  );

  function apply(start: Backlog, ops: Op[]): Backlog {
    let entries = start.entries.map((e) => ({ ...e }));
    for (const o of ops) {
      const i = entries.findIndex((e) => e.id === o.id);
      const e = entries[i];
      if (o.type === 'add') {
        if (!e) entries.push(makeEntry({ id: o.id, title: o.title, created: o.at, updated: o.at, votes: [], comments: [] }));
      } else if (!e) {
        continue;
      } else if (o.type === 'edit') {
        entries[i] = { ...e, title: o.title, updated: o.at > e.updated ? o.at : e.updated };
      } else if (o.type === 'vote') {
        entries[i] = { ...e, votes: [...new Set([...e.votes, o.who])] };
      } else if (o.type === 'unvote') {
        entries[i] = { ...e, votes: e.votes.filter((v) => v !== o.who) };
      } else if (o.type === 'comment') {
        if (!e.comments.some((c) => c.id === o.commentId)) entries[i] = { ...e, comments: [...e.comments, { id: o.commentId, created: T1, text: o.text }] };
      } else if (o.type === 'archive') {
        entries[i] = { ...e, status: 'archived', updated: o.at > e.updated ? o.at : e.updated };
      } else {
        entries = entries.filter((x) => x.id !== o.id);
      }
    }
    return { ...start, entries };
  }

  const scenario = fc.record({ before: fc.array(op, { maxLength: 6 }), ours: fc.array(op, { maxLength: 6 }), theirs: fc.array(op, { maxLength: 6 }) });

  it(`is order-independent, idempotent and loses nothing (${runs} runs)`, () => {
    fc.assert(
      fc.property(scenario, ({ before, ours: oursOps, theirs: theirsOps }) => {
        const base = apply(backlog(), before);
        const ours = apply(base, oursOps);
        const theirs = apply(base, theirsOps);
        const result = mergeBacklogs(base, ours, theirs).backlog;
        const bytes = serializeBacklog(result);
        assert.equal(serializeBacklog(mergeBacklogs(base, theirs, ours).backlog), bytes, 'commutative');
        assert.equal(serializeBacklog(mergeBacklogs(base, result, ours).backlog), bytes, 'idempotent with ours');
        assert.equal(serializeBacklog(mergeBacklogs(base, result, theirs).backlog), bytes, 'idempotent with theirs');
        const byId = new Map(result.entries.map((e) => [e.id, e]));
        const baseIds = new Map(base.entries.map((e) => [e.id, e]));
        for (const [side, other] of [[ours, theirs], [theirs, ours]] as const) {
          for (const entry of side.entries) {
            const deletedByOther = !other.entries.some((e) => e.id === entry.id);
            if (!byId.has(entry.id)) {
              // Only an entry untouched on this side may be dropped, by the other side's deletion.
              assert.ok(deletedByOther && JSON.stringify(entry) === JSON.stringify(baseIds.get(entry.id)), `entry ${entry.id} kept`);
              continue;
            }
            const kept = byId.get(entry.id) as Entry;
            for (const comment of entry.comments) {
              assert.ok(kept.comments.some((c) => c.id === comment.id), `comment ${comment.id} kept`);
            }
            const baseVotes = baseIds.get(entry.id)?.votes ?? [];
            for (const vote of entry.votes.filter((v) => !baseVotes.includes(v))) {
              assert.ok(kept.votes.includes(vote), `new vote ${vote} kept`);
            }
          }
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('resolveConflictMarkers', () => {
  it('repairs a backlog that a line merge left with markers, keeping both sides', () => {
    const base = backlog(makeEntry({ id: ID_A }));
    const ours = serializeBacklog({ ...base, entries: [...base.entries, makeEntry({ id: ID_B, title: 'Ours' })] });
    const theirs = serializeBacklog({ ...base, entries: [...base.entries, makeEntry({ id: ID_C, title: 'Theirs' })] });
    const oursLines = ours.split('\n');
    const theirsLines = theirs.split('\n');
    let common = 0;
    while (oursLines[common] === theirsLines[common]) common++;
    let tail = 0;
    while (oursLines[oursLines.length - 1 - tail] === theirsLines[theirsLines.length - 1 - tail]) tail++;
    const conflicted = [
      ...oursLines.slice(0, common),
      '<<<<<<< HEAD',
      ...oursLines.slice(common, oursLines.length - tail),
      '=======',
      ...theirsLines.slice(common, theirsLines.length - tail),
      '>>>>>>> origin/main',
      ...oursLines.slice(oursLines.length - tail),
    ].join('\n');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual((JSON.parse(result.text) as Backlog).entries.map((e) => e.title), [makeEntry().title, 'Ours', 'Theirs']);
  });
});
