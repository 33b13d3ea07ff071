import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { mergeBacklogs, mergeBacklogTexts, resolveConflictMarkers, type MergeResult } from '../../src/core/merge/merge';
import { REASONS, SMART_KEYS, STATUSES, type Backlog, type CodeLink, type Comment, type Entry, type Retro } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { draftFromEntry, updateEntry } from '../../src/core/model/entries';
import { isCoarse } from '../../src/core/model/anonymity';
import { generateBacklog, ID_A, ID_B, ID_C, ID_D, makeEntry, T0, T1, T2, T3 } from './fixtures';

function backlog(...entries: Entry[]): Backlog {
  return { version: 1, entries, retros: [] };
}

function bytes(b: Backlog): string {
  return serializeBacklog(b);
}

/** Merges, and checks on every example that the sides' order does not matter and that merging again changes nothing. */
function merged(base: Backlog | undefined, ours: Backlog, theirs: Backlog): MergeResult {
  const result = mergeBacklogs(base, ours, theirs);
  const text = bytes(result.backlog);
  const swapped = mergeBacklogs(base, theirs, ours);
  assert.equal(bytes(swapped.backlog), text, 'the same bytes whichever side is ours');
  assert.deepEqual(swapped.conflicts, result.conflicts, 'the same conflicts whichever side is ours');
  assert.equal(bytes(mergeBacklogs(base, result.backlog, ours).backlog), text, 'merging the result with ours again changes nothing');
  assert.equal(bytes(mergeBacklogs(base, result.backlog, theirs).backlog), text, 'merging the result with theirs again changes nothing');
  return result;
}

function only(b: Backlog): Entry {
  assert.equal(b.entries.length, 1);
  return b.entries[0];
}

/** One entry edited two ways from a common base. */
function twoEdits(base: Entry, ours: Partial<Entry>, theirs: Partial<Entry>): MergeResult {
  return merged(backlog(base), backlog({ ...base, ...ours }), backlog({ ...base, ...theirs }));
}

const base = makeEntry({ id: ID_A, updated: T0 });

