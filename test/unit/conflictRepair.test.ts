import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { splitConflictMarkers } from '../../src/core/file/conflictMarkers';
import { mergeBacklogTexts, resolveConflictMarkers } from '../../src/core/merge/merge';
import type { Backlog, Entry } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { ID_A, ID_B, ID_C, ID_D, makeEntry, T0, T1, T2, T3 } from './fixtures';

function text(...entries: Entry[]): string {
  return serializeBacklog({ version: 1, entries, retros: [] });
}

type Style = 'merge' | 'diff3' | 'zdiff3';

/**
 * One hunk around the lines where the versions differ, written as git does in each conflict style
 * (git-merge(1), "How conflicts are presented"): zdiff3 moves lines both sides share out of the hunk.
 */
function conflicted(versions: { ours: string; base: string; theirs: string }, style: Style, size = 7, labels = ['HEAD', 'merged common ancestors', 'origin/main']): string {
  const [o, b, t] = [versions.ours, versions.base, versions.theirs].map((v) => v.split('\n'));
  const all = [o, b, t];
  let head = 0;
  while (all.every((x) => head < x.length && x[head] === o[head])) head++;
  let tail = 0;
  while (all.every((x) => tail < x.length - head && x[x.length - 1 - tail] === o[o.length - 1 - tail])) tail++;
  const [mo, mb, mt] = all.map((x) => x.slice(head, x.length - tail));
  const before = o.slice(0, head);
  const after = o.slice(o.length - tail);
  if (style === 'zdiff3') {
    while (mo.length > 0 && mt.length > 0 && mo[0] === mt[0]) {
      before.push(mo.shift() as string);
      mt.shift();
    }
    while (mo.length > 0 && mt.length > 0 && mo[mo.length - 1] === mt[mt.length - 1]) {
      after.unshift(mo.pop() as string);
      mt.pop();
    }
  }
  const baseSection = style === 'merge' ? [] : [`${'|'.repeat(size)} ${labels[1]}`, ...mb];
  return [...before, `${'<'.repeat(size)} ${labels[0]}`, ...mo, ...baseSection, '='.repeat(size), ...mt, `${'>'.repeat(size)} ${labels[2]}`, ...after].join('\n');
}

/** The virtual base git builds for a criss-cross history, with its own conflict in markers 2 longer. */
function virtualBase(size = 9): { text: string; resolved: Backlog } {
  const rootA = makeEntry({ id: ID_A, title: 'Base', updated: T0 });
  const d = makeEntry({ id: ID_D, title: 'Kept until ours deletes it', updated: T0 });
  const one = text({ ...rootA, title: 'One', updated: T1 }, d);
  const two = text({ ...rootA, title: 'Two', updated: T2 }, d);
  const nested = conflicted({ ours: one, base: text(rootA, d), theirs: two }, 'diff3', size, ['Temporary merge branch 1', '3c5323f', 'Temporary merge branch 2']);
  const resolved = mergeBacklogTexts(text(rootA, d), one, two);
  assert.ok(resolved.ok, 'the merge bases merge');
  return { text: nested, resolved: JSON.parse(resolved.text) as Backlog };
}

function entriesOf(result: { ok: true; text: string }): Entry[] {
  const parsed = parseBacklog(result.text);
  assert.ok(parsed.ok, 'the result parses');
  return parsed.backlog.entries;
}

