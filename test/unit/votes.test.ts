import assert from 'node:assert/strict';
import type { Backlog, Entry } from '../../src/core/model/model';
import { similarEntries } from '../../src/core/votes/similarEntries';
import {
  NOBODY,
  castVote,
  isVoteToken,
  namedVoters,
  namedVotes,
  newVoteToken,
  toggleVote,
  voteOf,
  voterId,
  voterNames,
  votesLeft,
  withdrawVote,
  type Voter,
  type VoteChange,
} from '../../src/core/votes/votes';
import { english } from '../../src/core/text/english';
import { ID_A, ID_B, ID_C, ID_D, assertValid, generateBacklog, makeEntry } from './fixtures';

const [A, B, C, D] = [ID_A, ID_B, ID_C, ID_D];
const NOW = new Date('2025-03-10T12:34:56.789Z');
const LATER = new Date('2025-03-11T08:00:01.002Z');

function backlog(entries: Entry[]): Backlog {
  return { version: 1, entries, retros: [] };
}

function ok(change: VoteChange): Extract<VoteChange, { ok: true }> {
  if (!change.ok) throw new Error(`refused: ${english(change.message)}`);
  return change;
}

function refused(change: VoteChange): string {
  assert.ok(!change.ok, 'expected a refusal');
  return english(change.message);
}

function entry(b: Backlog, id: string): Entry {
  const found = b.entries.find((e) => e.id === id);
  assert.ok(found);
  return found;
}

/** A voter as their own extension knows them: a named id, and the tokens it kept. */
function voter(id: string, tokens: string[] = []): Voter {
  return { id, tokens: new Set(tokens) };
}

const anonymously = () => ({ named: false, token: newVoteToken() });
const byName = { named: true, token: '' };

