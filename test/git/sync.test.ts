import assert from 'node:assert/strict';
import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { commitsBehind, syncBacklog, type SyncOutcome } from '../../src/adapters/gitSync';
import { findEntry, upsertEntry } from '../../src/core/entries';
import { addEntry, backlogPath, createTeam, editBacklog, readBacklog, seedTeam, type Team, type Teammate } from './teamRepos';

async function sync(mate: Teammate): Promise<SyncOutcome> {
  return syncBacklog({ file: backlogPath(mate) });
}

async function syncOk(mate: Teammate): Promise<Extract<SyncOutcome, { ok: true }>> {
  const outcome = await sync(mate);
  assert.ok(outcome.ok, `${mate.name}'s sync: ${outcome.ok ? '' : outcome.message}`);
  return outcome;
}

async function bytes(mate: Teammate): Promise<string> {
  return readFile(backlogPath(mate), 'utf8');
}

describe('Sync between teammates through a bare remote', function () {
  this.timeout(60000);
  let team: Team;
  let ana: Teammate;
  let ben: Teammate;
  let cy: Teammate;

  beforeEach(async () => {
    team = await createTeam(['ana', 'ben', 'cy']);
    [ana, ben, cy] = team.clones;
    await seedTeam(team, { 'README.md': 'Invoice service\n' });
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('merges concurrent adds from three clones, and every clone ends with the same bytes', async () => {
    await addEntry(ana, 'Ana: status deck');
    await addEntry(ben, 'Ben: ritual stand-up');
    await addEntry(cy, 'Cy: approval chain');
    await syncOk(ana);
    const second = await syncOk(ben);
    assert.equal(second.pulled, true);
    await syncOk(cy);
    await syncOk(ana);
    await syncOk(ben);
    const titles = (await readBacklog(ana)).entries.map((e) => e.title).sort();
    assert.deepEqual(titles, ['Ana: status deck', 'Ben: ritual stand-up', 'Cy: approval chain', 'Seed entry']);
    assert.equal(await bytes(ben), await bytes(ana));
    assert.equal(await bytes(cy), await bytes(ana));
  });

  it('merges edits, votes, comments and an archive made concurrently on one entry', async () => {
    const [seed] = (await readBacklog(ana)).entries;
    const at = (minutes: number) => new Date(Date.parse(seed.updated) + minutes * 60000).toISOString();
    await editBacklog(ana, (b) => upsertEntry(b, { ...seed, title: 'Ana renamed it', votes: ['ana'], updated: at(1) }));
    await editBacklog(ben, (b) => upsertEntry(b, { ...seed, title: 'Ben renamed it later', triage: 'now', votes: ['ben'], updated: at(2) }));
    await editBacklog(cy, (b) =>
      upsertEntry(b, { ...seed, status: 'archived', comments: [{ id: '01JH0000000000000000000009', created: at(3), text: 'Done with this?' }], updated: at(3) }),
    );
    for (const mate of [ana, ben, cy, ana, ben]) {
      await syncOk(mate);
    }
    const entry = findEntry(await readBacklog(ana), seed.id);
    assert.ok(entry);
    assert.equal(entry.title, 'Ben renamed it later', 'the later edit of the title wins');
    assert.equal(entry.triage, 'now');
    assert.deepEqual(entry.votes, ['ana', 'ben']);
    assert.equal(entry.comments.length, 1);
    assert.equal(entry.status, 'open', 'the edits survive the archive');
    assert.ok(entry.history?.some((h) => h.field === 'title' && h.value === 'Ana renamed it'), 'the losing title is in history');
    assert.ok(entry.history?.some((h) => h.field === 'status' && h.value === 'archived'), 'the archive is in history');
    assert.equal(await bytes(cy), await bytes(ana));
  });

  it('commits only the backlog file and leaves other staged and unstaged work alone', async () => {
    await writeFile(path.join(ben.dir, 'README.md'), 'Invoice service\nStaged line\n');
    await ben.git.add('README.md');
    await writeFile(path.join(ben.dir, 'README.md'), 'Invoice service\nStaged line\nUnstaged line\n');
    await writeFile(path.join(ben.dir, 'notes.txt'), 'untracked\n');
    await addEntry(ben, 'Ben: report nobody reads');
    const outcome = await syncOk(ben);
    assert.equal(outcome.committed, true);
    assert.equal(outcome.pushed, true);
    const files = (await ben.git.raw(['show', '--name-only', '--format=', 'HEAD'])).trim();
    assert.equal(files, 'stupid-work.json');
    const status = await ben.git.status();
    assert.deepEqual(status.staged, ['README.md']);
    assert.deepEqual(status.modified, ['README.md']);
    assert.deepEqual(status.not_added, ['notes.txt']);
    assert.equal(await readFile(path.join(ben.dir, 'README.md'), 'utf8'), 'Invoice service\nStaged line\nUnstaged line\n');
  });

  it('merges again and retries when a push loses a race', async () => {
    await addEntry(ana, 'Ana: pushed during the race');
    await ana.git.add('stupid-work.json');
    await ana.git.commit('Ana flags something');
    // Ben's fetch lets Ana push right after it, so Ben's first push is rejected.
    const racer = path.join(team.root, 'race-upload-pack.sh');
    await writeFile(
      racer,
      `#!/bin/sh\ngit-upload-pack "$@"\nstatus=$?\nif [ ! -e "${team.root}/raced" ]; then touch "${team.root}/raced"; git -C "${ana.dir}" push -q origin main >/dev/null 2>&1; fi\nexit $status\n`,
    );
    await chmod(racer, 0o755);
    await appendFile(path.join(ben.dir, '.git', 'config'), `[remote "origin"]\n\tuploadpack = ${racer}\n`);
    await addEntry(ben, 'Ben: racing entry');
    const outcome = await syncOk(ben);
    assert.equal(outcome.attempts, 2);
    await syncOk(ana);
    const titles = (await readBacklog(ana)).entries.map((e) => e.title);
    assert.ok(titles.includes('Ana: pushed during the race') && titles.includes('Ben: racing entry'));
  });

  it('stops when another file conflicts, aborts the merge and keeps the local work', async () => {
    await writeFile(path.join(ana.dir, 'README.md'), 'Ana version\n');
    await ana.git.commit('Ana edits the readme', ['README.md']);
    await ana.git.push();
    await writeFile(path.join(ben.dir, 'README.md'), 'Ben version\n');
    await ben.git.commit('Ben edits the readme', ['README.md']);
    await addEntry(ben, 'Ben: kept locally');
    const outcome = await sync(ben);
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.reason, 'other-conflicts');
    assert.match(outcome.message, /README\.md/);
    const status = await ben.git.status();
    assert.equal(status.conflicted.length, 0, 'no merge left in progress');
    assert.equal(await readFile(path.join(ben.dir, 'README.md'), 'utf8'), 'Ben version\n');
    assert.ok((await readBacklog(ben)).entries.some((e) => e.title === 'Ben: kept locally'));
  });

  it('stops with a specific reason for no upstream, no remote, offline and a detached HEAD', async () => {
    await ben.git.checkoutLocalBranch('feature');
    await addEntry(ben, 'On a branch without upstream');
    assert.equal(((await sync(ben)) as { reason: string }).reason, 'no-upstream');

    await cy.git.raw(['checkout', '--detach']);
    assert.equal(((await sync(cy)) as { reason: string }).reason, 'detached');

    await ana.git.remote(['set-url', 'origin', 'http://127.0.0.1:9/unreachable.git']);
    await addEntry(ana, 'Written while offline');
    const offline = await sync(ana);
    assert.ok(!offline.ok);
    assert.equal(offline.reason, 'offline');
    assert.equal(offline.committed, true, 'the entry is committed locally');

    await ana.git.remote(['remove', 'origin']);
    assert.equal(((await sync(ana)) as { reason: string }).reason, 'no-remote');
  });

  it('follows pull.rebase, resolving the backlog commit by commit', async () => {
    await addEntry(ana, 'Ana: rebased onto');
    await syncOk(ana);
    await ben.git.addConfig('pull.rebase', 'true');
    await addEntry(ben, 'Ben: first local');
    await ben.git.commit('Ben one', ['stupid-work.json']);
    await addEntry(ben, 'Ben: second local');
    const outcome = await syncOk(ben);
    assert.equal(outcome.pulled, true);
    const merges = (await ben.git.raw(['rev-list', '--merges', '--count', 'HEAD'])).trim();
    assert.equal(merges, '0', 'history stays linear, as the user asked');
    const titles = (await readBacklog(ben)).entries.map((e) => e.title);
    assert.ok(['Ana: rebased onto', 'Ben: first local', 'Ben: second local'].every((t) => titles.includes(t)), titles.join(', '));
  });

  it('stops when a merge is already in progress, and when git is missing', async () => {
    await writeFile(path.join(ana.dir, 'README.md'), 'Ana version\n');
    await ana.git.commit('Ana edits the readme', ['README.md']);
    await ana.git.push();
    await writeFile(path.join(ben.dir, 'README.md'), 'Ben version\n');
    await ben.git.commit('Ben edits the readme', ['README.md']);
    await ben.git.fetch();
    await ben.git.raw(['merge', 'origin/main']).catch(() => undefined);
    const inProgress = await sync(ben);
    assert.ok(!inProgress.ok);
    assert.equal(inProgress.reason, 'in-progress');
    assert.match(inProgress.message, /merge is in progress/);

    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      const noGit = await sync(cy);
      assert.ok(!noGit.ok);
      assert.equal(noGit.reason, 'no-git');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('tells how many backlog commits a clone is behind, for the status bar', async () => {
    assert.equal(await commitsBehind(backlogPath(ben)), 0);
    await addEntry(ana, 'Ana: new upstream');
    await syncOk(ana);
    await writeFile(path.join(ana.dir, 'README.md'), 'Unrelated change\n');
    await ana.git.commit('Not about the backlog', ['README.md']);
    await ana.git.push();
    assert.equal(await commitsBehind(backlogPath(ben)), 1, 'only commits that touch the backlog count');
    await ben.git.branch(['--unset-upstream']);
    assert.equal(await commitsBehind(backlogPath(ben)), undefined);
  });

  it('never commits a backlog file that does not parse', async () => {
    await writeFile(backlogPath(ben), '{ "version": 1, "entries": [\n<<<<<<< HEAD\n');
    const outcome = await sync(ben);
    assert.ok(!outcome.ok);
    assert.equal(outcome.reason, 'unreadable');
    assert.equal(outcome.committed, false);
    assert.match((await ben.git.status()).modified.join(), /stupid-work\.json/);
  });
});