describe('mergeBacklogs: entries', () => {
  it('keeps entries added on both sides, and one both sides added alike once', () => {
    const same = makeEntry({ id: ID_D, title: 'Both' });
    const ours = backlog(base, makeEntry({ id: ID_B, title: 'Ours' }), same);
    const theirs = backlog(base, makeEntry({ id: ID_C, title: 'Theirs' }), same);
    assert.deepEqual(merged(backlog(base), ours, theirs).backlog.entries.map((e) => e.id), [ID_A, ID_B, ID_C, ID_D]);
  });

  it('combines edits of different fields and takes the later `updated`', () => {
    const result = twoEdits(base, { title: 'Renamed', updated: T1 }, { triage: 'now', updated: T2 });
    const entry = only(result.backlog);
    assert.equal(entry.title, 'Renamed');
    assert.equal(entry.triage, 'now');
    assert.equal(entry.updated, T2);
    assert.equal(entry.history, undefined, 'no conflict, no history');
    assert.deepEqual(result.conflicts, []);
  });

  it('treats the same edit on both sides as no conflict', () => {
    const result = twoEdits(base, { title: 'Same', updated: T1 }, { title: 'Same', updated: T2 });
    assert.equal(only(result.backlog).title, 'Same');
    assert.deepEqual(result.conflicts, []);
  });

  it('lets the later of two edits of one field win and keeps the other in history', () => {
    const result = twoEdits(base, { title: 'Earlier edit', updated: T1 }, { title: 'Later edit', updated: T2 });
    const entry = only(result.backlog);
    assert.equal(entry.title, 'Later edit');
    assert.deepEqual(entry.history, [{ field: 'title', value: 'Earlier edit', updated: T1, replacedBy: T2 }]);
    assert.deepEqual(result.conflicts, [{ entryId: ID_A, field: 'title', kept: 'Later edit', replaced: 'Earlier edit' }]);
  });

  it('breaks a tie of `updated` by the greater canonical JSON', () => {
    const entry = only(twoEdits(base, { title: 'Beta', updated: T1 }, { title: 'Alpha', updated: T1 }).backlog);
    assert.equal(entry.title, 'Beta');
    assert.deepEqual(entry.history, [{ field: 'title', value: 'Alpha', updated: T1, replacedBy: T1 }]);
  });

  it('merges S.M.A.R.T. answers one by one, a clash in one answer going to history under its own name', () => {
    const result = twoEdits(
      base,
      { smart: { ...base.smart, speakUp: 'Ours', moreInfo: 'Ours too' }, updated: T1 },
      { smart: { ...base.smart, speakUp: 'Theirs', tryAnother: 'Theirs' }, updated: T2 },
    );
    const entry = only(result.backlog);
    assert.deepEqual(entry.smart, { ...base.smart, speakUp: 'Theirs', moreInfo: 'Ours too', tryAnother: 'Theirs' });
    assert.deepEqual(entry.history, [{ field: 'smart.speakUp', value: 'Ours', updated: T1, replacedBy: T2 }]);
  });

  it('merges a nested object such as cost as one value and keeps the losing one whole', () => {
    const cost = { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 4 };
    const withCost = { ...base, cost };
    const result = twoEdits(withCost, { cost: { ...cost, people: 6 }, updated: T2 }, { cost: { ...cost, per: 'day' }, updated: T1 });
    const entry = only(result.backlog);
    assert.deepEqual(entry.cost, { ...cost, people: 6 });
    assert.deepEqual(entry.history, [{ field: 'cost', value: { ...cost, per: 'day' }, updated: T1, replacedBy: T2 }]);
  });

  describe('a decision\'s tracking link', () => {
    const decision = { outcome: 'automate' as const, rationale: '', owner: 'Grace', followUp: 'open' as const, decided: T0 };
    const decided = { ...base, status: 'decided' as const, decision };

    it('takes a link added on one side', () => {
      const result = twoEdits(decided, { decision: { ...decision, trackingUrl: 'https://tracker.example/1' }, updated: T1 }, {});
      assert.equal(only(result.backlog).decision?.trackingUrl, 'https://tracker.example/1');
      assert.deepEqual(result.conflicts, []);
    });

    it('keeps the later of two links and the other, whole, in history', () => {
      const ours = { ...decision, trackingUrl: 'https://tracker.example/ours' };
      const theirs = { ...decision, trackingUrl: 'https://tracker.example/theirs' };
      const entry = only(twoEdits(decided, { decision: ours, updated: T1 }, { decision: theirs, updated: T2 }).backlog);
      assert.equal(entry.decision?.trackingUrl, 'https://tracker.example/theirs');
      assert.deepEqual(entry.history, [{ field: 'decision', value: ours, updated: T1, replacedBy: T2 }]);
    });

    it('keeps a link that lost to a concurrent change of another decision field in history, not silently', () => {
      const linked = { ...decision, trackingUrl: 'https://tracker.example/1' };
      const entry = only(twoEdits(decided, { decision: linked, updated: T1 }, { decision: { ...decision, followUp: 'in-progress' }, updated: T2 }).backlog);
      assert.equal(entry.decision?.followUp, 'in-progress');
      assert.deepEqual(entry.history, [{ field: 'decision', value: linked, updated: T1, replacedBy: T2 }]);
    });

    it('keeps a removed link in history when the other side changed it', () => {
      const linked = { ...decided, decision: { ...decision, trackingUrl: 'https://tracker.example/1' } };
      const entry = only(twoEdits(linked, { decision, updated: T1 }, { decision: { ...decision, trackingUrl: 'https://tracker.example/2' }, updated: T2 }).backlog);
      assert.equal(entry.decision?.trackingUrl, 'https://tracker.example/2');
      assert.deepEqual(entry.history, [{ field: 'decision', value: decision, updated: T1, replacedBy: T2 }]);
    });
  });

  it('records a field removed by the losing side as a history record without a value', () => {
    const cost = { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 4 };
    const withCost = { ...base, cost };
    const removed: Entry = { ...withCost, updated: T1 };
    delete removed.cost;
    const result = merged(backlog(withCost), backlog(removed), backlog({ ...withCost, cost: { ...cost, people: 9 }, updated: T2 }));
    const entry = only(result.backlog);
    assert.equal(entry.cost?.people, 9);
    assert.equal(JSON.stringify(entry.history), JSON.stringify([{ field: 'cost', updated: T1, replacedBy: T2 }]));
  });

  it('keeps fields this version does not know, from both sides, under the same rules', () => {
    const ours = backlog({ ...base, x_ours: 1, x_both: { n: 1 }, updated: T2 });
    const theirs = backlog({ ...base, x_theirs: [2], x_both: { n: 2 }, updated: T1 });
    const entry = only(merged(backlog(base), ours, theirs).backlog);
    assert.equal(entry.x_ours, 1);
    assert.deepEqual(entry.x_theirs, [2]);
    assert.deepEqual(entry.x_both, { n: 1 });
    assert.deepEqual(entry.history, [{ field: 'x_both', value: { n: 2 }, updated: T1, replacedBy: T2 }]);
  });

  it('unions both sides\' history, without duplicates, oldest replacement first', () => {
    const early = { field: 'title', value: 'One', updated: T0, replacedBy: T1 };
    const late = { field: 'title', value: 'Two', updated: T1, replacedBy: T2 };
    const ours = backlog({ ...base, history: [late, early], updated: T2 });
    const theirs = backlog({ ...base, history: [{ replacedBy: T1, updated: T0, value: 'One', field: 'title' }], triage: 'now' });
    assert.deepEqual(only(merged(backlog(base), ours, theirs).backlog).history, [early, late]);
  });
});

