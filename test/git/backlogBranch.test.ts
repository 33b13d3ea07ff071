import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { findEntry, upsertEntry } from '../../src/core/model/entries';
import { trackingRef } from '../../src/core/sync/backlogBranch';
import {
  addEntry,
  backlogPath,
  createTeam,
  editBacklog,
  readBacklog,
  seedCode,
  syncMate,
  syncMateOk,
  type Team,
  type Teammate,
} from './teamRepos';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Everything of the checkout a sync must leave alone, byte for byte. A push updates the remote-tracking
 * ref of the branch it pushed, when the remote's refspec maps one (git-push(1)); that ref alone may move.
 */
function checkoutState(dir: string): string {
  const refs = git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads', 'refs/remotes', 'refs/tags');
  return [
    git(dir, 'rev-parse', 'HEAD'),
    git(dir, 'rev-parse', '--symbolic-full-name', 'HEAD'),
    git(dir, 'ls-files', '-s'),
    git(dir, 'status', '--porcelain=v2', '--branch', '--untracked-files=all'),
    refs.split('\n').filter((line) => !line.startsWith('refs/remotes/origin/stupid-work ')).join('\n'),
    git(dir, 'stash', 'list'),
  ].join('\n--\n');
}

/** A pre-receive hook on the remote: `check` is shell that runs per pushed ref with $old, $new and $ref set, and exits non-zero to refuse. */
async function serverHook(team: Team, check: string): Promise<void> {
  const hook = path.join(team.remote, 'hooks', 'pre-receive');
  await writeFile(hook, `#!/bin/sh\nwhile read old new ref; do\n${check}\ndone\n`);
  await chmod(hook, 0o755);
}

async function titles(mate: Teammate): Promise<string[]> {
  return (await readBacklog(mate)).entries.map((e) => e.title).sort();
}

/** The titles on the remote's backlog branch, read straight from the bare repository. */
function remoteTitles(team: Team, file = 'stupid-work.json'): string[] {
  const text = git(team.remote, 'show', `stupid-work:${file}`);
  return (JSON.parse(text) as { entries: { title: string }[] }).entries.map((e) => e.title).sort();
}

