import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createEntry, upsertEntry } from '../../src/core/entries';
import { emptyBacklog, emptyDraft } from '../../src/core/model';
import { parseBacklog } from '../../src/core/parse';
import { serializeBacklog } from '../../src/core/serialize';
import { createTeam, type Team, type Teammate } from './teamRepos';

const FILE = 'stupid-work.json';

async function addEntry(mate: Teammate, title: string): Promise<void> {
  const file = path.join(mate.dir, FILE);
  const current = await readFile(file, 'utf8').then((text) => {
    const parsed = parseBacklog(text);
    assert.ok(parsed.ok);
    return parsed.backlog;
  }, () => emptyBacklog());
  const entry = createEntry({ ...emptyDraft(), title }, { name: mate.name }, new Date());
  await writeFile(file, serializeBacklog(upsertEntry(current, entry)));
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
    await addEntry(ana, 'Weekly status deck nobody opens');
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
    await addEntry(ana, 'Ritual stand-up that runs 45 minutes');
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
    await addEntry(ana, 'Seed');
    await ana.git.push('origin', 'main', ['--set-upstream']);
    await ben.git.pull('origin', 'main');
    await addEntry(ana, 'Copying numbers from one spreadsheet to another');
    await ana.git.push('origin', 'main');
    await addEntry(ben, 'Approval chain for a typo fix');
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
