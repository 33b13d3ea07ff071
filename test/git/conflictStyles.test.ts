import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveConflictMarkers } from '../../src/core/merge/merge';
import type { Entry } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { makeEntry } from '../unit/fixtures';

const ID_A = '01JH0000000000000000000000';
const ID_B = '01JH0000000000000000000001';
const ID_C = '01JH0000000000000000000002';
const ID_D = '01JH0000000000000000000003';
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;

/** One repository with no driver, so git merges the backlog line by line in the conflict style given. */
class Repo {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: 'pipe' });
  }

  /** A merge expected to stop on the backlog; the file git left behind. */
  async conflictedMerge(rev: string): Promise<string> {
    const result = spawnSync('git', ['merge', '--no-edit', rev], { cwd: this.dir, encoding: 'utf8' });
    assert.notEqual(result.status, 0, 'git stops on a conflict');
    assert.equal(this.git('diff', '--name-only', '--diff-filter=U').trim(), 'stupid-work.json');
    return readFile(path.join(this.dir, 'stupid-work.json'), 'utf8');
  }

  async commit(message: string, ...entries: Entry[]): Promise<void> {
    await writeFile(path.join(this.dir, 'stupid-work.json'), serializeBacklog({ version: 1, entries, retros: [] }));
    this.git('add', 'stupid-work.json');
    this.git('commit', '-q', '-m', message);
  }
}

function entries(text: string): Entry[] {
  const parsed = parseBacklog(text);
  assert.ok(parsed.ok, 'the repair parses');
  return parsed.backlog.entries;
}

describe('Resolve Conflict Markers on what real git writes', function () {
  this.timeout(60000);
  let repo: Repo;

  beforeEach(async () => {
    repo = new Repo(await mkdtemp(path.join(tmpdir(), 'stupid-work-styles-')));
    repo.git('init', '-q', '--initial-branch=main');
    repo.git('config', 'user.name', 'Ana');
    repo.git('config', 'user.email', 'ana@example.com');
  });
  afterEach(async () => {
    await rm(repo.dir, { recursive: true, force: true });
  });

  it('repairs a diff3 conflict from a criss-cross history, whose base holds git\'s nested "Temporary merge branch" markers', async () => {
    repo.git('config', 'merge.conflictStyle', 'diff3');
    const seed = makeEntry({ id: ID_A, title: 'Seed', updated: at(1) });
    const kept = makeEntry({ id: ID_D, title: 'Deleted on one side later', updated: at(1) });
    await repo.commit('Seed', seed, kept);
    repo.git('branch', 'two');
    await repo.commit('One', { ...seed, title: 'One', updated: at(2) }, kept);
    repo.git('branch', 'one');
    repo.git('checkout', '-q', 'two');
    await repo.commit('Two', { ...seed, title: 'Two', updated: at(3) }, kept);
    // Each branch merges the other's first commit, so the next merge has two merge bases.
    await repo.conflictedMerge('one');
    await repo.commit('Merge one', { ...seed, title: 'Two', updated: at(3) }, kept);
    repo.git('checkout', '-q', 'main');
    await repo.conflictedMerge('two~1');
    await repo.commit('Merge two', { ...seed, title: 'Two', updated: at(3) }, kept);
    await repo.commit('Ours: retitle, delete D', { ...seed, title: 'Ours', updated: at(5) });
    repo.git('checkout', '-q', 'two');
    await repo.commit('Theirs: vote', { ...seed, title: 'Two', updated: at(4), votes: ['ben@example.com'] }, kept);
    repo.git('checkout', '-q', 'main');
    assert.equal(repo.git('merge-base', '--all', 'main', 'two').trim().split('\n').length, 2, 'a criss-cross history');

    const conflicted = await repo.conflictedMerge('two');
    assert.match(conflicted, /^<{9} Temporary merge branch 1$/m, 'git nested the virtual base\'s own conflict');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.base.kind, 'nested');
    const [a, ...rest] = entries(result.text);
    assert.equal(a.title, 'Ours');
    assert.deepEqual(a.votes, ['ben@example.com']);
    assert.deepEqual(rest, [], 'the entry ours deleted stays deleted, so the virtual base was used');
  });

  it('repairs zdiff3 markers of two added entries, whose rebuilt base is not the real one', async () => {
    repo.git('config', 'merge.conflictStyle', 'zdiff3');
    const a = makeEntry({ id: ID_A, updated: at(1) });
    await repo.commit('Seed', a);
    repo.git('checkout', '-q', '-b', 'theirs');
    await repo.commit('Theirs adds C', a, makeEntry({ id: ID_C, title: 'Theirs' }));
    repo.git('checkout', '-q', 'main');
    await repo.commit('Ours adds B', a, makeEntry({ id: ID_B, title: 'Ours' }));

    const conflicted = await repo.conflictedMerge('theirs');
    assert.match(conflicted, /^\|{7} /m, 'git wrote a base section');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.base.kind, 'unreadable');
    assert.deepEqual(entries(result.text).map((e) => e.id), [ID_A, ID_B, ID_C]);
  });

  it('repairs markers of the length a conflict-marker-size attribute sets', async () => {
    await writeFile(path.join(repo.dir, '.gitattributes'), 'stupid-work.json conflict-marker-size=12\n');
    repo.git('add', '.gitattributes');
    const a = makeEntry({ id: ID_A, updated: at(1) });
    await repo.commit('Seed', a);
    repo.git('checkout', '-q', '-b', 'theirs');
    await repo.commit('Theirs retitles', { ...a, title: 'Theirs', updated: at(3) });
    repo.git('checkout', '-q', 'main');
    await repo.commit('Ours retitles', { ...a, title: 'Ours', updated: at(2) });

    const conflicted = await repo.conflictedMerge('theirs');
    assert.match(conflicted, /^<{12} HEAD$/m);
    const read = parseBacklog(conflicted);
    assert.equal(read.ok ? 'ok' : read.problem.code, 'conflict', 'the file is reported as conflicted, so the repair is offered');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    const [merged] = entries(result.text);
    assert.equal(merged.title, 'Theirs', 'the later edit wins');
    assert.deepEqual(merged.history?.map((h) => h.value), ['Ours'], 'the other stays in history');
  });
});
