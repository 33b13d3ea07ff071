import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { isBranchFilePath, putInOutbox } from '../../src/adapters/sync/branchOutbox';
import { startRetro, decide } from '../../src/core/retro/retro';
import { retroDate, retroSummaryMarkdown, type SummaryStrings } from '../../src/core/retro/retroSummary';
import { branchSummaryPath } from '../../src/core/retro/summaryPath';
import { trackingRef } from '../../src/core/sync/backlogBranch';
import { clockAt, LABELS } from '../unit/fixtures';
import { addEntry, backlogPath, createTeam, editBacklog, readBacklog, seedCode, syncMate, syncMateOk, type Team, type Teammate } from './teamRepos';
import * as l10n from '@vscode/l10n';
import { summaryWords } from '../../src/core/retro/summaryWords';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The code side of a clone, which saving and sharing a summary must leave alone; the remote-tracking ref of the backlog branch alone may move. */
function checkoutState(dir: string): string {
  const refs = git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads', 'refs/remotes', 'refs/tags');
  return [
    git(dir, 'rev-parse', 'HEAD'),
    git(dir, 'rev-parse', '--symbolic-full-name', 'HEAD'),
    git(dir, 'ls-files', '-s'),
    git(dir, 'status', '--porcelain=v2', '--branch', '--untracked-files=all'),
    refs.split('\n').filter((line) => !line.startsWith('refs/remotes/origin/stupid-work ')).join('\n'),
  ].join('\n--\n');
}

/** A file as the clone's last sync saw it on the backlog branch. */
function onBranch(mate: Teammate, file: string): string {
  return git(mate.dir, 'show', `${trackingRef('origin', 'stupid-work')}:${file}`);
}

