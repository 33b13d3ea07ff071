import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { addEntry, backlogPath, createTeam, readBacklog, seedCode, type Team, type Teammate } from './teamRepos';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

/** Runs the built command line as a person would, with no terminal on stdin. */
function cli(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the stupid-work command line, end to end', function () {
  this.timeout(60000);
  let team: Team;
  let ana: Teammate;
  let ben: Teammate;

  before(function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds before this layer)');
  });
  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
    [ana, ben] = team.clones;
    await seedCode(team);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('syncs between two clones and tells the status at each step, as text and as JSON', async () => {
    await addEntry(ana, 'Ana: from a terminal');
    assert.equal((JSON.parse(cli(ana.dir, 'status', '--json').stdout) as { state: string }).state, 'not-shared');

    const refused = cli(ana.dir, 'sync');
    assert.equal(refused.code, 1, 'without a terminal, creating the branch needs --yes');
    assert.match(refused.stderr, /Create the branch stupid-work on origin .*--yes/);

    const created = cli(ana.dir, 'sync', '--yes');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^Synced stupid-work\.json with origin\/stupid-work: created the branch stupid-work on origin; your changes went out\.\n$/);
    assert.equal(cli(ana.dir, 'status').stdout, 'In sync with origin/stupid-work.\n');

    const status = JSON.parse(cli(ben.dir, 'status', '--json').stdout) as { state: string; incoming: { added: number } };
    assert.equal(status.state, 'incoming');
    assert.equal(status.incoming.added, 1);
    const received = cli(ben.dir, 'sync');
    assert.equal(received.code, 0, received.stderr);
    assert.match(received.stdout, /teammates' changes came in/);
    assert.deepEqual((await readBacklog(ben)).entries.map((e) => e.title), ['Ana: from a terminal']);

    await addEntry(ben, 'Ben: waiting to go out');
    assert.equal(cli(ben.dir, 'status', '--no-fetch').stdout, 'Changes waiting to go out to origin/stupid-work: 1 added.\n');
  });

  it('runs from a subfolder and reads the folder\'s .vscode/settings.json, which flags override', async () => {
    await mkdir(path.join(ana.dir, '.vscode'), { recursive: true });
    await writeFile(path.join(ana.dir, '.vscode', 'settings.json'), '{\n  // the team\'s choice\n  "stupidWork.dataFile": "team/backlog.json",\n  "stupidWork.sync.branch": "team/backlog",\n}\n');
    await mkdir(path.join(ana.dir, 'team'), { recursive: true });
    await mkdir(path.join(ana.dir, 'src', 'deep'), { recursive: true });
    await writeFile(path.join(ana.dir, 'team', 'backlog.json'), '{ "version": 1, "entries": [] }\n');
    const synced = cli(path.join(ana.dir, 'src', 'deep'), 'sync', '--yes');
    assert.equal(synced.code, 0, synced.stderr);
    assert.ok(spawnSync('git', ['rev-parse', '--verify', 'refs/heads/team/backlog:team/backlog.json'], { cwd: team.remote }).status === 0, 'the file went to the configured branch, at its path');
    const other = cli(ana.dir, 'status', '--json', '--branch', 'elsewhere');
    assert.equal((JSON.parse(other.stdout) as { state: string }).state, 'not-shared', 'a flag overrides the setting');
  });

  it('checks a file like the editor, with line and column, as text or GitHub annotations', async () => {
    await addEntry(ana, 'Valid');
    const ok = cli(ana.dir, 'check');
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, 'stupid-work.json: 1 entry, no problems.\n');
    await addEntry(ana, 'Also valid');
    assert.equal(cli(ana.dir, 'check').stdout, 'stupid-work.json: 2 entries, no problems.\n');
    await writeFile(backlogPath(ana), '{\n  "version": 1,\n  "entries": [ { "id": 5 } ]\n}\n');
    const bad = cli(ana.dir, 'check', 'stupid-work.json');
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^stupid-work\.json:3:16: entries\[0\]: missing required field "title"\n$/);
    const github = cli(ana.dir, 'check', '--format', 'github');
    assert.equal(github.code, 1);
    assert.equal(github.stdout, '::error file=stupid-work.json,line=3,col=16,title=Stupid Work backlog::entries[0]: missing required field "title"\n');
    assert.equal(cli(ana.dir, 'check', 'missing.json').code, 1);
  });

  it('checks a field written twice and a hand-written time only one machine could read, with line and column', async () => {
    await writeFile(backlogPath(ana), '{\n  "version": 1,\n  "entries": [],\n  "entries": []\n}\n');
    const repeated = cli(ana.dir, 'check');
    assert.equal(repeated.code, 1);
    assert.match(repeated.stdout, /^stupid-work\.json:4:3: top level: the field "entries" appears twice in one object \(first at line 3, column 3\)/);
    await writeFile(backlogPath(ana), '{\n  "items": [\n    { "title": "Standup", "created": "2026-03-02 09:00" }\n  ]\n}\n');
    const handWritten = cli(ana.dir, 'check', '--format', 'github');
    assert.equal(handWritten.code, 1);
    assert.match(handWritten.stdout, /^::error file=stupid-work\.json,line=3,col=38,title=Stupid Work backlog::entries\[0\]\.created: "2026-03-02 09:00" is not a full ISO 8601 time/);
  });

  it('repairs a file with conflict markers, keeping both sides', async () => {
    const base = { version: 1, entries: [] as unknown[] };
    const entry = (id: string, title: string) => ({ id, title, kind: 'other', created: '2026-11-20T10:00:00.000Z', updated: '2026-11-20T10:00:00.000Z', status: 'open' });
    const ours = JSON.stringify({ ...base, entries: [entry('01JH0000000000000000000001', 'Ours')] }, null, 2).split('\n');
    const theirs = JSON.stringify({ ...base, entries: [entry('01JH0000000000000000000002', 'Theirs')] }, null, 2).split('\n');
    await writeFile(backlogPath(ana), ['<<<<<<< HEAD', ...ours, '=======', ...theirs, '>>>>>>> theirs', ''].join('\n'));
    const repaired = cli(ana.dir, 'repair');
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.match(repaired.stdout, /^Repaired stupid-work\.json: 1 conflict, both sides merged entry by entry, 0 concurrent edits kept/);
    assert.deepEqual((await readBacklog(ana)).entries.map((e) => e.title).sort(), ['Ours', 'Theirs']);
    const clean = cli(ana.dir, 'repair');
    assert.match(clean.stdout, /no conflict markers; nothing to repair/);
  });

  it('exits 2 on a wrong command line and 1 with a one-line reason when a sync stops', async () => {
    const usage = cli(ana.dir, 'sync', '--frobnicate');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown option/);
    assert.equal(cli(ana.dir, 'status', '--commit-as', 'someone').code, 2);
    const nothing = cli(ana.dir, 'sync', '--yes');
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /^stupid-work: There is no backlog yet, neither in stupid-work\.json nor on the branch stupid-work of origin\./);
    await addEntry(ana, 'Ana: offline');
    spawnSync('git', ['remote', 'set-url', 'origin', 'http://127.0.0.1:9/none.git'], { cwd: ana.dir });
    const offline = cli(ana.dir, 'sync', '--yes');
    assert.equal(offline.code, 1);
    assert.equal(offline.stderr.trim().split('\n').length, 1);
    assert.match(offline.stderr, /^stupid-work: origin .* cannot be reached/);
    assert.match(await readFile(backlogPath(ana), 'utf8'), /Ana: offline/);
    const help = cli(ana.dir, 'check', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Example/);
  });
});