describe('mergeBacklogs: sets', () => {
  const voted = { ...base, votes: ['ana', 'ben'] };

  it('keeps votes added on both sides', () => {
    const entry = only(twoEdits(voted, { votes: ['ana', 'ben', 'cy'] }, { votes: ['dee', 'ana', 'ben'] }).backlog);
    assert.deepEqual(entry.votes, ['ana', 'ben', 'cy', 'dee']);
  });

  it('honours a vote removed on one side while the other left it alone', () => {
    assert.deepEqual(only(twoEdits(voted, { votes: ['ana'] }, {}).backlog).votes, ['ana']);
    assert.deepEqual(only(twoEdits(voted, { votes: ['ana'] }, { votes: ['ana', 'ben', 'cy'] }).backlog).votes, ['ana', 'cy']);
  });

  it('merges reasons the same way', () => {
    const entry = only(twoEdits({ ...base, reasons: ['fear', 'politics'] }, { reasons: ['fear'] }, { reasons: ['fear', 'politics', 'overload'] }).backlog);
    assert.deepEqual(entry.reasons, ['fear', 'overload']);
  });

  it('merges links as a set keyed by their JSON', () => {
    const link = (path: string): CodeLink => ({ path, startLine: 1, endLine: 2, fingerprint: 'f' });
    const linked = { ...base, links: [link('a.ts'), link('b.ts')] };
    const reordered = { endLine: 2, fingerprint: 'f', startLine: 1, path: 'a.ts' };
    const entry = only(twoEdits(linked, { links: [reordered] }, { links: [link('a.ts'), link('b.ts'), link('c.ts')] }).backlog);
    assert.deepEqual(entry.links, [reordered, link('c.ts')]);
  });
});

describe('mergeBacklogs: comments', () => {
  const comment = (id: string, text: string, created = T1): Comment => ({ id, created, text });

  it('keeps comments added on both sides', () => {
    const entry = only(twoEdits(base, { comments: [comment(ID_B, 'Me too')] }, { comments: [comment(ID_C, 'Same here', T0)] }).backlog);
    assert.deepEqual(entry.comments.map((c) => c.text), ['Same here', 'Me too']);
  });

  it('never drops a comment, even one deleted by hand on one side', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Keep me')] };
    assert.deepEqual(only(twoEdits(commented, { comments: [] }, {}).backlog).comments, [comment(ID_B, 'Keep me')]);
  });

  it('lets the later of two edits of a comment win, by its own `edited` time, and keeps the other text in history', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Draft')] };
    // The entry's `updated` says the other way round: a comment's own time decides, not the entry's.
    const result = twoEdits(commented, { comments: [{ ...comment(ID_B, 'Ours'), edited: T3 }], updated: T1 }, { comments: [{ ...comment(ID_B, 'Theirs'), edited: T2 }], updated: T2 });
    const entry = only(result.backlog);
    assert.deepEqual(entry.comments, [{ ...comment(ID_B, 'Ours'), edited: T3 }]);
    assert.deepEqual(entry.history, [{ field: `comments.${ID_B}.text`, value: 'Theirs', updated: T2, replacedBy: T3 }]);
    assert.deepEqual(result.conflicts, [{ entryId: ID_A, field: `comments.${ID_B}.text`, kept: 'Ours', replaced: 'Theirs' }]);
  });

  it('breaks a tie of two comment edits by the greater canonical JSON', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Draft')] };
    const entry = only(twoEdits(commented, { comments: [{ ...comment(ID_B, 'Alpha'), edited: T2 }] }, { comments: [{ ...comment(ID_B, 'Beta'), edited: T2 }] }).backlog);
    assert.equal(entry.comments[0].text, 'Beta');
  });

  it('lets a deleted comment win over a concurrent edit, and leaves no earlier text of it in history', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Draft'), comment(ID_C, 'Other')], history: [{ field: `comments.${ID_B}.text`, value: 'Older', updated: T0, replacedBy: T1 }] };
    const tombstone: Comment = { id: ID_B, created: T1, text: '', deleted: T2 };
    const result = twoEdits(commented, { comments: [tombstone, comment(ID_C, 'Other')] }, { comments: [{ ...comment(ID_B, 'Edited later'), edited: T3 }, comment(ID_C, 'Other')] });
    const entry = only(result.backlog);
    assert.deepEqual(entry.comments, [tombstone, comment(ID_C, 'Other')]);
    assert.equal(entry.history, undefined);
    assert.doesNotMatch(bytes(result.backlog), /Draft|Edited later|Older/);
  });

  it('never resurrects a deleted comment from a side that has not seen the deletion', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Secret')] };
    const tombstone: Comment = { id: ID_B, created: T1, text: '', deleted: T2 };
    const entry = only(twoEdits(commented, { comments: [tombstone] }, { comments: [comment(ID_B, 'Secret'), comment(ID_C, 'New', T2)] }).backlog);
    assert.deepEqual(entry.comments, [tombstone, comment(ID_C, 'New', T2)]);
  });

  it('keeps the earlier of two deletions of one comment', () => {
    const commented = { ...base, comments: [comment(ID_B, 'Gone')] };
    const entry = only(twoEdits(commented, { comments: [{ id: ID_B, created: T1, text: '', deleted: T3 }] }, { comments: [{ id: ID_B, created: T1, text: '', deleted: T2 }] }).backlog);
    assert.deepEqual(entry.comments, [{ id: ID_B, created: T1, text: '', deleted: T2 }]);
  });
});

