import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { archiveEntry, upsertEntry } from '../../src/core/model/entries';
import { mergeBacklogTexts } from '../../src/core/merge/merge';
import type { Backlog } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { namedToggle } from '../unit/fixtures';
import { serializeBacklog } from '../../src/core/file/serialize';
import { addEntry, BACKLOG_FILE, createTeam, type Team, type Teammate } from './teamRepos';

const FILE = BACKLOG_FILE;

/** Merges the backlog from git's three index stages, as Sync and the merge driver do after a line conflict. */
async function mergeStages(mate: Teammate): Promise<Backlog> {
  const stage = (n: number) => mate.git.show([`:${n}:${FILE}`]);
  const result = mergeBacklogTexts(await stage(1), await stage(2), await stage(3));
  assert.ok(result.ok, result.ok ? '' : english(result.message));
  const merged = parseBacklog(result.text);
  assert.ok(merged.ok);
  return merged.backlog;
}

/** Changes a teammate's backlog through the core and commits it. */
async function commitChange(mate: Teammate, message: string, change: (backlog: Backlog) => Backlog): Promise<void> {
  const file = path.join(mate.dir, FILE);
  const parsed = parseBacklog(await readFile(file, 'utf8'));
  assert.ok(parsed.ok);
  await writeFile(file, serializeBacklog(change(parsed.backlog)));
  await mate.git.commit(message, [FILE]);
}

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

  it('a union merge that repeats a card\'s fields is reported with line and column, never read as data', async () => {
    const [ana, ben] = team.clones;
    await writeFile(path.join(ana.dir, '.gitattributes'), '*.json merge=union\n');
    await ana.git.add('.gitattributes');
    await commitEntry(ana, 'Status meeting that could be an email');
    await ana.git.push('origin', 'main', ['--set-upstream']);
    await ben.git.pull('origin', 'main');
    const move = async (mate: Teammate, list: 'now' | 'someday', at: string) => {
      const file = path.join(mate.dir, FILE);
      const parsed = parseBacklog(await readFile(file, 'utf8'));
      assert.ok(parsed.ok);
      const [entry] = parsed.backlog.entries;
      await writeFile(file, serializeBacklog(upsertEntry(parsed.backlog, { ...entry, triage: list, updated: at })));
      await mate.git.commit(`Move to ${list}`, [FILE]);
    };
    await move(ana, 'now', '2026-03-02T09:00:00.000Z');
    await ana.git.push('origin', 'main');
    await move(ben, 'someday', '2026-03-02T10:00:00.000Z');
    await ben.git.fetch();
    await ben.git.merge(['origin/main']);
    assert.equal((await ben.git.status()).conflicted.length, 0, 'git merged the file without a conflict');

    const text = await readFile(path.join(ben.dir, FILE), 'utf8');
    assert.doesNotThrow(() => JSON.parse(text), 'the merged text is still JSON, which is what makes it dangerous');
    const parsed = parseBacklog(text);
    assert.ok(!parsed.ok, 'the merged file is refused, not read with one teammate\'s move missing');
    assert.equal(parsed.problem.code, 'duplicate-key');
    const lines = text.split('\n');
    const key = lines[parsed.problem.line - 1].slice(parsed.problem.column - 1).match(/^"(\w+)":/)?.[1];
    assert.ok(key && ['updated', 'status', 'triage'].includes(key), `the reported place holds a repeated field: ${lines[parsed.problem.line - 1]}`);
    const earlier = lines.slice(0, parsed.problem.line - 1).findIndex((line) => line.trimStart().startsWith(`"${key}":`)) + 1;
    assert.ok(earlier > 0, 'the same field appears earlier in the entry');
    assert.match(english(parsed.problem.message), new RegExp(`"${key}" appears twice in one object \\(first at line ${earlier}, column 7\\)`));
  });

  it('a hand-written file without ids migrates alike on every clone, so two "me too"s merge into one entry', async () => {
    const [ana, ben] = team.clones;
    const handWritten = '{\n  "items": [\n    { "title": "Copying KPIs into slides", "created": "2026-03-02" },\n    { "title": "Approval for typo fixes", "created": "2026-03-03" }\n  ]\n}\n';
    await writeFile(path.join(ana.dir, FILE), handWritten);
    await ana.git.add(FILE);
    await ana.git.commit('Our first backlog, by hand');
    await ana.git.push('origin', 'main', ['--set-upstream']);
    await ben.git.pull('origin', 'main');
    const meToo = (mate: Teammate) =>
      commitChange(mate, 'Me too', (backlog) => {
        const first = backlog.entries.find((e) => e.title === 'Copying KPIs into slides');
        assert.ok(first);
        const voted = namedToggle(backlog, first.id, `${mate.name}@example.com`, undefined, new Date('2026-03-04T09:00:00.000Z'));
        assert.ok(voted.ok);
        return voted.backlog;
      });
    await meToo(ana);
    await ana.git.push('origin', 'main');
    await meToo(ben);
    await ben.git.fetch();
    await assert.rejects(ben.git.merge(['origin/main']), 'both rewrote the file, so git stops with a conflict');
    const merged = await mergeStages(ben);
    assert.deepEqual(
      merged.entries.map((e) => [e.title, e.votes]),
      [
        ['Copying KPIs into slides', ['ana@example.com', 'ben@example.com']],
        ['Approval for typo fixes', []],
      ],
    );
  });

  it('an archive is a decision: a "me too" from a teammate who had not synced is kept, and the entry stays archived', async () => {
    const [lead, mate] = team.clones;
    await commitEntry(lead, 'Quarterly slide deck for the steering group');
    await lead.git.push('origin', 'main', ['--set-upstream']);
    await mate.git.pull('origin', 'main');
    await commitChange(lead, 'Archive the deck', (backlog) => upsertEntry(backlog, archiveEntry(backlog.entries[0], new Date('2026-03-04T09:00:00.000Z'))));
    await lead.git.push('origin', 'main');
    await commitChange(mate, 'Me too', (backlog) => {
      const voted = namedToggle(backlog, backlog.entries[0].id, 'mate@example.com', undefined, new Date('2026-03-04T10:00:00.000Z'));
      assert.ok(voted.ok);
      return voted.backlog;
    });
    await mate.git.fetch();
    await assert.rejects(mate.git.merge(['origin/main']));
    const [entry] = (await mergeStages(mate)).entries;
    assert.equal(entry.status, 'archived', 'the vote did not reopen it');
    assert.deepEqual(entry.votes, ['mate@example.com'], 'the vote is kept');
    assert.equal(entry.history, undefined);
  });
});
