import assert from 'node:assert/strict';
import { draftFromEntry, updateEntry } from '../../src/core/model/entries';
import { keepLostEdits, mergeEdit, settleEdit } from '../../src/core/model/editMerge';
import type { Backlog, EntryDraft } from '../../src/core/model/model';
import { ID_A, T1, T2, assertValid, makeEntry } from './fixtures';

const base: EntryDraft = draftFromEntry(makeEntry({ id: ID_A, title: 'Weekly report', kind: 'unused-report', reasons: ['always-done-that-way'] }));

function edited(change: (d: EntryDraft) => void): EntryDraft {
  const d: EntryDraft = { ...base, reasons: [...base.reasons], smart: { ...base.smart } };
  change(d);
  return d;
}

describe('an edit from the Log form against a teammate\'s change', () => {
  it('keeps the teammate\'s change to a field the form left alone, instead of writing the old value back', () => {
    const mine = edited((d) => (d.smart.speakUp = 'Nobody opens it'));
    const theirs = edited((d) => (d.kind = 'ritual-process'));
    const merge = mergeEdit(base, mine, theirs);
    assert.deepEqual(merge.clashes, []);
    assert.deepEqual(merge.theirsOnly, ['kind']);
    assert.equal(merge.draft.kind, 'ritual-process');
    assert.equal(merge.draft.smart.speakUp, 'Nobody opens it');
  });

  it('finds a clash only where both changed one field to different values, ignoring stray spaces and reason order', () => {
    const mine = edited((d) => {
      d.title = 'Weekly report nobody reads ';
      d.reasons = ['always-done-that-way', 'fear'];
    });
    const theirs = edited((d) => {
      d.title = 'Monthly report';
      d.reasons = ['fear', 'always-done-that-way'];
    });
    const merge = mergeEdit(base, mine, theirs);
    assert.deepEqual(merge.clashes, [{ field: 'title', mine: 'Weekly report nobody reads', theirs: 'Monthly report' }]);
    assert.equal(settleEdit(merge, theirs, 'theirs').title, 'Monthly report');
    assert.equal(settleEdit(merge, theirs, 'mine').title, 'Weekly report nobody reads ');
    assert.deepEqual(mergeEdit(base, theirs, theirs).clashes, [], 'the same change on both sides is no clash');
  });

  it('treats a removed cost or link as a change, so taking a cost away is not undone', () => {
    const withCost = { ...base, cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 3 } };
    const merge = mergeEdit(withCost, { ...base }, withCost);
    assert.equal(merge.draft.cost, undefined);
    const clash = mergeEdit(withCost, { ...base }, { ...withCost, cost: { ...withCost.cost, people: 4 } });
    assert.deepEqual(clash.clashes.map((c) => c.field), ['cost']);
  });

  it('puts the value not kept into the history, dated by whose it was', () => {
    const entry = makeEntry({ id: ID_A, title: 'Weekly report', updated: T1 });
    const mine = edited((d) => (d.title = 'Mine'));
    const theirs = edited((d) => (d.title = 'Theirs'));
    const merge = mergeEdit(base, mine, theirs);
    const savedMine = keepLostEdits(updateEntry(entry, settleEdit(merge, theirs, 'mine'), new Date(T2)), merge.clashes, 'mine', T1, T2);
    assert.equal(savedMine.title, 'Mine');
    assert.deepEqual(savedMine.history, [{ field: 'title', value: 'Theirs', updated: T1, replacedBy: T2 }]);
    const savedTheirs = keepLostEdits(updateEntry(entry, settleEdit(merge, theirs, 'theirs'), new Date(T2)), merge.clashes, 'theirs', T1, T2);
    assert.equal(savedTheirs.title, 'Theirs');
    assert.deepEqual(savedTheirs.history, [{ field: 'title', value: 'Mine', updated: T2, replacedBy: T1 }]);
    const b: Backlog = { version: 1, entries: [savedTheirs], retros: [] };
    assertValid(b);
  });
});