describe('mergeBacklogs: delete and archive against edit', () => {
  it('keeps an entry deleted on one side and edited on the other, with the edit', () => {
    assert.equal(only(merged(backlog(base), backlog(), backlog({ ...base, title: 'Edited meanwhile', updated: T1 })).backlog).title, 'Edited meanwhile');
    assert.deepEqual(only(merged(backlog(base), backlog({ ...base, votes: ['ana'] }), backlog()).backlog).votes, ['ana']);
  });

  it('deletes an entry deleted on one side and untouched on the other', () => {
    assert.equal(merged(backlog(base), backlog(), backlog(base)).backlog.entries.length, 0);
    assert.equal(merged(backlog(base), backlog(), backlog()).backlog.entries.length, 0);
  });

  it('keeps an edit made while a teammate archived the entry, and records the archive', () => {
    const result = twoEdits(base, { status: 'archived', updated: T2 }, { title: 'Still relevant', updated: T1 });
    const entry = only(result.backlog);
    assert.equal(entry.status, 'open');
    assert.equal(entry.title, 'Still relevant');
    assert.deepEqual(entry.history, [{ field: 'status', value: 'archived', updated: T2, replacedBy: T1 }]);
    assert.deepEqual(result.conflicts, [{ entryId: ID_A, field: 'status', kept: 'open', replaced: 'archived' }]);
  });

  it('keeps a "me too" made while the tech lead archived the entry, and leaves it archived', () => {
    const result = twoEdits(base, { status: 'archived', updated: T1 }, { votes: ['ana'], updated: T2 });
    const entry = only(result.backlog);
    assert.equal(entry.status, 'archived');
    assert.deepEqual(entry.votes, ['ana']);
    assert.equal(entry.history, undefined, 'nothing was replaced');
    assert.deepEqual(result.conflicts, []);
  });

  it('keeps a comment, a comment edit or a vote taken back on an archived entry, and leaves it archived', () => {
    const commented = { ...base, votes: ['ben'], comments: [{ id: ID_B, created: T0, text: 'Old' }] };
    const added = [{ id: ID_B, created: T0, text: 'Old' }, { id: ID_C, created: T2, text: 'Wait, we still need it' }];
    const withComment = only(twoEdits(commented, { status: 'archived', updated: T1 }, { comments: added, updated: T2 }).backlog);
    assert.deepEqual([withComment.status, withComment.comments.map((c) => c.text)], ['archived', ['Old', 'Wait, we still need it']]);
    const reworded = only(twoEdits(commented, { status: 'archived', updated: T1 }, { comments: [{ id: ID_B, created: T0, text: 'Reworded' }], updated: T2 }).backlog);
    assert.deepEqual([reworded.status, reworded.comments[0].text], ['archived', 'Reworded']);
    const unvoted = only(twoEdits(commented, { status: 'archived', updated: T1 }, { votes: [] }).backlog);
    assert.deepEqual([unvoted.status, unvoted.votes], ['archived', []]);
  });

  it('still reopens an archived entry whose title, answers or list a teammate changed, even alongside a vote', () => {
    const cases: Partial<Entry>[] = [
      { title: 'Still relevant', votes: ['ana'] },
      { smart: { ...base.smart, speakUp: 'It got worse' } },
      { triage: 'now' },
      { cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'week', people: 4 } },
    ];
    for (const edit of cases) {
      const entry = only(twoEdits(base, { status: 'archived', updated: T1 }, { ...edit, updated: T2 }).backlog);
      assert.equal(entry.status, 'open', JSON.stringify(edit));
      assert.deepEqual(entry.history, [{ field: 'status', value: 'archived', updated: T1, replacedBy: T2 }]);
    }
  });

  it('settles two different status changes by the scalar rule', () => {
    const entry = only(twoEdits(base, { status: 'archived', updated: T1 }, { status: 'done', updated: T2 }).backlog);
    assert.equal(entry.status, 'done');
    assert.deepEqual(entry.history, [{ field: 'status', value: 'archived', updated: T1, replacedBy: T2 }]);
  });
});

