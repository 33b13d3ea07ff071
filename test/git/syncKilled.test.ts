import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseBacklog } from '../../src/core/file/parse';
import { addEntry, backlogPath, createTeam, readBacklog, seedCode, syncMateOk, type Team } from './teamRepos';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

/**
 * A `git` first on the PATH that counts its calls and, on call `killAt`, kills the process that ran it
 * (the command line, with SIGKILL: no handler runs) before running the real git anyway, as a command
 * already under way would.
 */
async function killingGit(dir: string, counter: string, killAt: number): Promise<string> {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'git'),
    // A sync starts some git commands side by side, so the count is taken under a lock (mkdir is atomic).
    `#!/bin/sh\nuntil mkdir "${counter}.lock" 2>/dev/null; do sleep 0.01; done\nn=$(($(cat "${counter}" 2>/dev/null || echo 0) + 1))\necho $n > "${counter}"\nrmdir "${counter}.lock"\nif [ "$n" -eq ${killAt} ]; then kill -9 $PPID; fi\nexec "${realGit}" "$@"\n`,
  );
  await chmod(path.join(dir, 'git'), 0o755);
  return dir;
}

function runCli(cwd: string, pathPrefix: string): { code: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'sync', '--yes'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${pathPrefix}:${process.env.PATH}` },
  });
  return { code: result.status, signal: result.signal, stderr: result.stderr };
}

describe('a sync killed at any step', function () {
  this.timeout(300000);
  let team: Team;

  before(function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds before this layer)');
  });
  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
    await seedCode(team);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('loses nothing and leaves no half-written file once it runs again, whichever git call it died at', async () => {
    const [ana, ben] = team.clones;
    await addEntry(ana, 'start');
    await syncMateOk(ana);
    // How many git calls one sync makes that sends a change and receives one.
    const counter = path.join(team.root, 'count');
    await addEntry(ben, 'ben 0');
    await syncMateOk(ben);
    await addEntry(ana, 'ana 0');
    const shim = await killingGit(path.join(team.root, 'shim-count'), counter, -1);
    assert.equal(runCli(ana.dir, shim).code, 0);
    const calls = Number(await readFile(counter, 'utf8'));
    assert.ok(calls >= 8, `a sync makes ${calls} git calls`);

    const expected = new Set(['start', 'ben 0', 'ana 0']);
    for (let killAt = 1; killAt <= calls; killAt++) {
      await addEntry(ben, `ben ${killAt}`);
      await syncMateOk(ben);
      await addEntry(ana, `ana ${killAt}`);
      expected.add(`ben ${killAt}`).add(`ana ${killAt}`);
      await rm(counter, { force: true });
      const killed = runCli(ana.dir, await killingGit(path.join(team.root, `shim-${killAt}`), counter, killAt));
      assert.equal(killed.signal, 'SIGKILL', `the sync was killed at git call ${killAt}: ${killed.stderr}`);
      const text = await readFile(backlogPath(ana), 'utf8');
      assert.ok(parseBacklog(text).ok, `after a kill at call ${killAt} the working copy still parses`);
      const again = runCli(ana.dir, '/nonexistent');
      assert.equal(again.code, 0, `the sync after a kill at call ${killAt} succeeds: ${again.stderr}`);
      const titles = (await readBacklog(ana)).entries.map((e) => e.title);
      assert.deepEqual(titles.sort(), [...expected].sort(), `nothing lost after a kill at call ${killAt}`);
    }
    await syncMateOk(ben);
    assert.deepEqual((await readBacklog(ben)).entries.map((e) => e.title).sort(), [...expected].sort(), 'and everything reached the teammate');
    const leftovers = (await readdir(ana.dir)).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, [], 'no temporary file is left behind');
    const reports = (await readdir(path.join(ana.dir, '.git'))).filter((name) => name.startsWith('fast_import_crash_'));
    assert.deepEqual(reports, [], 'no git command started ahead left a crash report');
  });
});
