import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { inspectMergeDriver, installMergeDriver, MergeDriverError } from '../../src/adapters/mergeDriver/mergeDriverSetup';
import { registeredDriver, shellQuote } from '../../src/adapters/mergeDriver/mergeDriverCommand';
import { createEntry, upsertEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { addEntry, backlogPath, createTeam, editBacklog, readBacklog, seedTeam, type Team, type Teammate } from './teamRepos';

const DRIVER = path.resolve(__dirname, '../../dist/mergeDriver.js');
const RULE = '/stupid-work.json merge=stupid-work\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
}

/** A plain `git pull` in a terminal, outside the extension: its exit code and what it printed. */
function pull(mate: Teammate): { status: number | null; output: string } {
  const result = spawnSync('git', ['pull', '--no-rebase', '--no-edit'], { cwd: mate.dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The program the repository's registered driver runs. */
function registeredProgram(mate: Teammate): string {
  const registered = registeredDriver(git(mate.dir, 'config', '--get', 'merge.stupid-work.driver').trim());
  assert.ok(registered, 'a driver this extension registered');
  return registered.program;
}

function unmerged(mate: Teammate): string {
  return git(mate.dir, 'diff', '--name-only', '--diff-filter=U').trim();
}

/** Ana adds an entry and votes on the seed entry, and pushes; Ben adds his own and commits. */
async function concurrentWork(ana: Teammate, ben: Teammate): Promise<void> {
  await addEntry(ana, 'Ana: copied spreadsheet');
  const seed = (await readBacklog(ana)).entries.find((e) => e.title === 'Seed entry');
  assert.ok(seed, 'the seed entry is there');
  await editBacklog(ana, (b) => upsertEntry(b, { ...seed, votes: ['ana@example.com'] }));
  await ana.git.commit('Ana flags and votes', ['stupid-work.json']);
  await ana.git.push();
  await addEntry(ben, 'Ben: approval chain');
  await ben.git.commit('Ben flags', ['stupid-work.json']);
}

async function assertBothSides(mate: Teammate): Promise<void> {
  const backlog = await readBacklog(mate);
  assert.deepEqual(backlog.entries.map((e) => e.title).sort(), ['Ana: copied spreadsheet', 'Ben: approval chain', 'Seed entry']);
  assert.deepEqual(backlog.entries.find((e) => e.title === 'Seed entry')?.votes, ['ana@example.com'], "Ana's vote is kept");
  assert.equal(unmerged(mate), '', 'the merge finished');
}

/**
 * The file git left after a merge the driver could not do: a line merge, which holds both sides (with
 * markers where lines collide), and git reports it unmerged. Never one side that looks clean.
 */
function assertLineMergeWithBothSides(mate: Teammate): void {
  const text = readFileSync(backlogPath(mate), 'utf8');
  assert.match(text, /Ana: copied spreadsheet/, 'theirs is in the file');
  assert.match(text, /Ben: approval chain/, 'ours is in the file');
  assert.equal(unmerged(mate), 'stupid-work.json', 'git reports the conflict');
}

describe('the opt-in git merge driver', function () {
  this.timeout(60000);
  let team: Team;

  before(function () {
    assert.ok(existsSync(DRIVER), 'dist/mergeDriver.js is built (npm test builds before this layer)');
  });
  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('lets a plain `git pull` in a terminal merge the backlog entry by entry', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team);

    const first = await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: process.execPath });
    const again = await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: process.execPath });
    assert.equal(first.attributesChanged, true);
    assert.equal(again.attributesChanged, false, 'installing twice changes nothing');
    assert.match(readFileSync(path.join(ben.dir, '.gitattributes'), 'utf8'), /^\/stupid-work\.json merge=stupid-work$/m);
    assert.equal((await inspectMergeDriver(backlogPath(ben)))?.problem, undefined, 'the registration is healthy');

    await concurrentWork(ana, ben);
    const { status } = pull(ben);
    assert.equal(status, 0);
    await assertBothSides(ben);
    assert.doesNotMatch(readFileSync(backlogPath(ben), 'utf8'), /<<<<<<<|>>>>>>>/);
  });

  it('installed from a linked worktree, keeps merging after that worktree is removed', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    const worktree = path.join(team.root, 'ben-side');
    git(ben.dir, 'worktree', 'add', '-q', '-b', 'side', worktree);

    await installMergeDriver({ file: path.join(worktree, 'stupid-work.json'), driverScript: DRIVER, runtime: process.execPath });
    git(ben.dir, 'worktree', 'remove', '--force', worktree);

    await concurrentWork(ana, ben);
    const { status, output } = pull(ben);
    assert.doesNotMatch(output, /Cannot find module/);
    assert.equal(status, 0, output);
    await assertBothSides(ben);
    assert.equal(path.dirname(path.dirname(registeredProgram(ben))), path.join(ben.dir, '.git'), 'the program is in the common git directory');
  });

  it('when its runtime is gone, git falls back to a line merge it reports as a conflict, never a one-sided file that looks clean', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    // An editor's runtime moves when the editor updates: here a link that is removed after installing.
    const runtime = path.join(team.root, 'editor-runtime');
    await symlink(process.execPath, runtime);
    await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime });
    await rm(runtime);

    await concurrentWork(ana, ben);
    const { status, output } = pull(ben);
    assert.notEqual(status, 0);
    assert.match(output, /merge driver cannot start/);
    assert.match(output, /line merge with conflict markers for stupid-work\.json/);
    assertLineMergeWithBothSides(ben);
    assert.deepEqual((await inspectMergeDriver(backlogPath(ben)))?.problem, { kind: 'missing-runtime', path: runtime });
  });

  it('when its program crashes, git falls back to a line merge too', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: process.execPath });
    await writeFile(registeredProgram(ben), 'throw new Error("a broken copy");\n');

    await concurrentWork(ana, ben);
    assert.notEqual(pull(ben).status, 0);
    assertLineMergeWithBothSides(ben);
  });

  it('when a side cannot be read, git falls back to a line merge, and the driver names the side', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: process.execPath });
    await concurrentWork(ana, ben);
    await writeFile(backlogPath(ben), `${readFileSync(backlogPath(ben), 'utf8').trimEnd().slice(0, -1)}\n`);
    await ben.git.commit('A broken hand edit', ['stupid-work.json']);

    const { status, output } = pull(ben);
    assert.notEqual(status, 0);
    assert.match(output, /stupid-work: stupid-work\.json: ours: line \d+, column \d+/);
    assert.equal(unmerged(ben), 'stupid-work.json');
  });

  it('merges a criss-cross history, where git asks it for the virtual merge base first', async () => {
    const [ana, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    for (const mate of [ana, ben]) await installMergeDriver({ file: backlogPath(mate), driverScript: DRIVER, runtime: process.execPath });
    // Two merge bases: each side merges the other's first commit, then both go on.
    await addEntry(ana, 'Ana 1');
    await ana.git.commit('Ana 1', ['stupid-work.json']);
    await ana.git.push();
    await addEntry(ben, 'Ben 1');
    await ben.git.commit('Ben 1', ['stupid-work.json']);
    const ana1 = git(ana.dir, 'rev-parse', 'HEAD').trim();
    const ben1 = git(ben.dir, 'rev-parse', 'HEAD').trim();
    git(ben.dir, 'fetch', '-q');
    git(ben.dir, 'merge', '-q', '--no-edit', ana1);
    git(ana.dir, 'fetch', '-q', ben.dir, 'main');
    git(ana.dir, 'merge', '-q', '--no-edit', ben1);
    await addEntry(ana, 'Ana 2');
    await ana.git.commit('Ana 2', ['stupid-work.json']);
    await addEntry(ben, 'Ben 2');
    await ben.git.commit('Ben 2', ['stupid-work.json']);
    git(ben.dir, 'fetch', '-q', ana.dir, 'main');
    assert.equal(git(ben.dir, 'merge-base', '--all', 'HEAD', 'FETCH_HEAD').trim().split('\n').length, 2, 'a criss-cross history');

    git(ben.dir, 'merge', '-q', '--no-edit', 'FETCH_HEAD');
    assert.deepEqual((await readBacklog(ben)).entries.map((e) => e.title).sort(), ['Ana 1', 'Ana 2', 'Ben 1', 'Ben 2', 'Seed entry']);
  });

  it('refuses to register a runtime that cannot run the program, before touching the git config', async () => {
    const [, ben] = team.clones;
    await seedTeam(team);
    await assert.rejects(installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: '/bin/false' }), (error: unknown) => {
      assert.ok(error instanceof MergeDriverError, 'a message for people');
      assert.match(english(error.text), /^\/bin\/false cannot run the driver program/);
      return true;
    });
    assert.equal(spawnSync('git', ['config', '--get', 'merge.stupid-work.driver'], { cwd: ben.dir }).status, 1, 'nothing registered');
  });

  it('finds a registration that an earlier version made from a linked worktree, before and after the worktree goes', async () => {
    const [, ben] = team.clones;
    await seedTeam(team, { '.gitattributes': RULE });
    const worktree = path.join(team.root, 'ben-side');
    git(ben.dir, 'worktree', 'add', '-q', '-b', 'side', worktree);
    const program = path.join(ben.dir, '.git', 'worktrees', 'ben-side', 'stupid-work', 'merge-driver.js');
    await mkdir(path.dirname(program), { recursive: true });
    await writeFile(program, readFileSync(DRIVER));
    git(ben.dir, 'config', 'merge.stupid-work.driver', `ELECTRON_RUN_AS_NODE=1 ${shellQuote(process.execPath)} ${shellQuote(program)} %O %A %B`);

    assert.deepEqual((await inspectMergeDriver(backlogPath(ben)))?.problem, { kind: 'worktree-program', path: program });
    git(ben.dir, 'worktree', 'remove', '--force', worktree);
    assert.deepEqual((await inspectMergeDriver(backlogPath(ben)))?.problem, { kind: 'missing-program', path: program });

    await installMergeDriver({ file: backlogPath(ben), driverScript: DRIVER, runtime: process.execPath });
    assert.equal((await inspectMergeDriver(backlogPath(ben)))?.problem, undefined, 're-registering repairs it');
    git(ben.dir, 'config', 'merge.stupid-work.driver', 'my-own-driver %O %A %B');
    assert.equal(await inspectMergeDriver(backlogPath(ben)), undefined, 'a driver someone else wrote is theirs');
  });
});

