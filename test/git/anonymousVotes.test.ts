import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { addComment } from '../../src/core/comments/comments';
import { findEntry } from '../../src/core/model/entries';
import type { Backlog, Entry } from '../../src/core/model/model';
import { castVote, newVoteToken, voteOf, votesLeft, withdrawVote, type Voter, type VoteChange } from '../../src/core/votes/votes';
import { english } from '../../src/core/text/english';
import { finerThanDay } from '../unit/fixtures';
import { addEntry, createTeam, editBacklog, readBacklog, seedCode, syncMateOk, type Team, type Teammate } from './teamRepos';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Two clones vote and comment anonymously on the same entries at the same time, each keeping its
 * own tokens as the extension keeps them in global state. After sync: the counts add up, nothing in
 * the file or its commits names a voter, and each clone can still withdraw its own vote, and only its own.
 */
describe('anonymous votes and comments through the backlog branch', function () {
  this.timeout(120000);
  // Names that appear nowhere else by chance.
  const [ADA, BEN] = ['adavoter', 'benvoter'];
  const BUDGET = 3;
  let team: Team;
  let ada: Teammate;
  let ben: Teammate;
  /** Each clone's own tokens, as its extension's global state holds them. */
  const tokens = new Map<string, Set<string>>();
  const voter = (mate: Teammate): Voter => ({ id: `${mate.name}@example.com`, tokens: tokens.get(mate.name) as Set<string> });

  /** Applies a vote change as `voteIn` does: the token kept first, the ones that left forgotten after the write. */
  async function vote(mate: Teammate, change: (b: Backlog, me: Voter, token: string) => VoteChange): Promise<void> {
    const token = newVoteToken();
    const mine = tokens.get(mate.name) as Set<string>;
    mine.add(token);
    let result: VoteChange | undefined;
    await editBacklog(mate, (b) => {
      result = change(b, voter(mate), token);
      if (!result.ok) throw new Error(english(result.message));
      return result.backlog;
    });
    assert.ok(result?.ok);
    if (result.added !== token) mine.delete(token);
    for (const gone of result.removed) mine.delete(gone);
  }

  const cast = (mate: Teammate, id: string) => vote(mate, (b, me, token) => castVote(b, id, me, { named: false, token }, BUDGET, new Date()));
  const withdraw = (mate: Teammate, id: string) => vote(mate, (b, me) => withdrawVote(b, id, me, new Date()));
  const comment = (mate: Teammate, id: string, text: string) =>
    editBacklog(mate, (b) => {
      const added = addComment(b, id, text, undefined, new Date());
      if (!added.ok) throw new Error(english(added.message));
      return added.backlog;
    });

  before(async () => {
    team = await createTeam([ADA, BEN]);
    [ada, ben] = team.clones;
    tokens.set(ADA, new Set());
    tokens.set(BEN, new Set());
    await seedCode(team);
  });

  after(async () => {
    await team?.cleanup();
  });

  it('adds up concurrent votes, names no voter, and lets each clone withdraw only its own', async () => {
    const deck = await addEntry(ada, 'Weekly status deck nobody opens');
    const freeze = await addEntry(ada, 'Deploy freeze on Fridays');
    await syncMateOk(ada);
    await syncMateOk(ben);

    // At the same time, on two machines: both vote on the deck and comment on it; Ben votes on the freeze too.
    await cast(ada, deck.id);
    await comment(ada, deck.id, 'It takes me an hour every Friday.');
    await cast(ben, deck.id);
    await cast(ben, freeze.id);
    await comment(ben, deck.id, 'Finance reads page 3 only.');
    await syncMateOk(ada);
    await syncMateOk(ben);
    await syncMateOk(ada);

    const [atAda, atBen] = [await readBacklog(ada), await readBacklog(ben)];
    assert.deepEqual(atAda, atBen, 'both clones converge');
    const entry = (b: Backlog, id: string): Entry => findEntry(b, id) as Entry;
    assert.equal(entry(atAda, deck.id).votes.length, 2);
    assert.equal(entry(atAda, freeze.id).votes.length, 1);
    assert.equal(entry(atAda, deck.id).comments.length, 2);
    assert.deepEqual([voteOf(entry(atAda, deck.id), voter(ada)), voteOf(entry(atAda, freeze.id), voter(ada))], ['anonymous', 'none'], 'Ada sees her own vote, and only hers');
    assert.deepEqual([voteOf(entry(atBen, deck.id), voter(ben)), voteOf(entry(atBen, freeze.id), voter(ben))], ['anonymous', 'anonymous']);
    assert.deepEqual([votesLeft(atAda, voter(ada), BUDGET), votesLeft(atBen, voter(ben), BUDGET)], [2, 1], 'each budget is counted on its own side');

    // Nothing in the file, in any version the remote holds, or in any commit, names a voter or the machine.
    const secrets = [ADA, BEN, hostname()];
    const votedAndCommented = [deck.id, freeze.id];
    for (const commit of git(team.remote, 'rev-list', 'stupid-work').trim().split('\n')) {
      const object = git(team.remote, 'cat-file', '-p', commit);
      const text = git(team.remote, 'show', `${commit}:stupid-work.json`);
      const file = JSON.parse(text) as Backlog;
      for (const e of file.entries.filter((x) => votedAndCommented.includes(x.id))) {
        const said = JSON.stringify({ votes: e.votes, comments: e.comments });
        for (const secret of secrets) assert.ok(!said.includes(secret), `the votes or comments in ${commit} name ${secret}: ${said}`);
        assert.deepEqual(finerThanDay(e.comments), [], `an anonymous comment in ${commit} is dated finer than a day`);
      }
      for (const secret of secrets.slice(0, 2)) assert.ok(!object.includes(secret), `commit ${commit} names ${secret}`);
    }

    // Both withdraw their deck vote at the same time: each removes only its own token.
    const [adaToken] = entry(atAda, deck.id).votes.filter((v) => tokens.get(ADA)?.has(v));
    await withdraw(ada, deck.id);
    await withdraw(ben, deck.id);
    const bensView = await readBacklog(ben);
    assert.deepEqual(entry(bensView, deck.id).votes, [adaToken], 'Ben cannot take back Ada\'s vote');
    await syncMateOk(ada);
    await syncMateOk(ben);
    await syncMateOk(ada);
    const final = await readBacklog(ada);
    assert.deepEqual(final, await readBacklog(ben));
    assert.deepEqual(entry(final, deck.id).votes, [], 'both withdrawals arrived');
    assert.equal(entry(final, freeze.id).votes.length, 1, 'Ben\'s other vote stays');
    assert.deepEqual([tokens.get(ADA)?.size, tokens.get(BEN)?.size], [0, 1], 'each clone forgot the token it withdrew');
  });
});