describe('mergeBacklogs: retros, top level and no base', () => {
  const retro: Retro = { id: ID_C, started: T0, facilitator: 'ana', discussed: [ID_A], decided: [] };
  const withRetro = (...retros: Retro[]): Backlog => ({ ...backlog(base), retros });

  it('merges retros by id, discussed and decided as sets and the rest by the scalar rule', () => {
    const ours = withRetro({ ...retro, discussed: [ID_A, ID_B], facilitator: 'ben' }, { ...retro, id: ID_D });
    const theirs = withRetro({ ...retro, decided: [ID_A], finished: T2, facilitator: 'cy' });
    const result = merged(withRetro(retro), ours, theirs).backlog;
    assert.deepEqual(result.retros, [
      { ...retro, discussed: [ID_A, ID_B], decided: [ID_A], finished: T2, facilitator: 'cy' },
      { ...retro, id: ID_D },
    ]);
  });

  it('keeps the moves both teammates recorded in a retro, once each', () => {
    const before = { ...retro, moved: [{ entry: ID_A, from: 'inbox' as const }] };
    const ours = withRetro({ ...before, moved: [...before.moved, { entry: ID_B, from: 'now' as const }] });
    const theirs = withRetro({ ...before, moved: [...before.moved, { entry: ID_D, from: 'someday' as const }, { entry: ID_B, from: 'now' as const }] });
    assert.deepEqual(merged(withRetro(before), ours, theirs).backlog.retros[0].moved, [
      { entry: ID_A, from: 'inbox' },
      { entry: ID_B, from: 'now' },
      { entry: ID_D, from: 'someday' },
    ]);
  });

  it('keeps a retro edited on one side and deleted on the other', () => {
    assert.equal(merged(withRetro(retro), withRetro(), withRetro({ ...retro, finished: T1 })).backlog.retros[0].finished, T1);
    assert.deepEqual(merged(withRetro(retro), withRetro(), withRetro(retro)).backlog.retros, []);
  });

  it('keeps unknown top-level fields and takes the greater of two different values', () => {
    const ours = { ...backlog(base), x_team: 'ours', x_ours: true } as Backlog;
    const theirs = { ...backlog(base), x_team: 'theirs' } as Backlog;
    const result = merged(backlog(base), ours, theirs).backlog;
    assert.equal(result.x_team, 'theirs');
    assert.equal(result.x_ours, true);
  });

  it('takes the higher version', () => {
    assert.equal(merged(backlog(base), { ...backlog(base), version: 2 }, backlog(base)).backlog.version, 2);
  });

  it('merges without a base: a union of entries, and an entry on both sides field by field', () => {
    const ours = backlog({ ...base, title: 'Ours', updated: T1, votes: ['ana'] }, makeEntry({ id: ID_B }));
    const theirs = backlog({ ...base, title: 'Theirs', updated: T2, votes: ['ben'] });
    const result = merged(undefined, ours, theirs).backlog;
    assert.deepEqual(result.entries.map((e) => e.id), [ID_A, ID_B]);
    assert.equal(result.entries[0].title, 'Theirs');
    assert.deepEqual(result.entries[0].votes, ['ana', 'ben']);
  });
});

describe('mergeBacklogTexts', () => {
  const good = bytes(backlog(base));
  const broken = '{ "version": 1, "entries": [';

  it('names the side that cannot be read, with the parser\'s place and words', () => {
    for (const side of ['ours', 'theirs'] as const) {
      const result = mergeBacklogTexts(good, side === 'ours' ? broken : good, side === 'theirs' ? broken : good);
      assert.ok(!result.ok, `${side} is refused`);
      assert.equal(result.side, side);
      assert.match(english(result.message), new RegExp(`^${side}: line 1, column \\d+: The file is not valid JSON`));
    }
  });

  it('refuses a side with a field written twice, instead of merging only the value JSON keeps', () => {
    const repeated = good.replace('"status": "open",', '"status": "open",\n      "status": "archived",');
    const result = mergeBacklogTexts(good, good, repeated);
    assert.ok(!result.ok);
    assert.equal(result.side, 'theirs');
    assert.match(english(result.message), /^theirs: line \d+, column 7: entries\[0\]: the field "status" appears twice/);
  });

  it('merges without a base when both sides added the file, and takes a blank base as none', () => {
    const ours = bytes(backlog(makeEntry({ id: ID_A })));
    const theirs = bytes(backlog(makeEntry({ id: ID_B })));
    for (const b of [undefined, '', '\n']) {
      const result = mergeBacklogTexts(b, ours, theirs);
      assert.ok(result.ok);
      assert.equal((JSON.parse(result.text) as Backlog).entries.length, 2);
    }
  });

  it('writes text the parser reads back, history included', () => {
    const result = mergeBacklogTexts(good, bytes(backlog({ ...base, title: 'Ours', updated: T1 })), bytes(backlog({ ...base, title: 'Theirs', updated: T2 })));
    assert.ok(result.ok);
    assert.equal(result.conflicts.length, 1);
    const reread = parseBacklog(result.text);
    assert.ok(reread.ok);
    assert.equal(bytes(reread.backlog), result.text);
    assert.deepEqual(only(reread.backlog).history, [{ field: 'title', value: 'Ours', updated: T1, replacedBy: T2 }]);
  });

  it('keeps a field named "__proto__" as data', () => {
    const ours = good.replace('"id": ', '"__proto__": { "x": 1 },\n    "id": ');
    const theirs = bytes(backlog({ ...base, title: 'Theirs', updated: T1 }));
    const result = mergeBacklogTexts(good, ours, theirs);
    assert.ok(result.ok);
    const entry = (JSON.parse(result.text) as Backlog).entries[0];
    assert.deepEqual(Object.getOwnPropertyDescriptor(entry, '__proto__')?.value, { x: 1 });
    assert.equal(entry.title, 'Theirs');
  });
});