describe('the merge driver rule in .gitattributes', function () {
  this.timeout(60000);
  let team: Team;

  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  /** Ben's backlog at `relative`, committed, with Ana's clone pulled. */
  async function backlogAt(relative: string): Promise<{ ana: Teammate; ben: Teammate; file: (mate: Teammate) => string }> {
    const [ana, ben] = team.clones;
    await seedTeam(team);
    const file = (mate: Teammate) => path.join(mate.dir, ...relative.split('/'));
    await mkdir(path.dirname(file(ben)), { recursive: true });
    await writeFile(file(ben), serializeBacklog(emptyBacklog()));
    git(ben.dir, 'add', '--', relative);
    git(ben.dir, 'commit', '-q', '-m', 'Backlog in its own folder');
    git(ben.dir, 'push', '-q');
    git(ana.dir, 'pull', '-q');
    return { ana, ben, file };
  }

  async function appendEntry(file: string, title: string): Promise<void> {
    const parsed = parseBacklog(await readFile(file, 'utf8'));
    assert.ok(parsed.ok, 'the backlog parses');
    await writeFile(file, serializeBacklog(upsertEntry(parsed.backlog, createEntry({ ...emptyDraft(), title }, { name: title }, new Date()))));
  }

  it('quotes a path with a space so git reads one pattern, confirms it, and git then merges with the driver', async () => {
    const relative = 'team notes/stupid-work.json';
    const { ana, ben, file } = await backlogAt(relative);
    const result = await installMergeDriver({ file: file(ben), driverScript: DRIVER, runtime: process.execPath });
    assert.equal(result.attributesChanged, true);
    assert.match(readFileSync(path.join(ben.dir, '.gitattributes'), 'utf8'), /^"\/team notes\/stupid-work\.json" merge=stupid-work$/m);
    assert.equal(git(ben.dir, 'check-attr', 'merge', '--', relative), `${relative}: merge: stupid-work\n`);
    git(ben.dir, 'add', '.gitattributes');
    git(ben.dir, 'commit', '-q', '-m', 'Merge the backlog entry by entry');

    await appendEntry(file(ana), 'From Ana');
    git(ana.dir, 'commit', '-q', '-am', 'Ana flags');
    git(ana.dir, 'push', '-q');
    await appendEntry(file(ben), 'From Ben');
    git(ben.dir, 'commit', '-q', '-am', 'Ben flags');
    const { status, output } = pull(ben);
    assert.equal(status, 0, output);
    assert.doesNotMatch(output, /is not a valid attribute name/);
    const merged = parseBacklog(readFileSync(file(ben), 'utf8'));
    assert.ok(merged.ok, 'the merge parses');
    assert.deepEqual(merged.backlog.entries.map((e) => e.title).sort(), ['From Ana', 'From Ben']);
  });

  for (const relative of ['[q3] backlog.json', 'plans/*star*.json', 'odd\\slash?.json', ' leading space/say "hi".json', 'tab\there.json', 'ünïcödé/stupid-work.json']) {
    it(`escapes the glob characters and whitespace of ${JSON.stringify(relative)} so that git check-attr confirms the rule`, async () => {
      const { ben, file } = await backlogAt(relative);
      await installMergeDriver({ file: file(ben), driverScript: DRIVER, runtime: process.execPath });
      assert.equal(git(ben.dir, 'check-attr', '-z', 'merge', '--', relative), `${relative}\0merge\0stupid-work\0`);
    });
  }

  it('claims only its own file when the path holds glob characters', async () => {
    const { ben, file } = await backlogAt('plans/*star*.json');
    await writeFile(path.join(ben.dir, 'plans', 'north-star-2.json'), '{}\n');
    await installMergeDriver({ file: file(ben), driverScript: DRIVER, runtime: process.execPath });
    assert.equal(git(ben.dir, 'check-attr', 'merge', '--', 'plans/north-star-2.json'), 'plans/north-star-2.json: merge: unspecified\n');
  });

  it('replaces the unescaped line an earlier version wrote, keeping the file\'s CRLF line endings', async () => {
    const relative = 'team notes/stupid-work.json';
    const { ben, file } = await backlogAt(relative);
    await writeFile(path.join(ben.dir, '.gitattributes'), `*.png binary\r\n/${relative} merge=stupid-work\r\n`);
    await installMergeDriver({ file: file(ben), driverScript: DRIVER, runtime: process.execPath });
    assert.equal(readFileSync(path.join(ben.dir, '.gitattributes'), 'utf8'), `*.png binary\r\n"/${relative}" merge=stupid-work\r\n`);
  });

  it('does not claim success when another rule overrides it, and says which value git applies', async () => {
    const { ben, file } = await backlogAt('team/stupid-work.json');
    await writeFile(path.join(ben.dir, 'team', '.gitattributes'), '*.json merge=union\n');
    await assert.rejects(installMergeDriver({ file: file(ben), driverScript: DRIVER, runtime: process.execPath }), (error: unknown) => {
      assert.ok(error instanceof MergeDriverError, 'a message for people');
      assert.match(english(error.text), /git check-attr gives team\/stupid-work\.json merge=union/);
      return true;
    });
  });

  it('writes the path as git sees it when the folder is opened through a symbolic link', async () => {
    const [, ben] = team.clones;
    await seedTeam(team);
    const link = path.join(team.root, 'linked-ben');
    await symlink(ben.dir, link);
    await installMergeDriver({ file: path.join(link, 'stupid-work.json'), driverScript: DRIVER, runtime: process.execPath });
    assert.equal(readFileSync(path.join(ben.dir, '.gitattributes'), 'utf8'), RULE);
  });
});
