import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { addComment } from '../../src/core/comments/comments';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyDraft, type Entry } from '../../src/core/model/model';
import { castVote, isVoteToken, newVoteToken } from '../../src/core/votes/votes';
import { createTeam, editBacklog, readBacklog, seedCode, syncMateOk, type Team, type Teammate } from './teamRepos';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const START_OF_DAY = /T00:00:00\.000Z$/;

/**
 * Two clones of one bare remote: Ana uses only the command line, as a person in a terminal would
 * (no terminal on stdin, so every answer comes as a flag); Ben uses the extension's core and its sync.
 */
describe('stupid-work for people, between a terminal and the editor', function () {
  this.timeout(60000);
  let team: Team;
  let ana: Teammate;
  let ben: Teammate;
  let config: string;

  /** Runs the built command line in Ana's clone, with her own configuration folder for vote tokens. */
  function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
    const env = { ...process.env, XDG_CONFIG_HOME: config, NO_COLOR: '1' };
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ana.dir, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  function cliOk(...args: string[]): string {
    const run = cli(...args);
    assert.equal(run.code, 0, `stupid-work ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  }

  /** Every name and email Ana has, as git and the file could carry them. */
  function leaksAna(text: string): boolean {
    return /\bana\b|ana@example\.com/i.test(text);
  }

  before(function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds before this layer)');
  });
  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
    [ana, ben] = team.clones;
    config = path.join(team.root, 'ana-config');
    await seedCode(team);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('entries, anonymous votes and comments made in a terminal reach the editor after a sync, naming nobody', async () => {
    const added = JSON.parse(cliOk('add', '--json', '--title', 'Weekly report nobody reads', '--kind', 'unused-report', '--reason', 'fear', 'politics', '--hours', '1.5', '--times', '1', '--per', 'week', '--people', '6', '--anonymous')) as Entry;
    assert.match(cli('sync').stderr, /--yes/, 'the backlog is not shared yet: creating its branch needs --yes');
    cliOk('sync', '--yes');
    const signed = JSON.parse(cliOk('add', '--json', '--title', 'Standup that runs an hour', '--kind', 'ritual-process', '--no-anonymous')) as Entry;
    assert.match(cliOk('vote', added.id.slice(0, 20)), /^Voted on "Weekly report nobody reads" anonymously\. 4 votes left\.\n$/);
    cliOk('comment', added.id, 'Same in', 'our team', '--anonymous');
    cliOk('comment', signed.id, 'I will time it');

    await syncMateOk(ben);
    const backlog = await readBacklog(ben);
    const report = backlog.entries.find((e) => e.id === added.id) as Entry;
    assert.equal(report.title, 'Weekly report nobody reads');
    assert.deepEqual(report.reasons, ['fear', 'politics']);
    assert.equal(report.author, undefined);
    assert.match(report.created, START_OF_DAY, 'an anonymous entry keeps only the day');
    assert.equal(report.votes.length, 1);
    assert.ok(isVoteToken(report.votes[0]), 'the vote is a token, not a name');
    assert.equal(report.comments.length, 1);
    assert.equal(report.comments[0].text, 'Same in our team');
    assert.equal(report.comments[0].author, undefined);
    assert.match(report.comments[0].created, START_OF_DAY);
    assert.ok(!leaksAna(JSON.stringify(report)), 'the anonymous entry, its vote and its comment name nobody');
    const standup = backlog.entries.find((e) => e.id === signed.id) as Entry;
    assert.deepEqual(standup.author, { name: 'ana', email: 'ana@example.com' });
    assert.deepEqual(standup.comments.map((c) => [c.author?.name, c.text]), [['ana', 'I will time it']]);

    const commits = spawnSync('git', ['log', '--format=%an %ae %cn %ce %s', 'stupid-work'], { cwd: team.remote, encoding: 'utf8' }).stdout;
    assert.ok(commits.trim() !== '' && !leaksAna(commits), `backlog commits name nobody: ${commits}`);

    const votesFolder = path.join(config, 'stupid-work', 'votes');
    const tokens = await readFile(path.join(votesFolder, readdirSync(votesFolder)[0]), 'utf8');
    assert.ok(tokens.includes(report.votes[0]), "the token is kept in Ana's configuration folder");
    assert.equal(statSync(votesFolder).mode & 0o777, 0o700);
    for (const name of readdirSync(votesFolder)) assert.equal(statSync(path.join(votesFolder, name)).mode & 0o777, 0o600);
  });

  it("the editor's entries, votes and comments reach the terminal after a sync, and a vote taken back there leaves the editor's", async () => {
    const entry = createEntry({ ...emptyDraft(), title: 'Approval form for a one-line fix', kind: 'autopilot-policy' }, { name: 'ben', email: 'ben@example.com' }, new Date());
    const bensToken = newVoteToken();
    await editBacklog(ben, (b) => {
      const voted = castVote(upsertEntry(b, entry), entry.id, { id: 'ben@example.com', tokens: new Set() }, { named: false, token: bensToken }, 5, new Date());
      assert.ok(voted.ok);
      const commented = addComment(voted.backlog, entry.id, 'It takes two days each time', undefined, new Date());
      assert.ok(commented.ok);
      return commented.backlog;
    });
    await syncMateOk(ben);

    cliOk('sync');
    const cards = JSON.parse(cliOk('list', '--json', '--kind', 'autopilot-policy')) as { id: string; title: string; votes: number; voted: boolean; comments: number }[];
    assert.deepEqual(cards.map((c) => [c.id, c.title, c.votes, c.voted, c.comments]), [[entry.id, 'Approval form for a one-line fix', 1, false, 1]]);
    assert.deepEqual(JSON.parse(cliOk('list', '--json', '--kind', 'trivia')), [], 'the kind filter is the board\'s');
    const shown = cliOk('show', entry.id);
    assert.match(shown, /Approval form for a one-line fix\n/);
    assert.match(shown, /1 vote\n/);
    assert.match(shown, /1 comment\n {2}Anonymous, \d{4}-\d{2}-\d{2}\n {4}It takes two days each time\n/);

    cliOk('vote', entry.id);
    await syncMateOk(ben);
    assert.equal((await readBacklog(ben)).entries[0].votes.length, 2, "Ana's vote went out on its own after the write (stupidWork.sync.auto)");
    assert.match(cliOk('unvote', entry.id), /^Vote on "Approval form for a one-line fix" withdrawn\./);
    await syncMateOk(ben);
    assert.deepEqual((await readBacklog(ben)).entries[0].votes, [bensToken], "only Ana's own token was taken back");
  });

  it('keeps to the vote budget and the auto-sync setting of the folder, and keeps no token for a refused vote', async () => {
    await mkdir(path.join(ana.dir, '.vscode'), { recursive: true });
    await writeFile(path.join(ana.dir, '.vscode', 'settings.json'), '{ "stupidWork.retro.voteBudget": 1, "stupidWork.sync.auto": false }\n');
    const one = (JSON.parse(cliOk('add', '--json', '--title', 'Timesheets in two tools')) as Entry).id;
    const two = (JSON.parse(cliOk('add', '--json', '--title', 'Release checklist on paper')) as Entry).id;
    cliOk('sync', '--yes');
    assert.match(cliOk('vote', one), /0 votes left/);
    const refused = cli('vote', two);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, "stupid-work: You have used your only vote. Take one back from another open entry first.\n");
    const votesFolder = path.join(config, 'stupid-work', 'votes');
    const kept = JSON.parse(await readFile(path.join(votesFolder, readdirSync(votesFolder)[0]), 'utf8')) as { tokens: string[] };
    assert.equal(kept.tokens.length, 1, 'the refused vote left no token behind');
    const status = JSON.parse(cliOk('status', '--json', '--no-fetch')) as { state: string };
    assert.equal(status.state, 'outgoing', 'with stupidWork.sync.auto off, the vote waits for a sync');
    assert.equal((await readBacklog(ana)).entries.find((e) => e.id === two)?.votes.length, 0);
  });
});