describe('resolveConflictMarkers', () => {
  it('repairs a backlog that a line merge left with markers, keeping both sides', () => {
    const ours = bytes(backlog(base, makeEntry({ id: ID_B, title: 'Ours' })));
    const theirs = bytes(backlog(base, makeEntry({ id: ID_C, title: 'Theirs' })));
    const oursLines = ours.split('\n');
    const theirsLines = theirs.split('\n');
    let common = 0;
    while (oursLines[common] === theirsLines[common]) common++;
    let tail = 0;
    while (oursLines[oursLines.length - 1 - tail] === theirsLines[theirsLines.length - 1 - tail]) tail++;
    const conflicted = [
      ...oursLines.slice(0, common),
      '<<<<<<< HEAD',
      ...oursLines.slice(common, oursLines.length - tail),
      '=======',
      ...theirsLines.slice(common, theirsLines.length - tail),
      '>>>>>>> origin/main',
      ...oursLines.slice(oursLines.length - tail),
    ].join('\n');
    const result = resolveConflictMarkers(conflicted);
    assert.ok(result.ok, result.ok ? '' : english(result.message));
    assert.deepEqual((JSON.parse(result.text) as Backlog).entries.map((e) => e.title), [base.title, 'Ours', 'Theirs']);
  });
});

describe('merge properties', function () {
  this.timeout(600000);
  const runs = Number(process.env.STUPID_WORK_SOAK_RUNS ?? 200);

  const NEW_IDS = [ID_A, ID_B, ID_C, ID_D];
  const COMMENT_IDS = ['01JH0000000000000000000C00', '01JH0000000000000000000C01', '01JH0000000000000000000C02'];
  const PEOPLE = ['ana', 'ben', 'cy', 'dee'];
  const at = fc.constantFrom(T0, T1, T2, T3);
  const pick = fc.nat();
  const text = fc.string({ minLength: 1, maxLength: 6 });

  type Op =
    | { op: 'add'; id: string; title: string; at: string }
    | { op: 'title'; pick: number; title: string; at: string }
    | { op: 'smart'; pick: number; key: (typeof SMART_KEYS)[number]; text: string; at: string }
    | { op: 'cost'; pick: number; people: number | null; at: string }
    | { op: 'extra'; pick: number; value: unknown; at: string }
    | { op: 'status'; pick: number; status: Entry['status']; at: string }
    | { op: 'hide'; pick: number; title: string; at: string }
    | { op: 'vote' | 'unvote'; pick: number; who: string }
    | { op: 'reason'; pick: number; reason: Entry['reasons'][number]; on: boolean }
    | { op: 'link'; pick: number; line: number; on: boolean }
    | { op: 'comment'; pick: number; id: string; text: string; at: string }
    | { op: 'uncomment'; pick: number; n: number }
    | { op: 'delete'; pick: number }
    | { op: 'retro'; id: string; who: string }
    | { op: 'discuss'; pick: number; retro: number }
    | { op: 'top'; value: unknown };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('add' as const), id: fc.constantFrom(...NEW_IDS), title: text, at }),
    fc.record({ op: fc.constant('title' as const), pick, title: text, at }),
    fc.record({ op: fc.constant('smart' as const), pick, key: fc.constantFrom(...SMART_KEYS), text, at }),
    fc.record({ op: fc.constant('cost' as const), pick, people: fc.option(fc.integer({ min: 1, max: 3 })), at }),
    fc.record({ op: fc.constant('extra' as const), pick, value: fc.jsonValue({ maxDepth: 2 }), at }),
    fc.record({ op: fc.constant('status' as const), pick, status: fc.constantFrom(...STATUSES), at }),
    fc.record({ op: fc.constant('hide' as const), pick, title: text, at }),
    fc.record({ op: fc.constantFrom('vote' as const, 'unvote' as const), pick, who: fc.constantFrom(...PEOPLE) }),
    fc.record({ op: fc.constant('reason' as const), pick, reason: fc.constantFrom(...REASONS.slice(0, 3)), on: fc.boolean() }),
    fc.record({ op: fc.constant('link' as const), pick, line: fc.integer({ min: 1, max: 3 }), on: fc.boolean() }),
    fc.record({ op: fc.constant('comment' as const), pick, id: fc.constantFrom(...COMMENT_IDS), text, at }),
    fc.record({ op: fc.constant('uncomment' as const), pick, n: fc.nat() }),
    fc.record({ op: fc.constant('delete' as const), pick }),
    fc.record({ op: fc.constant('retro' as const), id: fc.constantFrom(...NEW_IDS), who: fc.constantFrom(...PEOPLE) }),
    fc.record({ op: fc.constant('discuss' as const), pick, retro: fc.nat() }),
    fc.record({ op: fc.constant('top' as const), value: fc.jsonValue({ maxDepth: 1 }) }),
  );

  function later(a: string, b: string): string {
    return a > b ? a : b;
  }

  /** One teammate's edits, applied as the extension (or a hand edit) would: a new object for each changed record. */
  function apply(start: Backlog, ops: Op[]): Backlog {
    let b: Backlog = { ...start, entries: [...start.entries], retros: [...start.retros] };
    for (const o of ops) {
      if (o.op === 'add') {
        if (!b.entries.some((e) => e.id === o.id)) b.entries.push(makeEntry({ id: o.id, title: o.title, created: o.at, updated: o.at }));
        continue;
      }
      if (o.op === 'retro') {
        if (!b.retros.some((r) => r.id === o.id)) b.retros.push({ id: o.id, started: T0, facilitator: o.who, discussed: [], decided: [] });
        continue;
      }
      if (o.op === 'top') {
        b = { ...b, x_top: o.value };
        continue;
      }
      if (b.entries.length === 0) continue;
      const i = o.pick % b.entries.length;
      const e = b.entries[i];
      const edit = (changes: Partial<Entry>, when?: string) => {
        b.entries[i] = { ...e, ...changes, updated: when === undefined ? e.updated : later(e.updated, when) };
      };
      switch (o.op) {
        case 'title':
          edit({ title: o.title }, o.at);
          break;
        case 'smart':
          edit({ smart: { ...e.smart, [o.key]: o.text } }, o.at);
          break;
        case 'cost':
          edit({ cost: o.people === null ? undefined : { hoursPerOccurrence: 1, occurrences: 2, per: 'week', people: o.people } }, o.at);
          break;
        case 'extra':
          edit({ x_note: o.value }, o.at);
          break;
        case 'status':
          edit({ status: o.status }, o.at);
          break;
        case 'hide': {
          // Made anonymous with an edit, as the Log form does: a day-coarse stamp, which ties with any other edit that day.
          const hidden = updateEntry(e, { ...draftFromEntry(e), title: o.title.trim() || 'Hidden', anonymous: true }, new Date(o.at));
          b.entries[i] = { ...hidden, updated: later(e.updated, hidden.updated) };
          break;
        }
        case 'vote':
          edit({ votes: [...new Set([...e.votes, o.who])] });
          break;
        case 'unvote':
          edit({ votes: e.votes.filter((v) => v !== o.who) });
          break;
        case 'reason':
          edit({ reasons: o.on ? [...new Set([...e.reasons, o.reason])] : e.reasons.filter((r) => r !== o.reason) });
          break;
        case 'link': {
          const link: CodeLink = { path: 'src/a.ts', startLine: o.line, endLine: o.line, fingerprint: 'f' };
          edit({ links: o.on ? [...e.links.filter((l) => l.startLine !== o.line), link] : e.links.filter((l) => l.startLine !== o.line) });
          break;
        }
        case 'comment': {
          const rest = e.comments.filter((c) => c.id !== o.id);
          edit({ comments: [...rest, { id: o.id, created: o.at, text: o.text }] }, o.at);
          break;
        }
        case 'uncomment':
          if (e.comments.length > 0) edit({ comments: e.comments.filter((_, n) => n !== o.n % e.comments.length) });
          break;
        case 'delete':
          b.entries.splice(i, 1);
          break;
        case 'discuss':
          if (b.retros.length > 0) {
            const r = o.retro % b.retros.length;
            b.retros[r] = { ...b.retros[r], discussed: [...new Set([...b.retros[r].discussed, e.id])] };
          }
          break;
      }
    }
    return b;
  }

  interface Scenario {
    size: number;
    seed: number;
    before: Op[];
    ours: Op[];
    theirs: Op[];
  }

  const scenario: fc.Arbitrary<Scenario> = fc.record({
    size: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    before: fc.array(op, { maxLength: 6 }),
    ours: fc.array(op, { maxLength: 8 }),
    theirs: fc.array(op, { maxLength: 8 }),
  });

  function sides({ size, seed, before, ours, theirs }: Scenario): [Backlog, Backlog, Backlog] {
    const start = apply(generateBacklog(size, seed), before);
    return [start, apply(start, ours), apply(start, theirs)];
  }

  function assertNoLoss(base: Backlog, ours: Backlog, theirs: Backlog, result: MergeResult): void {
    const out = new Map(result.backlog.entries.map((e) => [e.id, e]));
    const before = new Map(base.entries.map((e) => [e.id, e]));
    for (const [side, other] of [[ours, theirs], [theirs, ours]]) {
      const others = new Map(other.entries.map((e) => [e.id, e]));
      for (const entry of side.entries) {
        const kept = out.get(entry.id);
        const original = before.get(entry.id);
        if (!kept) {
          assert.ok(!others.has(entry.id) && original && bytes(backlog(entry)) === bytes(backlog(original)), `entry ${entry.id} dropped though changed`);
          continue;
        }
        for (const c of entry.comments) assert.ok(kept.comments.some((k) => k.id === c.id), `comment ${c.id} kept`);
        const removedByOther = (v: string) => original?.votes.includes(v) && others.has(entry.id) && !others.get(entry.id)?.votes.includes(v);
        for (const v of entry.votes) assert.ok(removedByOther(v) || kept.votes.includes(v), `vote ${v} on ${entry.id} kept`);
      }
    }
    for (const c of result.conflicts) {
      const history = out.get(c.entryId)?.history ?? [];
      assert.ok(history.some((h) => h.field === c.field && isDeepStrictEqual(h.value, c.replaced)), `replaced ${c.field} kept in history`);
    }
  }

  it(`is commutative in bytes, idempotent, loses nothing and writes readable files (${runs} runs)`, () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (s, withBase) => {
        const [start, ours, theirs] = sides(s);
        const base = withBase ? start : undefined;
        const result = mergeBacklogs(base, ours, theirs);
        const text = bytes(result.backlog);
        const swapped = mergeBacklogs(base, theirs, ours);
        assert.equal(bytes(swapped.backlog), text, 'commutative');
        assert.deepEqual(swapped.conflicts, result.conflicts, 'same conflicts either way');
        assert.equal(bytes(mergeBacklogs(base, ours, ours).backlog), bytes(ours), 'merging a side with itself gives it back');
        assert.equal(bytes(mergeBacklogs(base, result.backlog, ours).backlog), text, 'idempotent with ours');
        assert.equal(bytes(mergeBacklogs(base, result.backlog, theirs).backlog), text, 'idempotent with theirs');
        assertNoLoss(start, ours, theirs, result);
        const theirsById = new Map(theirs.entries.map((e) => [e.id, e]));
        for (const o of ours.entries) {
          const t = theirsById.get(o.id);
          const e = result.backlog.entries.find((x) => x.id === o.id);
          // An entry both sides changed is merged: when it comes out anonymous, it comes out coarse.
          if (t && e && e.author === undefined && bytes(backlog(o)) !== bytes(backlog(t))) {
            assert.ok(isCoarse(e.created) && isCoarse(e.updated) && (e.history ?? []).every((h) => isCoarse(h.updated) && isCoarse(h.replacedBy)), `${e.id} merged anonymous and coarse`);
          }
        }
        const reread = parseBacklog(text);
        assert.ok(reread.ok, reread.ok ? '' : english(reread.problem.message));
        assert.equal(bytes(reread.backlog), text, 'the parser reads the merged file back to the same bytes');
      }),
      {
        numRuns: runs,
        // Found by a random run: a comment edited on both sides of an entry one side made anonymous and
        // the other left named recorded its loss at the day in one merge order and to the minute in the other.
        examples: [
          [
            {
              size: 1,
              seed: 4671,
              before: [],
              ours: [{ op: 'comment', pick: 0, id: '01JH0000000000000000000C00', text: ' ', at: '2026-11-01T09:00:00.000Z' }],
              theirs: [
                { op: 'comment', pick: 0, id: '01JH0000000000000000000C00', text: '!', at: '2026-11-01T09:00:00.000Z' },
                { op: 'hide', pick: 0, title: ' ', at: '2026-11-01T09:00:00.000Z' },
              ],
            },
            false,
          ],
        ],
      },
    );
  });
});