describe('votes', () => {
  it('identifies a named voter by email, else by name', () => {
    assert.equal(voterId({ name: 'Ada', email: 'ada@example.com' }), 'ada@example.com');
    assert.equal(voterId({ name: ' Alan ', email: ' ' }), 'Alan');
  });

  it('mints a fresh 128-bit token for every anonymous vote, which no email or name looks like', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newVoteToken));
    assert.equal(tokens.size, 1000);
    for (const t of tokens) assert.ok(isVoteToken(t), t);
    for (const named of ['ada@example.com', 'Ada', 'anon:', 'anon:xyz', `anon:${'0'.repeat(31)}`, `ANON:${'a'.repeat(32)}`]) assert.ok(!isVoteToken(named), named);
  });

  it('stores an anonymous vote as a token only, and hands the token back for the voter to keep', () => {
    const b = backlog([makeEntry({ id: A, author: { name: 'Grace', email: 'grace@example.com' }, updated: '2025-03-01T09:00:00.000Z' })]);
    const ballot = anonymously();
    const cast = ok(castVote(b, A, voter('ada@example.com'), ballot, undefined, NOW));
    assert.equal(cast.outcome, 'cast');
    assert.equal(cast.added, ballot.token);
    assert.deepEqual(entry(cast.backlog, A).votes, [ballot.token]);
    assert.ok(!JSON.stringify(cast.backlog).includes('ada'), 'nothing of the voter is in the backlog');
    assert.equal(entry(cast.backlog, A).updated, '2025-03-10T00:00:00.000Z', 'the entry learns the day of the vote, not its minute');
    assertValid(cast.backlog);
    assert.deepEqual(b.entries[0].votes, [], 'the original is not changed');
  });

  it('never moves an entry\'s time back for an anonymous vote', () => {
    const b = backlog([makeEntry({ id: A, updated: '2025-03-10T11:00:00.000Z' })]);
    assert.equal(entry(ok(castVote(b, A, NOBODY, anonymously(), undefined, NOW)).backlog, A).updated, '2025-03-10T11:00:00.000Z');
  });

  it('lets only the holder of the token withdraw an anonymous vote', () => {
    const ballot = anonymously();
    const b = ok(castVote(backlog([makeEntry({ id: A })]), A, NOBODY, ballot, undefined, NOW)).backlog;
    assert.equal(voteOf(entry(b, A), voter('ada@example.com')), 'none', 'a teammate without the token sees a count, not a vote of theirs');
    assert.equal(ok(withdrawVote(b, A, voter('ada@example.com'), LATER)).outcome, 'unchanged');
    const back = ok(withdrawVote(b, A, voter('', [ballot.token]), LATER));
    assert.deepEqual([back.outcome, back.removed, entry(back.backlog, A).votes], ['withdrawn', [ballot.token], []]);
  });

  it('switches one vote per person: Me Too again takes it back, of either kind', () => {
    const b = backlog([makeEntry({ id: A })]);
    const named = ok(toggleVote(b, A, voter('grace@example.com'), byName, undefined, NOW));
    assert.deepEqual(entry(named.backlog, A).votes, ['grace@example.com']);
    assert.equal(entry(named.backlog, A).updated, NOW.toISOString(), 'a named vote is dated as any named change');
    const back = ok(toggleVote(named.backlog, A, voter('grace@example.com'), anonymously(), undefined, NOW));
    assert.deepEqual([back.outcome, entry(back.backlog, A).votes], ['withdrawn', []]);
  });

  it('turns an anonymous vote into a named one ("+1, I\'ll help") without charging the budget twice', () => {
    const ballot = anonymously();
    const b = ok(castVote(backlog([makeEntry({ id: A }), makeEntry({ id: B })]), A, NOBODY, ballot, 2, NOW)).backlog;
    const me = voter('grace@example.com', [ballot.token]);
    assert.equal(votesLeft(b, me, 2), 1);
    const named = ok(castVote(b, A, me, byName, 1, NOW));
    assert.deepEqual([named.outcome, named.removed, entry(named.backlog, A).votes], ['cast', [ballot.token], ['grace@example.com']]);
    assert.equal(voteOf(entry(named.backlog, A), me), 'named');
    assert.equal(ok(castVote(named.backlog, A, me, byName, 1, NOW)).outcome, 'unchanged');
  });

  it('counts the budget from the voter\'s own tokens and named votes, on open undecided entries only, and always allows taking one back', () => {
    const [t1, t2] = [newVoteToken(), newVoteToken()];
    const b = backlog([
      makeEntry({ id: A, votes: [t1, newVoteToken()] }),
      makeEntry({ id: B, votes: ['g@x'] }),
      makeEntry({ id: C }),
      makeEntry({ id: D, status: 'decided', decision: { outcome: 'stop', rationale: '', owner: 'G', followUp: 'open', decided: NOW.toISOString() }, votes: [t2] }),
    ]);
    const me = voter('g@x', [t1, t2]);
    assert.equal(votesLeft(b, me, 3), 1);
    assert.equal(votesLeft(b, NOBODY, 3), 3, 'someone else\'s tokens are not charged to you');
    assert.equal(votesLeft(b, me, 0), undefined);
    assert.equal(refused(castVote(b, C, me, anonymously(), 2, NOW)), 'You have used all 2 of your votes. Take one back from another open entry first.');
    assert.equal(refused(castVote(b, C, me, byName, 1, NOW)), 'You have used your only vote. Take one back from another open entry first.');
    ok(castVote(b, C, me, anonymously(), 3, NOW));
    ok(castVote(b, D, NOBODY, anonymously(), 1, NOW));
    const fewer = ok(withdrawVote(b, A, me, NOW));
    assert.equal(votesLeft(fewer.backlog, me, 2), 1);
  });

  it('refuses votes on archived, done and unknown entries, and named votes without a usable name', () => {
    const b = backlog([makeEntry({ id: A, status: 'archived' }), makeEntry({ id: B, status: 'done', votes: ['g@x'] })]);
    assert.match(refused(castVote(b, A, NOBODY, anonymously(), 0, NOW)), /is archived, so it takes no more votes; restore it first\.$/);
    assert.match(refused(castVote(b, B, voter('h@x'), byName, 0, NOW)), /is done, so it takes no more votes\.$/);
    assert.deepEqual(entry(ok(withdrawVote(b, B, voter('g@x'), NOW)).backlog, B).votes, [], 'a vote on a done entry can still be taken back');
    assert.match(refused(castVote(b, C, NOBODY, anonymously(), 0, NOW)), /no entry with id "01JH0000000000000000000002"/);
    assert.match(refused(castVote(backlog([makeEntry({ id: C })]), C, voter('  '), byName, 0, NOW)), /A named vote needs your name/);
    assert.match(refused(castVote(backlog([makeEntry({ id: C })]), C, voter(newVoteToken()), byName, 0, NOW)), /A named vote needs your name/, 'a name that looks like a token would hide as anonymous');
    assert.match(refused(castVote(backlog([makeEntry({ id: C })]), C, voter(`${'x'.repeat(321)}`), byName, 0, NOW)), /321 characters long; keep it to 320/);
    assert.throws(() => castVote(backlog([makeEntry({ id: C })]), C, NOBODY, { named: false, token: 'ada@example.com' }, 0, NOW), /not one newVoteToken makes/);
  });

  it('keeps the votes of earlier versions (emails) as named votes, withdrawable by their voter and shown by name', () => {
    const t = newVoteToken();
    const e = makeEntry({ id: A, votes: ['ada@example.com', t, 'Alan'], author: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    const b = backlog([e]);
    assert.deepEqual(namedVotes(e), ['ada@example.com', 'Alan']);
    assert.deepEqual(namedVoters(e, voterNames(b)), ['Ada Lovelace', 'Alan']);
    assert.equal(voteOf(e, voter('ada@example.com')), 'named');
    assert.deepEqual(entry(ok(withdrawVote(b, A, voter('ada@example.com'), NOW)).backlog, A).votes, [t, 'Alan']);
  });

  it('finds names for named votes in the authors of entries and comments, first one wins', () => {
    const b = backlog([
      makeEntry({ id: A, author: { name: 'Kim', email: 'kim@example.com' }, comments: [{ id: B, author: { name: 'Lee', email: 'lee@example.com' }, created: NOW.toISOString(), text: 'x' }] }),
      makeEntry({ id: C, author: { name: 'Kimberly', email: 'kim@example.com' } }),
      makeEntry({ id: D, author: undefined }),
    ]);
    assert.deepEqual([...voterNames(b)], [['kim@example.com', 'Kim'], ['lee@example.com', 'Lee']]);
  });

  it('every vote operation on a realistic backlog gives a valid file', () => {
    let b = generateBacklog(60, 5);
    const open = b.entries.filter((e) => e.status === 'open').map((e) => e.id);
    const ballots = open.slice(0, 5).map(() => anonymously());
    open.slice(0, 5).forEach((id, i) => (b = ok(castVote(b, id, NOBODY, ballots[i], undefined, NOW)).backlog));
    b = ok(castVote(b, open[0], voter('ada@example.com', [ballots[0].token]), byName, undefined, NOW)).backlog;
    b = ok(withdrawVote(b, open[1], voter('', [ballots[1].token]), NOW)).backlog;
    assertValid(b);
  });
});

