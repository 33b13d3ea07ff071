import type { Voter } from '../../src/core/votes/votes';
import assert from 'node:assert/strict';
import { defaultQuery, queryBoard } from '../../src/core/retro/boardQuery';
import { boardSnapshot, TOP_REASONS, type BoardSnapshotInput } from '../../src/core/retro/boardSnapshot';
import { REASONS, type Backlog, type Decision, type Entry, type Retro } from '../../src/core/model/model';
import { clockAt, makeEntry } from './fixtures';

const NOW = new Date('2025-03-10T14:30:00.000Z');
const VOTER: Voter = { id: 'ada@example.com', tokens: new Set() };

function id(n: number): string {
  return `01JH${String(n).padStart(22, '0')}`;
}

function input(patch: Partial<BoardSnapshotInput> = {}): BoardSnapshotInput {
  return { query: defaultQuery(), clock: clockAt(NOW), voter: VOTER, staleDays: 30, followUpLimit: 20, voteBudget: 5, ...patch };
}

function decided(n: number, decision: Partial<Decision>): Entry {
  return makeEntry({
    id: id(n),
    title: `Decided ${n}`,
    status: 'decided',
    decision: { outcome: 'stop', rationale: '', owner: 'Sam', followUp: 'open', decided: '2025-03-01T10:00:00.000Z', ...decision },
  });
}

function backlog(entries: Entry[], retros: Retro[] = []): Backlog {
  return { version: 1, entries, retros };
}

describe('the Retro Board snapshot', () => {
  it('shows the queried columns, with the query it answers', () => {
    const b = backlog([makeEntry({ id: id(1), votes: [VOTER.id] }), makeEntry({ id: id(2), triage: 'now' })]);
    const query = { ...defaultQuery(), sort: 'age' as const };
    const snapshot = boardSnapshot(b, input({ query }));
    assert.equal(snapshot.query, query);
    assert.deepEqual(snapshot.view, queryBoard(b, query, { clock: clockAt(NOW), voter: VOTER, staleDays: 30 }));
  });

  it('sends the first page of follow-ups, most overdue first, and counts them all', () => {
    const b = backlog([
      decided(1, { due: '2025-03-05' }),
      decided(2, {}),
      decided(3, { due: '2025-02-20', owner: 'Kim', followUp: 'in-progress' }),
    ]);
    const snapshot = boardSnapshot(b, input({ followUpLimit: 2 }));
    assert.equal(snapshot.followUpTotal, 3);
    assert.deepEqual(snapshot.followUps, [
      { id: id(3), title: 'Decided 3', outcome: 'stop', owner: 'Kim', followUp: 'in-progress', ageDays: 9, overdueDays: 18, due: '2025-02-20' },
      { id: id(1), title: 'Decided 1', outcome: 'stop', owner: 'Sam', followUp: 'open', ageDays: 9, overdueDays: 5, due: '2025-03-05' },
    ]);
    assert.ok(!('due' in boardSnapshot(b, input()).followUps[2]), 'a decision without a due date sends none');
  });

  it('sends a follow-up\'s tracking link when it has one', () => {
    const b = backlog([decided(1, { trackingUrl: 'https://tracker.example/1' }), decided(2, {})]);
    const [first, second] = boardSnapshot(b, input()).followUps;
    assert.equal(first.trackingUrl, 'https://tracker.example/1');
    assert.ok(!('trackingUrl' in second));
  });

  it('filters the follow-ups by owner, case and spaces aside, and names every owner whatever the filter', () => {
    const b = backlog([
      decided(1, { owner: 'Sam', due: '2025-03-01' }),
      decided(2, { owner: ' sam ', due: '2025-03-02' }),
      decided(3, { owner: 'Ana Ruiz', due: '2025-03-03' }),
      decided(4, { owner: 'Zoe', followUp: 'done' }),
    ]);
    const everyone = boardSnapshot(b, input());
    assert.deepEqual(everyone.followUpOwners, ['Ana Ruiz', 'Sam']);
    assert.equal(everyone.followUpTotal, 3);
    const sams = boardSnapshot(b, input({ query: { ...defaultQuery(), followUpOwner: 'SAM' } }));
    assert.deepEqual(sams.followUps.map((f) => f.id), [id(1), id(2)]);
    assert.equal(sams.followUpTotal, 2);
    assert.deepEqual(sams.followUpOwners, ['Ana Ruiz', 'Sam']);
    const nobody = boardSnapshot(b, input({ query: { ...defaultQuery(), followUpOwner: 'Lee' } }));
    assert.deepEqual([nobody.followUps, nobody.followUpTotal], [[], 0]);
  });

  it('counts the viewer\'s votes left only under a budget', () => {
    const b = backlog([makeEntry({ id: id(1), votes: [VOTER.id] }), makeEntry({ id: id(2), votes: [VOTER.id, 'kim@example.com'] })]);
    assert.equal(boardSnapshot(b, input({ voteBudget: 5 })).votesLeft, 3);
    assert.ok(!('votesLeft' in boardSnapshot(b, input({ voteBudget: undefined }))));
  });

  it('names the open retro and how many entries it discussed, and no finished one', () => {
    const open: Retro = { id: id(90), started: '2025-03-10T13:00:00.000Z', facilitator: 'Robin', discussed: [id(1), id(2)], decided: [] };
    const snapshot = boardSnapshot(backlog([makeEntry({ id: id(1) })], [open]), input());
    assert.deepEqual(snapshot.retro, { id: id(90), started: open.started, facilitator: 'Robin', discussed: 2 });
    const finished = { ...open, finished: '2025-03-10T14:00:00.000Z' };
    assert.ok(!('retro' in boardSnapshot(backlog([makeEntry({ id: id(1) })], [finished]), input())));
  });

  it(`charts at most ${TOP_REASONS} reasons`, () => {
    const b = backlog(REASONS.map((reason, n) => makeEntry({ id: id(n + 1), reasons: [reason] })));
    assert.ok(REASONS.length > TOP_REASONS);
    assert.equal(boardSnapshot(b, input()).charts.topReasons.length, TOP_REASONS);
  });
});