function outboxFiles(mate: Teammate): string[] {
  const dir = path.join(git(mate.dir, 'rev-parse', '--absolute-git-dir').trim(), 'stupid-work', 'outbox');
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

const STRINGS: SummaryStrings = { ...summaryWords(l10n), locale: 'en' };

const NOW = '2026-11-29T10:00:00.000Z';

/** Ana runs a retro that decides one entry, and makes its summary as the extension does; resolves with its path on the branch and its text. */
async function anaRunsRetro(ana: Teammate): Promise<{ file: string; text: string }> {
  const clock = clockAt(NOW);
  const entry = await addEntry(ana, 'Weekly status report nobody reads', new Date('2026-11-20T09:00:00.000Z'));
  await editBacklog(ana, (b) => {
    const started = startRetro(b, 'Ana', clock);
    assert.ok(started.ok);
    const decided = decide(started.backlog, entry.id, { outcome: 'stop', owner: 'Ben', rationale: 'Nobody opened it in 6.5 months.', due: '2026-12-15' }, new Date(NOW));
    assert.ok(decided.ok);
    return decided.backlog;
  });
  const b = await readBacklog(ana);
  const retro = b.retros[0];
  return { file: branchSummaryPath(retroDate(retro, clock)), text: retroSummaryMarkdown(b, retro.id, LABELS, STRINGS, clock) };
}

describe('A saved retro summary is shared on the backlog branch through Sync', function () {
  this.timeout(60000);
  let team: Team;
  let ana: Teammate;
  let ben: Teammate;

  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
    [ana, ben] = team.clones;
    await seedCode(team);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('clone A saves and syncs; clone B syncs and reads retros/<date>.md from the branch; neither code branch moves', async () => {
    await addEntry(ana, 'Seed entry');
    await syncMateOk(ana);
    await syncMateOk(ben);
    const anaCode = checkoutState(ana.dir);
    const benCode = checkoutState(ben.dir);

    const summary = await anaRunsRetro(ana);
    assert.equal(summary.file, 'retros/2026-11-29.md');
    await putInOutbox(backlogPath(ana), summary.file, summary.text);
    assert.equal(checkoutState(ana.dir), anaCode, 'saving writes nothing git status shows');
    const sent = await syncMateOk(ana);
    assert.deepEqual(sent.shared, ['retros/2026-11-29.md']);
    assert.ok(sent.pushed);
    assert.equal(git(team.remote, 'log', '-1', '--format=%s', 'stupid-work').trim(), 'Update stupid-work.json: 1 added; add retros/2026-11-29.md');
    assert.deepEqual(outboxFiles(ana), [], 'the outbox is empty once the summary is on the branch');

    const received = await syncMateOk(ben);
    assert.ok(received.received);
    assert.equal(onBranch(ben, 'retros/2026-11-29.md'), summary.text);
    assert.match(onBranch(ben, 'retros/2026-11-29.md'), /^# Retro 2026-11-29$/m);
    assert.equal(checkoutState(ana.dir), anaCode, "Ana's code branch, index and working tree are untouched");
    assert.equal(checkoutState(ben.dir), benCode, "Ben's code branch, index and working tree are untouched");
    assert.equal(existsSync(path.join(ben.dir, 'retros')), false, 'the summary is not written into the working tree');
    assert.equal(git(ana.dir, 'ls-tree', '-r', '--name-only', 'main').trim(), 'README.md', 'the code branch holds only the code');
  });

  it('a summary alone makes a commit that names it, and a second sync with nothing new makes none', async () => {
    await addEntry(ana, 'Seed entry');
    await syncMateOk(ana);
    await putInOutbox(backlogPath(ana), 'retros/2026-11-29.md', '# Retro 2026-11-29\n');
    const before = git(team.remote, 'rev-parse', 'stupid-work').trim();
    assert.ok((await syncMateOk(ana)).pushed);
    assert.equal(git(team.remote, 'log', '-1', '--format=%s', 'stupid-work').trim(), 'Add retros/2026-11-29.md');
    assert.equal(git(team.remote, 'rev-parse', 'stupid-work^').trim(), before, 'one fast-forward commit on the tip');
    assert.deepEqual(git(team.remote, 'diff', '--name-only', before, 'stupid-work').trim().split('\n'), ['retros/2026-11-29.md'], 'the backlog is not rewritten');
    const again = await syncMateOk(ana);
    assert.equal(again.pushed, false);
    assert.deepEqual(again.shared, []);
  });

  it('a summary saved again replaces the one on the branch, and the earlier text stays in its history', async () => {
    await addEntry(ana, 'Seed entry');
    await syncMateOk(ana);
    await putInOutbox(backlogPath(ana), 'retros/2026-11-29.md', 'first\n');
    await syncMateOk(ana);
    await putInOutbox(backlogPath(ana), 'retros/2026-11-29.md', 'second\n');
    await syncMateOk(ana);
    assert.equal(git(team.remote, 'log', '-1', '--format=%s', 'stupid-work').trim(), 'Update retros/2026-11-29.md');
    assert.equal(git(team.remote, 'show', 'stupid-work:retros/2026-11-29.md'), 'second\n');
    assert.equal(git(team.remote, 'show', 'stupid-work^:retros/2026-11-29.md'), 'first\n');
  });

  it('a summary saved before the branch exists waits in the outbox through a background sync, and goes with the sync that creates the branch', async () => {
    await addEntry(ana, 'Seed entry');
    await putInOutbox(backlogPath(ana), 'retros/2026-11-29.md', 'waiting\n');
    const background = await syncMate(ana, { confirmCreate: undefined });
    assert.equal(background.ok, false);
    assert.equal(outboxFiles(ana).length, 1, 'the summary still waits');
    const created = await syncMateOk(ana);
    assert.ok(created.created);
    assert.deepEqual(created.shared, ['retros/2026-11-29.md']);
    assert.equal(git(team.remote, 'show', 'stupid-work:retros/2026-11-29.md'), 'waiting\n');
    assert.equal(git(team.remote, 'log', '-1', '--format=%s', 'stupid-work').trim(), 'Start the backlog: stupid-work.json; add retros/2026-11-29.md');
  });

  it('refuses a path that would leave the retros folder or land at the branch root', async () => {
    for (const bad of ['summary.md', '../escape.md', 'retros/../x.md', 'retros/.hidden.md', '/retros/x.md', 'retros//x.md', 'retros\\x.md']) {
      assert.equal(isBranchFilePath(bad), false, bad);
      await assert.rejects(putInOutbox(backlogPath(ana), bad, 'x'), RangeError);
    }
    assert.ok(isBranchFilePath('retros/2026-11-29.md'));
  });
});
