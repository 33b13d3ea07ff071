import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { upsertEntry } from '../../src/core/entries';
import { parseBacklog } from '../../src/core/parse';
import { serializeBacklog } from '../../src/core/serialize';
import { addEntry, BACKLOG_FILE, createTeam, type Team, type Teammate } from './teamRepos';

const FILE = BACKLOG_FILE;

async function commitEntry(mate: Teammate, title: string): Promise<void> {
  await addEntry(mate, title);
  await mate.git.add(FILE);
  await mate.git.commit(`Flag: ${title}`);
}

describe('the backlog file in real git repositories', function () {
  this.timeout(30000);
  let team: Team;

  beforeEach(async () => {
    team = await createTeam(['ana', 'ben']);
  });
  afterEach(async () => {
    await team.cleanup();
  });

  it('reaches a teammate byte for byte through a bare remote', async () => {
    const [ana, ben] = team.clones;
    await commitEntry(ana, 'Weekly status deck nobody opens');
    await ana.git.push('origin', 'main', ['--set-upstream']);
    await ben.git.pull('origin', 'main');
    const sent = await readFile(path.join(ana.dir, FILE), 'utf8');
    const received = await readFile(path.join(ben.dir, FILE), 'utf8');
    assert.equal(received, sent);
    const parsed = parseBacklog(received);
    assert.ok(parsed.ok);
    assert.equal(parsed.backlog.entries[0].title, 'Weekly status deck nobody opens');
    assert.equal(serializeBacklog(parsed.backlog), received, 'rewriting an unchanged file changes no byte');
  });

  it('a one-field edit is a one-line diff in git', async () => {
    const [ana] = team.clones;
    await commitEntry(ana, 'Ritual stand-up that runs 45 minutes');
    const file = path.join(ana.dir, FILE);
    const parsed = parseBacklog(await readFile(file, 'utf8'));
    assert.ok(parsed.ok);
    const [entry] = parsed.backlog.entries;
    await writeFile(file, serializeBacklog(upsertEntry(parsed.backlog, { ...entry, triage: 'now' })));
    const stat = await ana.git.diffSummary();
    assert.equal(stat.files.length, 1);
    const changed = stat.files[0];
    assert.ok('insertions' in changed);
    assert.equal(changed.insertions, 1);
    assert.equal(changed.deletions, 1);
  });

  it('a line-merge conflict is reported with its line, never read as data', async () => {
    const [ana, ben] = team.clones;
    await commitEntry(ana, 'Seed');
    await ana.git.push('origin', 'main', ['--set-upstream']);
    await ben.git.pull('origin', 'main');
    await commitEntry(ana, 'Copying numbers from one spreadsheet to another');
    await ana.git.push('origin', 'main');
    await commitEntry(ben, 'Approval chain for a typo fix');
    await ben.git.fetch();
    await assert.rejects(ben.git.merge(['origin/main']));
    const text = await readFile(path.join(ben.dir, FILE), 'utf8');
    const parsed = parseBacklog(text);
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok);
    assert.equal(parsed.problem.code, 'conflict');
    const markerLine = text.split('\n').findIndex((line) => line.startsWith('<<<<<<< ')) + 1;
    assert.equal(parsed.problem.line, markerLine);
  });
});
