import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { installMergeDriver } from '../../src/adapters/mergeDriverSetup';
import { addEntry, backlogPath, createTeam, readBacklog, seedTeam, type Team } from './teamRepos';

const DRIVER = path.resolve(__dirname, '../../dist/mergeDriver.js');

describe('the opt-in git merge driver', function () {
  this.timeout(30000);
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

    await addEntry(ana, 'Ana: copied spreadsheet');
    await ana.git.commit('Ana flags', ['stupid-work.json']);
    await ana.git.push();
    await addEntry(ben, 'Ben: approval chain');
    await ben.git.commit('Ben flags', ['stupid-work.json']);

    // A terminal pull, outside the extension.
    execFileSync('git', ['pull', '--no-rebase', '--no-edit'], { cwd: ben.dir, stdio: 'pipe' });
    const titles = (await readBacklog(ben)).entries.map((e) => e.title).sort();
    assert.deepEqual(titles, ['Ana: copied spreadsheet', 'Ben: approval chain', 'Seed entry']);
    assert.doesNotMatch(readFileSync(backlogPath(ben), 'utf8'), /<<<<<<<|>>>>>>>/);
  });
});