describe('Sync over the backlog branch, between teammates through a bare remote', function () {
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

  it('from a feature branch with WIP, staged and unstaged work: shares the entry and nothing else, touching nothing', async () => {
    await addEntry(ana, 'Ana: first entry');
    await syncMateOk(ana);
    git(ana.dir, 'checkout', '-q', '-b', 'feature/x');
    await writeFile(path.join(ana.dir, 'README.md'), 'Invoice service\nWIP\n');
    git(ana.dir, 'commit', '-q', '-am', 'WIP do not push');
    await writeFile(path.join(ana.dir, 'staged.txt'), 'staged\n');
    git(ana.dir, 'add', 'staged.txt');
    await writeFile(path.join(ana.dir, 'README.md'), 'Invoice service\nWIP\nunstaged\n');
    await writeFile(path.join(ana.dir, 'untracked.txt'), 'untracked\n');
    await addEntry(ana, 'Ana: from the feature branch');
    const before = checkoutState(ana.dir);

    const outcome = await syncMateOk(ana);

    assert.equal(outcome.pushed, true);
    assert.equal(checkoutState(ana.dir), before, 'HEAD, the branch, the index, git status and the refs are as they were');
    assert.deepEqual(remoteTitles(team), ['Ana: first entry', 'Ana: from the feature branch']);
    assert.deepEqual(git(team.remote, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim().split('\n'), ['refs/heads/main', 'refs/heads/stupid-work']);
    assert.doesNotMatch(git(team.remote, 'log', '--all', '--format=%s'), /WIP/, 'the WIP commit stayed on this machine');
    assert.deepEqual(git(team.remote, 'ls-tree', '--name-only', 'stupid-work').trim().split('\n').sort(), ['.gitlab-ci.yml', 'README.md', 'stupid-work.json', 'vercel.json']);
    assert.equal(git(team.remote, 'rev-list', '--max-parents=0', 'stupid-work').trim().split('\n').length, 1, 'an orphan branch: one root, no code history');
    assert.equal(git(team.remote, 'log', '--format=%an <%ae>|%cn <%ce>', 'stupid-work').trim().split('\n').every((line) => line === 'Stupid Work <backlog@stupid-work.invalid>|Stupid Work <backlog@stupid-work.invalid>'), true, 'backlog commits name nobody');
  });

  it('leaves the checkout untouched from a detached HEAD, during a rebase, and in a linked worktree', async () => {
    await addEntry(ana, 'Ana: before');
    await syncMateOk(ana);

    git(ana.dir, 'checkout', '-q', '--detach');
    await addEntry(ana, 'Ana: detached');
    let before = checkoutState(ana.dir);
    await syncMateOk(ana);
    assert.equal(checkoutState(ana.dir), before, 'detached HEAD');
    git(ana.dir, 'checkout', '-q', 'main');

    // A rebase that stops on a conflict in README.md.
    await writeFile(path.join(ben.dir, 'README.md'), 'Ben version\n');
    git(ben.dir, 'commit', '-q', '-am', 'Ben edits');
    git(ben.dir, 'push', '-q', 'origin', 'main');
    await writeFile(path.join(ana.dir, 'README.md'), 'Ana version\n');
    git(ana.dir, 'commit', '-q', '-am', 'Ana edits');
    git(ana.dir, 'fetch', '-q', 'origin');
    assert.throws(() => git(ana.dir, 'rebase', 'origin/main'));
    await addEntry(ana, 'Ana: mid-rebase');
    before = checkoutState(ana.dir);
    const gitDir = git(ana.dir, 'rev-parse', '--absolute-git-dir').trim();
    await syncMateOk(ana);
    assert.equal(checkoutState(ana.dir), before, 'during a rebase');
    assert.ok((await readdir(gitDir)).includes('rebase-merge'), 'the rebase is still in progress');
    git(ana.dir, 'rebase', '--abort');

    const linked = path.join(team.root, 'ana-linked');
    git(ana.dir, 'worktree', 'add', '-q', '-b', 'side', linked);
    const inLinked: Teammate = { name: 'ana-linked', dir: linked, git: ana.git };
    await addEntry(inLinked, 'Ana: from a linked worktree');
    before = checkoutState(linked);
    await syncMateOk(inLinked);
    assert.equal(checkoutState(linked), before, 'linked worktree');
    assert.match(await readFile(path.join(ana.dir, '.git', 'info', 'exclude'), 'utf8'), /^\/stupid-work\.json$/m, 'the exclusion is in the common git dir');
    assert.deepEqual(remoteTitles(team), ['Ana: before', 'Ana: detached', 'Ana: from a linked worktree', 'Ana: mid-rebase']);
  });

  it('keeps each worktree\'s last synced state apart, so a worktree never deletes what another one synced', async () => {
    await addEntry(ana, 'Ana: main worktree');
    await syncMateOk(ana);
    const linked = path.join(team.root, 'ana-linked');
    git(ana.dir, 'worktree', 'add', '-q', '-b', 'side', linked);
    const inLinked: Teammate = { name: 'ana-linked', dir: linked, git: ana.git };
    await syncMateOk(inLinked);
    await addEntry(ana, 'Ana: second, from main');
    await syncMateOk(ana);
    await addEntry(inLinked, 'Ana: from the linked worktree');
    await syncMateOk(inLinked);
    assert.deepEqual(await titles(inLinked), ['Ana: from the linked worktree', 'Ana: main worktree', 'Ana: second, from main']);
  });

  it('merges concurrent adds, edits, votes and comments, and both clones end with the same bytes', async () => {
    await addEntry(ana, 'Shared entry');
    await syncMateOk(ana);
    await syncMateOk(ben);
    const [seed] = (await readBacklog(ana)).entries;
    const at = (minutes: number) => new Date(Date.parse(seed.updated) + minutes * 60000).toISOString();
    await editBacklog(ana, (b) => upsertEntry(b, { ...seed, title: 'Ana renamed it', votes: ['ana'], updated: at(1) }));
    await addEntry(ana, 'Ana: new');
    await editBacklog(ben, (b) => upsertEntry(b, { ...seed, title: 'Ben renamed it later', triage: 'now', votes: ['ben'], comments: [{ id: '01JH0000000000000000000009', created: at(2), text: 'Why?' }], updated: at(2) }));
    await addEntry(ben, 'Ben: new');
    await syncMateOk(ana);
    const second = await syncMateOk(ben);
    assert.equal(second.received, true);
    await syncMateOk(ana);
    const entry = findEntry(await readBacklog(ana), seed.id);
    assert.ok(entry);
    assert.equal(entry.title, 'Ben renamed it later');
    assert.deepEqual(entry.votes, ['ana', 'ben']);
    assert.equal(entry.comments.length, 1);
    assert.ok(entry.history?.some((h) => h.field === 'title' && h.value === 'Ana renamed it'), 'the losing title is in history');
    assert.deepEqual(await titles(ana), ['Ana: new', 'Ben renamed it later', 'Ben: new']);
    assert.equal(await readFile(backlogPath(ben), 'utf8'), await readFile(backlogPath(ana), 'utf8'));
  });

  it('gives a fresh clone the team\'s backlog with no commit, and keeps its status clean', async () => {
    await addEntry(ana, 'Ana: for the newcomer');
    await syncMateOk(ana);
    git(team.root, 'clone', '-q', team.remote, 'newcomer');
    const dir = path.join(team.root, 'newcomer');
    const newcomer: Teammate = { name: 'newcomer', dir, git: ben.git };
    const head = git(dir, 'rev-parse', 'HEAD');
    const outcome = await syncMate(newcomer, { confirmCreate: undefined });
    assert.ok(outcome.ok, outcome.ok ? '' : english(outcome.message));
    assert.equal(outcome.pushed, false, 'nothing to send');
    assert.equal(outcome.received, true);
    assert.deepEqual(await titles(newcomer), ['Ana: for the newcomer']);
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
    assert.equal(git(dir, 'status', '--porcelain', '--untracked-files=all'), '', 'the working copy is out of git status');
  });

  it('shares the backlog through a .gitignore that matches *.json and from a sparse checkout', async () => {
    await writeFile(path.join(ana.dir, '.gitignore'), '*.json\n');
    git(ana.dir, 'add', '.gitignore');
    git(ana.dir, 'commit', '-q', '-m', 'Ignore JSON');
    await addEntry(ana, 'Ana: ignored by .gitignore');
    await syncMateOk(ana);
    assert.deepEqual(remoteTitles(team), ['Ana: ignored by .gitignore']);

    await mkdir(path.join(ben.dir, 'src'), { recursive: true });
    git(ben.dir, 'sparse-checkout', 'set', '--no-cone', '/src/');
    await addEntry(ben, 'Ben: sparse');
    await syncMateOk(ben);
    assert.deepEqual(remoteTitles(team), ['Ana: ignored by .gitignore', 'Ben: sparse']);
    assert.deepEqual(await titles(ben), ['Ana: ignored by .gitignore', 'Ben: sparse']);
  });

  it('stops clearly when a server hook refuses the branch, naming it, and keeps the edit', async () => {
    await addEntry(ana, 'Ana: accepted');
    await syncMateOk(ana);
    await serverHook(team, 'if [ "$ref" = "refs/heads/stupid-work" ]; then echo "GH006: Protected branch update failed for $ref." >&2; exit 1; fi');
    await addEntry(ana, 'Ana: refused');
    const baseBefore = git(ana.dir, 'for-each-ref', 'refs/worktree/stupid-work/base');
    const outcome = await syncMate(ana);
    assert.ok(!outcome.ok);
    assert.equal(outcome.reason, 'refused');
    assert.match(english(outcome.message), /stupid-work/);
    assert.match(english(outcome.message), /origin/);
    assert.match(english(outcome.message), /GH006: Protected branch update failed/, 'the server\'s own words');
    assert.deepEqual(await titles(ana), ['Ana: accepted', 'Ana: refused'], 'the edit is still in the working copy');
    assert.equal(git(ana.dir, 'for-each-ref', 'refs/worktree/stupid-work/base'), baseBefore, 'the last synced state is kept');
  });

  it('points to commitAs "me" when the server refuses commits by their author, and then succeeds as the person', async () => {
    await addEntry(ana, 'Ana: first');
    await syncMateOk(ana);
    await serverHook(team, 'if git log --format=%ae "$old..$new" | grep -q invalid; then echo "GitLab: Author backlog@stupid-work.invalid is not a member of team" >&2; exit 1; fi');
    await addEntry(ana, 'Ana: second');
    const refused = await syncMate(ana);
    assert.ok(!refused.ok);
    assert.equal(refused.reason, 'refused');
    assert.match(english(refused.message), /commitAs/);
    const accepted = await syncMateOk(ana, { commitAs: 'me' });
    assert.equal(accepted.pushed, true);
    assert.equal(git(team.remote, 'log', '-1', '--format=%an <%ae>', 'stupid-work').trim(), 'ana <ana@example.com>');
  });

  it('asks before creating the branch, stays on this machine when told no, and never creates it in the background', async () => {
    await addEntry(ana, 'Ana: not yet shared');
    const background = await syncMate(ana, { confirmCreate: undefined });
    assert.ok(!background.ok);
    assert.equal(background.reason, 'not-shared');
    let asked: unknown;
    const declined = await syncMate(ana, {
      confirmCreate: (place) => {
        asked = place;
        return Promise.resolve(false);
      },
    });
    assert.ok(!declined.ok);
    assert.equal(declined.reason, 'cancelled');
    assert.deepEqual(asked, { remote: 'origin', url: team.remote, branch: 'stupid-work' });
    assert.equal(git(team.remote, 'for-each-ref', 'refs/heads/stupid-work'), '', 'no branch was created');
    const created = await syncMateOk(ana);
    assert.equal(created.created, true);
  });

  it('recreates a branch deleted on the remote from the working copy, losing nothing', async () => {
    await addEntry(ana, 'Ana: survives');
    await syncMateOk(ana);
    await syncMateOk(ben);
    git(team.remote, 'branch', '-D', 'stupid-work');
    await addEntry(ben, 'Ben: after the deletion');
    const outcome = await syncMateOk(ben);
    assert.equal(outcome.created, true);
    assert.deepEqual(remoteTitles(team), ['Ana: survives', 'Ben: after the deletion']);
  });

  it('keeps an edit saved while the sync runs, and sends it too', async () => {
    await addEntry(ana, 'Ana: shared');
    await syncMateOk(ana);
    let edited = false;
    const { replaceWorkingCopyFile } = await import('../../src/adapters/sync/workingCopy');
    const plain = replaceWorkingCopyFile(backlogPath(ben));
    await addEntry(ben, 'Ben: before the sync');
    const outcome = await syncMateOk(ben, {
      replaceWorkingCopy: async (expected, next) => {
        if (!edited) {
          edited = true;
          await addEntry(ben, 'Ben: saved during the sync');
        }
        return plain(expected, next);
      },
    });
    assert.equal(outcome.attempts, 2);
    assert.deepEqual(await titles(ben), ['Ana: shared', 'Ben: before the sync', 'Ben: saved during the sync']);
    assert.deepEqual(remoteTitles(team), ['Ana: shared', 'Ben: before the sync', 'Ben: saved during the sync']);
  });

  it('moves a backlog committed on the code branch, once asked, and leaves the removal for the person to commit', async () => {
    await addEntry(ana, 'Ana: from the old model');
    git(ana.dir, 'add', 'stupid-work.json');
    git(ana.dir, 'commit', '-q', '-m', 'Backlog on main');
    const head = git(ana.dir, 'rev-parse', 'HEAD');
    const declined = await syncMate(ana);
    assert.ok(!declined.ok);
    assert.equal(declined.reason, 'tracked');
    const moved = await syncMateOk(ana, { confirmMove: () => Promise.resolve(true) });
    assert.equal(moved.moved, true);
    assert.deepEqual(remoteTitles(team), ['Ana: from the old model']);
    assert.equal(git(ana.dir, 'rev-parse', 'HEAD'), head, 'nothing was committed for the person');
    assert.equal(git(ana.dir, 'status', '--porcelain'), 'D  stupid-work.json\n', 'the removal is staged, the file itself stays');
    assert.deepEqual(await titles(ana), ['Ana: from the old model']);
  });

  it('stops with a specific reason for no remote, offline, a refused login, git missing and an unreadable working copy', async () => {
    await addEntry(ana, 'Ana: offline edit');
    git(ana.dir, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/unreachable.git');
    const offline = await syncMate(ana);
    assert.ok(!offline.ok);
    assert.equal(offline.reason, 'offline');
    assert.match(english(offline.message), /origin/);

    const server: Server = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      git(ana.dir, 'remote', 'set-url', 'origin', `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.git`);
      const auth = await syncMate(ana);
      assert.ok(!auth.ok);
      assert.equal(auth.reason, 'auth', english(auth.message));
    } finally {
      server.close();
    }

    git(ana.dir, 'remote', 'remove', 'origin');
    const noRemote = await syncMate(ana);
    assert.ok(!noRemote.ok);
    assert.equal(noRemote.reason, 'no-remote');
    assert.deepEqual(await titles(ana), ['Ana: offline edit'], 'the edit survives every stop');

    await writeFile(backlogPath(ben), '{ "version": 1, "entries": [\n<<<<<<< HEAD\n');
    const unreadable = await syncMate(ben);
    assert.ok(!unreadable.ok);
    assert.equal(unreadable.reason, 'unreadable');
    assert.match(english(unreadable.message), /line 2/);
    assert.equal(await readFile(backlogPath(ben), 'utf8'), '{ "version": 1, "entries": [\n<<<<<<< HEAD\n', 'a file that does not parse is never overwritten');

    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      const noGit = await syncMate(ben);
      assert.ok(!noGit.ok);
      assert.equal(noGit.reason, 'no-git');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('keeps the working copy out of git status, whatever characters its path has', async () => {
    const folder = path.join(ana.dir, 'team notes [draft]*');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, 'stupid work?.json');
    await writeFile(file, '{ "version": 1, "entries": [] }\n');
    const outcome = await syncMateOk(ana, { file });
    assert.equal(outcome.created, true);
    assert.equal(git(ana.dir, 'status', '--porcelain', '--untracked-files=all'), '');
    assert.equal(git(team.remote, 'ls-tree', '-r', '--name-only', 'stupid-work').split('\n').includes('team notes [draft]*/stupid work?.json'), true);
    await writeFile(path.join(folder, 'other.json'), '{}\n');
    assert.equal(git(ana.dir, 'status', '--porcelain', '--untracked-files=all'), '?? "team notes [draft]*/other.json"\n', 'only the working copy itself is excluded');
  });

  it('syncs four clones at the same instant, ten rounds, to the same bytes with nothing lost', async function () {
    this.timeout(180000);
    const four = await createTeam(['a', 'b', 'c', 'd']);
    try {
      await seedCode(four);
      await addEntry(four.clones[0], 'start');
      await syncMateOk(four.clones[0]);
      const expected = new Set(['start']);
      for (let round = 0; round < 10; round++) {
        for (const mate of four.clones) {
          await addEntry(mate, `${mate.name} ${round}`);
          expected.add(`${mate.name} ${round}`);
        }
        await Promise.all(four.clones.map((mate) => syncMateOk(mate)));
      }
      await Promise.all(four.clones.map((mate) => syncMateOk(mate)));
      const bytes = await Promise.all(four.clones.map((mate) => readFile(backlogPath(mate), 'utf8')));
      assert.ok(bytes.every((b) => b === bytes[0]), 'every clone holds the same bytes');
      assert.deepEqual(await titles(four.clones[0]), [...expected].sort());
      assert.deepEqual(remoteTitles(four), [...expected].sort());
    } finally {
      await four.cleanup();
    }
  });

  it('fetches into its own ref only: refs/remotes and FETCH_HEAD stay as they were', async () => {
    await addEntry(ana, 'Ana: refs');
    await syncMateOk(ana);
    await syncMateOk(ben);
    const refs = git(ben.dir, 'for-each-ref', '--format=%(refname)').trim().split('\n');
    assert.ok(refs.includes(trackingRef('origin', 'stupid-work')));
    assert.ok(!refs.some((ref) => ref.startsWith('refs/remotes/origin/stupid-work')), 'refs/remotes is the person\'s, left as it was');
    await rm(path.join(ben.dir, '.git', 'FETCH_HEAD'), { force: true });
    await syncMateOk(ben);
    assert.ok(!(await readdir(path.join(ben.dir, '.git'))).includes('FETCH_HEAD'));
  });
});