describe('conflict-marker repair in every style git writes', () => {
  /** Ours renamed A and deleted D; theirs voted on A. Both descend from the virtual base. */
  function sides(base: Backlog): { ours: string; theirs: string } {
    const a = base.entries.find((e) => e.id === ID_A) as Entry;
    return { ours: text({ ...a, title: 'Ours', updated: T3 }), theirs: text({ ...a, votes: ['ben@example.com'] }, base.entries[1]) };
  }

  it('resolves the nested "Temporary merge branch" markers of a criss-cross diff3 base, and uses that base', () => {
    const base = virtualBase();
    const { ours, theirs } = sides(base.resolved);
    const result = resolveConflictMarkers(conflicted({ ours, base: base.text, theirs }, 'diff3'));
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.deepEqual(result.base, { kind: 'nested', hunks: 1 });
    const [a, ...rest] = entriesOf(result);
    assert.equal(a.title, 'Ours');
    assert.deepEqual(a.votes, ['ben@example.com']);
    assert.deepEqual(rest, [], 'the entry ours deleted stays deleted: the base was used');
    assert.deepEqual(result.conflicts, [], 'nothing was edited twice');
  });

  it('merges what a driver gets as a virtual base holding markers (a recursive merge whose inner merge conflicted)', () => {
    const base = virtualBase();
    const { ours, theirs } = sides(base.resolved);
    const result = mergeBacklogTexts(base.text, ours, theirs);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.deepEqual(result.base, { kind: 'nested', hunks: 1 });
    assert.deepEqual(entriesOf(result).map((e) => e.title), ['Ours']);
  });

  it('resolves deeper nesting, as more than two merge bases give', () => {
    const rootA = makeEntry({ id: ID_A, title: 'Root', updated: T0 });
    const deepest = conflicted({ ours: text({ ...rootA, title: 'X', updated: T1 }), base: text(rootA), theirs: text({ ...rootA, title: 'Y', updated: T2 }) }, 'diff3', 11);
    const middle = conflicted({ ours: text({ ...rootA, title: 'One', updated: T1 }), base: deepest, theirs: text({ ...rootA, title: 'Two', updated: T2 }) }, 'diff3', 9);
    const result = resolveConflictMarkers(conflicted({ ours: text({ ...rootA, title: 'Two', updated: T2, triage: 'now' }), base: middle, theirs: text({ ...rootA, title: 'Theirs', updated: T3 }) }, 'diff3'));
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.base.kind, 'nested');
    const [a] = entriesOf(result);
    assert.equal(a.title, 'Theirs');
    assert.equal(a.triage, 'now');
  });

  it('merges zdiff3 markers whose rebuilt base does not parse without that base, and says so', () => {
    const a = makeEntry({ id: ID_A, updated: T0 });
    const versions = { ours: text(a, makeEntry({ id: ID_B, title: 'Ours' })), base: text(a), theirs: text(a, makeEntry({ id: ID_C, title: 'Theirs' })) };
    const zdiff3 = conflicted(versions, 'zdiff3');
    const rebuilt = splitConflictMarkers(zdiff3)?.base;
    assert.ok(rebuilt !== undefined && !parseBacklog(rebuilt).ok, 'zdiff3 moved shared lines out, so the rebuilt base is not the real one');
    const result = resolveConflictMarkers(zdiff3);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.base.kind, 'unreadable');
    assert.match(result.base.kind === 'unreadable' ? english(result.base.message) : '', /^line \d+, column \d+: /);
    assert.deepEqual(entriesOf(result).map((e) => e.id), [ID_A, ID_B, ID_C]);
  });

  it('merges a nested base whose own sides cannot be read without it, and names the reason', () => {
    const rootA = makeEntry({ id: ID_A, updated: T0 });
    const broken = conflicted({ ours: '{ "version": 1, "entries": [', base: text(rootA), theirs: text({ ...rootA, title: 'Two', updated: T1 }) }, 'diff3', 9);
    const result = resolveConflictMarkers(conflicted({ ours: text({ ...rootA, title: 'Ours', updated: T2 }), base: broken, theirs: text(rootA, makeEntry({ id: ID_B })) }, 'diff3'));
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.base.kind, 'unreadable');
    assert.match(result.base.kind === 'unreadable' ? english(result.base.message) : '', /its own conflict markers could not be resolved \(ours: line 1/);
    assert.deepEqual(entriesOf(result).map((e) => e.title), ['Ours', makeEntry().title]);
  });

  it('says a two-way (merge-style) repair had no base, and uses a diff3 base when there is one', () => {
    const a = makeEntry({ id: ID_A, updated: T0 });
    const versions = { ours: text({ ...a, title: 'Ours', updated: T1 }), base: text(a, makeEntry({ id: ID_B })), theirs: text(a) };
    const twoWay = resolveConflictMarkers(conflicted(versions, 'merge'));
    assert.ok(twoWay.ok);
    assert.deepEqual(twoWay.base, { kind: 'none' });
    const threeWay = resolveConflictMarkers(conflicted(versions, 'diff3'));
    assert.ok(threeWay.ok);
    assert.deepEqual(threeWay.base, { kind: 'used' });
    assert.deepEqual(entriesOf(threeWay).map((e) => e.title), ['Ours'], 'B was deleted by both sides');
  });

  it('reads markers of a custom `conflict-marker-size`', () => {
    const a = makeEntry({ id: ID_A, updated: T0 });
    const result = resolveConflictMarkers(conflicted({ ours: text(a, makeEntry({ id: ID_B })), base: text(a), theirs: text(a, makeEntry({ id: ID_C })) }, 'diff3', 12));
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.equal(result.hunks, 1);
    assert.deepEqual(entriesOf(result).map((e) => e.id), [ID_A, ID_B, ID_C]);
  });

  it('still refuses a file whose ours or theirs cannot be read, naming the side', () => {
    const a = makeEntry({ id: ID_A, updated: T0 });
    const result = resolveConflictMarkers(conflicted({ ours: text(a), base: text(a), theirs: '{ "version": 1,\n  "entries": [' }, 'diff3'));
    assert.ok(!result.ok, 'refused');
    assert.equal(result.side, 'theirs');
  });
});
