import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../src/cli/cliErrors';
import { costFromFlags, draftFromFlags, checkDraft } from '../../src/cli/draftFlags';
import { entryByRef } from '../../src/cli/entryRef';
import { wantsColor } from '../../src/cli/output';
import { terminalBlock, terminalLine } from '../../src/cli/terminalText';
import { configFolder, tokenFileOf } from '../../src/cli/voteTokenFile';
import { createEntry } from '../../src/core/model/entries';
import { emptyBacklog, emptyDraft, type Backlog } from '../../src/core/model/model';
import { serializeBacklog } from '../../src/core/file/serialize';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

describe('the command line for people: arguments', () => {
  it('turns add flags into the form\'s draft, cost included', () => {
    const draft = draftFromFlags({ title: ' Standup ', kind: 'ritual-process', reason: ['fear', 'fear'], speakUp: 'Daily', hours: '0,5', times: '5', per: 'week', people: '8' }, false);
    assert.equal(draft.kind, 'ritual-process');
    assert.deepEqual(draft.cost, { hoursPerOccurrence: 0.5, occurrences: 5, per: 'week', people: 8 });
    assert.equal(draft.smart.speakUp, 'Daily');
    assert.equal(draft.anonymous, false);
    assert.equal(draftFromFlags({ title: 'x' }, true).anonymous, true, 'stupidWork.anonymousByDefault applies when no flag says');
    assert.equal(draftFromFlags({ title: 'x', anonymous: false }, true).anonymous, false, '--no-anonymous wins over the setting');
  });

  it('refuses what the form refuses, with the form\'s words, as a usage error', () => {
    assert.throws(() => checkDraft(draftFromFlags({ title: '   ' }, false)), (e: Error) => e instanceof UsageError && /title/i.test(e.message));
    assert.throws(() => checkDraft(draftFromFlags({ title: 'x'.repeat(301) }, false)), (e: Error) => e instanceof UsageError && /301/.test(e.message));
    assert.throws(() => draftFromFlags({ title: 'x', kind: 'meeting' }, false), /--kind "meeting" is not one of: unused-report/);
    assert.throws(() => draftFromFlags({ title: 'x', reason: ['laziness'] }, false), /--reason "laziness"/);
  });

  it('takes a cost only whole: hours and times together, in range, people a whole number', () => {
    assert.equal(costFromFlags({}), undefined);
    assert.throws(() => costFromFlags({ hours: '2' }), /needs both --hours .* and --times/);
    assert.throws(() => costFromFlags({ per: 'month' }), /needs both/);
    assert.throws(() => costFromFlags({ hours: 'two', times: '1' }), /--hours "two" is not a number/);
    assert.throws(() => costFromFlags({ hours: '-1', times: '1' }), /--hours "-1" is below/);
    assert.throws(() => costFromFlags({ hours: '1', times: '99999' }), /--times "99999" is above/);
    assert.throws(() => costFromFlags({ hours: '1', times: '1', people: '2.5' }), /--people "2.5" must be a whole number/);
    assert.throws(() => costFromFlags({ hours: '1', times: '1', per: 'fortnight' }), /--per "fortnight" is not one of: day, week/);
    assert.deepEqual(costFromFlags({ hours: '1,000', times: '1' }), { hoursPerOccurrence: 1000, occurrences: 1, per: 'week', people: 1 });
  });

  it('finds an entry by its id or a prefix only it has, case ignored, and says which ones a short prefix fits', () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const a = createEntry({ ...emptyDraft(), title: 'One' }, { name: 'a' }, now);
    const b = createEntry({ ...emptyDraft(), title: 'Two' }, { name: 'a' }, now);
    const backlog: Backlog = { ...emptyBacklog(), entries: [a, b] };
    assert.equal(entryByRef(backlog, a.id.toLowerCase()).id, a.id);
    const unique = [...Array(a.id.length).keys()].map((n) => a.id.slice(0, n + 1)).find((p) => !b.id.startsWith(p)) as string;
    assert.equal(entryByRef(backlog, unique).id, a.id);
    assert.throws(() => entryByRef(backlog, a.id.slice(0, 10)), /fits 2 entries: .*"One".*"Two".*Type more of the id/);
    assert.throws(() => entryByRef(backlog, a.id.slice(0, 3)), /There is no entry with id/, 'a prefix this short names nothing');
    assert.throws(() => entryByRef(backlog, 'ZZZZZZZZ'), /There is no entry with id "ZZZZZZZZ"/);
  });

  it('colours only a terminal, and never when NO_COLOR is set to something', () => {
    assert.equal(wantsColor({ isTTY: true }, {}), true);
    assert.equal(wantsColor({ isTTY: false }, {}), false);
    assert.equal(wantsColor({}, {}), false);
    assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset (no-color.org)');
    assert.equal(wantsColor({ isTTY: true }, { TERM: 'dumb' }), false);
  });

  it('prints file text without escape sequences or controls that would act on the terminal', () => {
    assert.equal(terminalLine('Report\u001b[2J\u001b]0;pwned\u0007 done'), 'Report [2J ]0;pwned done');
    assert.equal(terminalLine('a\u009b31mb'), 'a 31mb', 'the one-byte C1 control sequence introducer too');
    assert.equal(terminalBlock('line one\n\u001b[31mline two\r\nthree'), 'line one\n[31mline two\nthree');
    assert.match(terminalLine('abc \u202Eevil'), /^\u2068abc \u202Eevil\u202C\u2069$/, 'a right-to-left override is isolated and closed');
  });

  it('keeps vote tokens in the user\'s configuration folder, one file per backlog', () => {
    assert.equal(configFolder({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux'), '/x/cfg/stupid-work');
    assert.equal(configFolder({ XDG_CONFIG_HOME: 'relative' }, 'linux').endsWith(path.join('.config', 'stupid-work')), true, 'a relative XDG_CONFIG_HOME is ignored, as the spec says');
    assert.match(configFolder({}, 'darwin'), /Library[/\\]Application Support[/\\]stupid-work$/);
    assert.equal(configFolder({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32'), path.join('C:\\Users\\a\\AppData\\Roaming', 'stupid-work'));
    const env = { XDG_CONFIG_HOME: '/x/cfg' };
    assert.notEqual(tokenFileOf('/repo/a/stupid-work.json', env), tokenFileOf('/repo/b/stupid-work.json', env));
    assert.equal(tokenFileOf('/repo/a/../a/stupid-work.json', env), tokenFileOf('/repo/a/stupid-work.json', env));
  });
});

describe('the command line for people: exit codes', function () {
  this.timeout(30000);
  let dir: string;

  function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  before(function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds before this layer)');
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stupid-work-cli-'));
    spawnSync('git', ['init', '-q'], { cwd: dir });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('documents an example and the exit codes in every command\'s help, and exits 0', () => {
    for (const command of ['add', 'list', 'show', 'vote', 'unvote', 'comment', 'summary', 'export']) {
      const help = cli(command, '--help');
      assert.equal(help.code, 0, command);
      assert.match(help.stdout, /Examples?:\n {2}\$ stupid-work /, `${command} --help has an example`);
      assert.match(help.stdout, /Exit codes:\n {2}0 {2}done\n {2}1 .*\n {2}2 .*\n {2}3 /, `${command} --help lists the exit codes`);
    }
  });

  it('exits 2 for a wrong command line or a question with no terminal, and writes nothing', () => {
    for (const args of [['add'], ['add', '--title', 'x', '--kind', 'meeting'], ['add', '--title', 'x', '--hours', '2'], ['add', '--title', ' '], ['list', '--sort', 'name'], ['export', 'xml'], ['comment', '01JD']]) {
      const run = cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.notEqual(run.stderr, '', `${args.join(' ')} says why`);
    }
    assert.equal(existsSync(path.join(dir, 'stupid-work.json')), false, 'no refused add wrote a file');
  });

  it('exits 1 for an unknown entry, a refused change or a file that does not parse, and leaves the file as it was', async () => {
    const added = cli('add', '--title', 'Weekly report', '--json');
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stderr, /saved here only: .*no remote/, 'a backlog with nobody to share with stays local, and says so');
    for (const args of [['show', 'ZZZZZZZZ'], ['vote', 'ZZZZZZZZ'], ['unvote', 'ZZZZZZZZ'], ['comment', 'ZZZZZZZZ', 'text'], ['summary']]) {
      const run = cli(...args);
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^stupid-work: \S.*\n$/, `${args.join(' ')} gives a one-line reason`);
    }
    const broken = '{ "version": 1, "entries": [ { "id": 5 } ] }\n';
    await writeFile(path.join(dir, 'stupid-work.json'), broken);
    for (const args of [['add', '--title', 'Another'], ['list'], ['vote', 'ABCD']]) {
      const run = cli(...args);
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /stupid-work\.json.*line 1, column \d+: .*stupid-work check/);
    }
    assert.equal(await readFile(path.join(dir, 'stupid-work.json'), 'utf8'), broken, 'a file that does not parse is never overwritten');
  });

  it('exits 0 for what it did, with data as JSON and an empty list said plainly', async () => {
    assert.equal(cli('list').stdout, 'No entries match.\n');
    assert.deepEqual(JSON.parse(cli('list', '--json').stdout), []);
    const entry = createEntry({ ...emptyDraft(), title: 'Seeded', kind: 'trivia' }, { name: 'a' }, new Date());
    await writeFile(path.join(dir, 'stupid-work.json'), serializeBacklog({ ...emptyBacklog(), entries: [entry] }));
    const listed = cli('list', '--json', '--kind', 'trivia');
    assert.equal(listed.code, 0);
    assert.deepEqual((JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id), [entry.id]);
    assert.match(cli('list').stdout, /Seeded/);
    const exported = cli('export', 'json');
    assert.equal(exported.code, 0);
    assert.equal((JSON.parse(exported.stdout) as Backlog).entries[0].title, 'Seeded');
    assert.ok(!cli('export', 'csv').stdout.startsWith('\uFEFF'), 'no byte order mark on stdout unless asked');
    assert.ok(cli('export', 'csv', '--bom').stdout.startsWith('\uFEFF'));
  });
  it('stops quietly when the reader of its output closes the pipe early', async function () {
    if (process.platform === 'win32') this.skip();
    const entries = Array.from({ length: 400 }, (_, i) => createEntry({ ...emptyDraft(), title: `Entry ${i}` }, { name: 'a' }, new Date()));
    await writeFile(path.join(dir, 'stupid-work.json'), serializeBacklog({ ...emptyBacklog(), entries }));
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" export json | head -c 1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config') } });
    assert.equal(piped.stdout, '{');
    assert.equal(piped.stderr, '', 'no EPIPE stack trace');
  });
});
