import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { addEntry, BACKLOG_FILE, createTeam, seedCode, syncMateOk, type Team } from './teamRepos';

describe('backlog branch: a folder opened through a symlink', function () {
  this.timeout(30000);
  let team: Team;

  beforeEach(async () => {
    team = await createTeam(['ada']);
    await seedCode(team);
  });

  afterEach(() => team.cleanup());

  it('syncs as from its real path', async () => {
    const [ada] = team.clones;
    const link = path.join(team.root, 'ada-link');
    await symlink(ada.dir, link);
    await addEntry(ada, 'Opened through a link');
    await syncMateOk({ ...ada, dir: link });
    const shared = execFileSync('git', ['show', `stupid-work:${BACKLOG_FILE}`], { cwd: team.remote, encoding: 'utf8' });
    assert.match(shared, /Opened through a link/);
  });
});