describe('similar entries for a "me too" instead of a duplicate', () => {
  const titles = ['Weekly status deck nobody opens', 'Standup runs 45 minutes', 'Manual release notes', 'Deploy freeze on Fridays', 'Copying invoices by hand', 'Hand-written release notes', 'TPS report cover sheets'];
  const b = backlog([
    ...titles.map((title, i) => makeEntry({ id: `01JH00000000000000000000${String(10 + i)}`, title })),
    makeEntry({ id: '01JH0000000000000000000020', title: 'Weekly status deck, archived', status: 'archived' }),
    makeEntry({ id: '01JH0000000000000000000021', title: 'Weekly status deck, done', status: 'done' }),
  ]);
  const found = (title: string) => similarEntries(b, title).map((e) => e.title);

  it('finds a title in other words and another order', () => {
    assert.deepEqual(found('weekly status report'), ['Weekly status deck nobody opens']);
    assert.deepEqual(found('friday deploy freeze'), ['Deploy freeze on Fridays']);
    assert.deepEqual(found('Nobody reads the weekly deck'), ['Weekly status deck nobody opens']);
    assert.deepEqual(found('release notes written by hand')[0], 'Hand-written release notes');
  });

  it('offers nothing for an unrelated title, for small words alone, or for a title too short to say anything', () => {
    assert.deepEqual(found('lunch menu vote'), []);
    assert.deepEqual(found('the a of to'), []);
    assert.deepEqual(found('TPS'), []);
  });

  it('lets no number make two titles alike: a year, a ticket or a time stamp says nothing about the work', () => {
    // Two 13-digit stamps match each other fuzzily; with them, "booking" was enough to offer "Parking permits".
    const stamped = backlog([
      ...b.entries,
      makeEntry({ id: '01JH0000000000000000000030', title: 'Lunch menu survey 1796053279867' }),
      makeEntry({ id: '01JH0000000000000000000031', title: 'Parking permits 1796053279000' }),
    ]);
    assert.deepEqual(similarEntries(stamped, 'Retro room booking 1796053291719'), []);
    assert.deepEqual(similarEntries(stamped, 'Badge photo renewal 2026'), []);
  });

  it('never offers an entry that takes no votes, and at most three', () => {
    assert.ok(!found('weekly status deck').some((t) => /archived|done/.test(t)));
    assert.ok(similarEntries(b, 'notes report deck freeze invoices standup').length <= 3);
  });
});
