import assert from 'node:assert/strict';
import { coarseStamp, coarseTime, idTimeFor, isCoarse, timeFor, touch, withCoarseTimes } from '../../src/core/model/anonymity';
import { archiveEntry, draftFromEntry, restoreEntry, updateEntry } from '../../src/core/model/entries';
import { mergeBacklogs } from '../../src/core/merge/merge';
import type { Backlog, Entry, Retro } from '../../src/core/model/model';
import { decide, mergeDuplicate, moveToList, restore, setFollowUp, startRetro, type Change } from '../../src/core/retro/retro';
import { serializeBacklog } from '../../src/core/file/serialize';
import { newId } from '../../src/core/model/ids';
import { anonymousVote, clockAt, finerThanDay, idTime, makeEntry, namedToggle } from './fixtures';

const DAY = '2026-11-22T00:00:00.000Z';
const NOW = new Date('2026-11-22T15:47:12.345Z');
const LATER = new Date('2026-11-22T18:05:09.871Z');
/** A ULID minted at the start of 20 November 2026, as an anonymous entry's is; the named one's time does not matter. */
const ANON = `${newId(Date.parse('2026-11-20T00:00:00.000Z')).slice(0, 10)}0000000000000000`;
const NAMED = '01KQ0000000000000000000001';

function anonymous(overrides: Partial<Entry> = {}): Entry {
  const e = makeEntry({ id: ANON, created: '2026-11-20T00:00:00.000Z', updated: '2026-11-20T00:00:00.000Z', ...overrides });
  delete e.author;
  return e;
}

function backlog(entries: Entry[], retros: Retro[] = []): Backlog {
  return { version: 1, entries, retros };
}

function ok(change: Change): Backlog {
  assert.ok(change.ok, change.ok ? '' : JSON.stringify(change.message));
  return change.backlog;
}

function entry(b: Backlog, id = ANON): Entry {
  const found = b.entries.find((e) => e.id === id);
  assert.ok(found, id);
  return found;
}

/**
 * The entry carries no time finer than a day. The ids it points at (the retro of its decision, the
 * entry it was merged into) are other records', not its own.
 */
function assertCoarse(e: Entry): void {
  const own = { ...e, duplicateOf: undefined, decision: e.decision && { ...e.decision, retro: undefined } };
  assert.deepEqual(finerThanDay(own), [], `${e.id} carries a time finer than a day`);
}

describe('anonymity: the coarse-time rule', () => {
  it('cuts a time to the start of its UTC day, and leaves what is not a stored UTC time alone', () => {
    assert.equal(coarseTime(NOW), DAY);
    assert.equal(coarseStamp(NOW.toISOString()), DAY);
    assert.equal(coarseStamp('yesterday'), 'yesterday');
    assert.ok(isCoarse(DAY));
    assert.ok(!isCoarse(NOW.toISOString()));
  });

  it('times a record by whether it names an author, ids included', () => {
    assert.equal(timeFor({}, NOW), DAY);
    assert.equal(timeFor({ author: { name: 'Ada' } }, NOW), NOW.toISOString());
    assert.equal(idTimeFor({}, NOW), Date.parse(DAY));
    assert.equal(touch(anonymous(), NOW).updated, DAY);
    assert.equal(touch(makeEntry(), NOW).updated, NOW.toISOString());
  });

  it('brings every time of an anonymous entry to its day and drops a lost name from its history, idempotently', () => {
    const e = anonymous({
      created: '2026-11-20T08:01:02.003Z',
      updated: NOW.toISOString(),
      decision: { outcome: 'stop', rationale: '', owner: 'Grace', followUp: 'done', decided: NOW.toISOString(), completed: LATER.toISOString() },
      history: [
        { field: 'title', value: 'Old', updated: '2026-11-21T10:00:00.000Z', replacedBy: NOW.toISOString() },
        { field: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' }, updated: '2026-11-21T10:00:00.000Z', replacedBy: NOW.toISOString() },
      ],
    });
    const coarse = withCoarseTimes(e);
    assertCoarse(coarse);
    assert.doesNotMatch(JSON.stringify(coarse), /Ada|ada@/);
    assert.deepEqual(coarse.history?.map((h) => h.value), ['Old']);
    assert.deepEqual(withCoarseTimes(coarse), coarse);
    const named = makeEntry({ updated: NOW.toISOString() });
    assert.equal(withCoarseTimes(named), named, 'a named entry keeps its times');
  });
});

describe('anonymity: every write on an anonymous entry keeps its times coarse', () => {
  const clock = clockAt(NOW);

  it('archive, Undo (restore to the status it had) and Restore', () => {
    const archived = archiveEntry(anonymous({ status: 'decided' }), NOW);
    assertCoarse(archived);
    assertCoarse(restoreEntry(archived, LATER, 'decided'));
    assertCoarse(entry(ok(restore(backlog([archived]), ANON, LATER))));
  });

  it('an edit in the Log form, and one that makes a named entry anonymous', () => {
    const e = anonymous();
    assertCoarse(updateEntry(e, { ...draftFromEntry(e), title: 'Renamed' }, NOW));
    const named = makeEntry({
      // Its id was minted when it was named and cannot change (other records point at it); this one is coarse to test the rest.
      id: ANON,
      created: '2026-11-21T00:00:00.000Z',
      updated: NOW.toISOString(),
      history: [{ field: 'title', value: 'Old', updated: '2026-11-21T10:00:00.000Z', replacedBy: NOW.toISOString() }],
      decision: { outcome: 'keep', rationale: 'Audit', owner: 'Grace', followUp: 'open', decided: NOW.toISOString() },
    });
    const hidden = updateEntry(named, { ...draftFromEntry(named), anonymous: true }, LATER);
    assert.equal(hidden.author, undefined);
    assertCoarse(hidden);
  });

  it('a vote and taking it back, a move to another list', () => {
    const b = backlog([anonymous()]);
    const voted = ok(namedToggle(b, ANON, 'grace@example.com', undefined, NOW));
    assertCoarse(entry(voted));
    assertCoarse(entry(ok(namedToggle(voted, ANON, 'grace@example.com', undefined, LATER))));
    assertCoarse(entry(ok(anonymousVote(voted, ANON, LATER))));
    assertCoarse(entry(ok(moveToList(b, ANON, 'now', NOW))));
  });

  it('a decision in a retro, a follow-up in progress and done, and a decision recorded as done', () => {
    const b = ok(startRetro(backlog([anonymous()]), 'Grace', clock));
    const decided = ok(decide(b, ANON, { outcome: 'automate', rationale: 'Script it', owner: 'Grace', due: '2026-12-01' }, NOW));
    assertCoarse(entry(decided));
    const going = ok(setFollowUp(decided, ANON, 'in-progress', NOW));
    assertCoarse(entry(going));
    const finished = entry(ok(setFollowUp(going, ANON, 'done', LATER)));
    assertCoarse(finished);
    assert.equal(finished.decision?.completed, DAY);
    assertCoarse(entry(ok(decide(b, ANON, { outcome: 'stop', rationale: '', owner: 'Grace', followUp: 'done' }, LATER))));
  });

  it('merging a duplicate: into an anonymous entry, and an anonymous one into a named entry', () => {
    const comment = { id: `${ANON.slice(0, 10)}2000000000000000`, created: DAY, text: 'Same here' };
    const named = makeEntry({
      id: NAMED,
      title: 'Status deck',
      updated: NOW.toISOString(),
      // A copied comment with the same id as the anonymous one, but other text: it gets a new id.
      comments: [{ ...comment, text: 'Copied' }],
      decision: { outcome: 'stop', rationale: '', owner: 'Grace', followUp: 'open', decided: NOW.toISOString() },
    });
    const anon = anonymous({ comments: [comment] });
    const into = ok(mergeDuplicate(backlog([anon, named]), ANON, NAMED, LATER));
    const kept = entry(into);
    assertCoarse(kept);
    assert.ok(kept.decision, 'the decision came along');
    const other = ok(mergeDuplicate(backlog([named, anon]), NAMED, ANON, LATER));
    assertCoarse(entry(other, ANON));
    const copied = entry(other, NAMED).comments.find((c) => c.text === 'Same here' && c.id !== comment.id);
    assert.ok(copied, 'the anonymous comment got an id of its own');
    assert.equal(idTime(copied.id) % 86_400_000, 0, 'minted at the start of the day');
  });
});

describe('anonymity: the semantic merge', () => {
  const base = makeEntry({ id: ANON, created: '2026-11-21T09:00:00.000Z', updated: '2026-11-21T09:00:00.000Z' });

  function bytes(b: Backlog): string {
    return serializeBacklog(b);
  }

  it('keeps an entry made anonymous on one side anonymous and coarse, against a named edit on the other', () => {
    const hidden = updateEntry(base, { ...draftFromEntry(base), anonymous: true }, NOW);
    const edited: Entry = { ...base, title: 'Edited by a teammate', updated: LATER.toISOString() };
    const result = mergeBacklogs(backlog([base]), backlog([hidden]), backlog([edited]));
    const merged = entry(result.backlog);
    assert.equal(merged.author, undefined);
    assert.equal(merged.title, 'Edited by a teammate');
    assertCoarse(merged);
    assert.equal(bytes(mergeBacklogs(backlog([base]), backlog([edited]), backlog([hidden])).backlog), bytes(result.backlog), 'either order');
    assert.equal(bytes(mergeBacklogs(backlog([base]), result.backlog, backlog([edited])).backlog), bytes(result.backlog), 'merged again');
  });

  it('drops the name a concurrent change of the author lost to anonymity, instead of keeping it in history', () => {
    const hidden = updateEntry(base, { ...draftFromEntry(base), anonymous: true }, NOW);
    const renamed: Entry = { ...base, author: { name: 'Ada King', email: 'ada@example.com' }, updated: LATER.toISOString() };
    const merged = entry(mergeBacklogs(backlog([base]), backlog([hidden]), backlog([renamed])).backlog);
    assert.equal(merged.author, undefined);
    assert.doesNotMatch(JSON.stringify(merged), /Ada|ada@/);
    assertCoarse(merged);
  });

  it('settles two edits of one field on the same day (a tie of coarse stamps) the same way in either order, and again', () => {
    const start = anonymous();
    const ours: Entry = { ...touch(start, NOW), title: 'Ours' };
    const theirs: Entry = { ...touch(start, LATER), title: 'Theirs' };
    assert.equal(ours.updated, theirs.updated, 'the stamps tie');
    const result = mergeBacklogs(backlog([start]), backlog([ours]), backlog([theirs]));
    const swapped = mergeBacklogs(backlog([start]), backlog([theirs]), backlog([ours]));
    assert.equal(bytes(swapped.backlog), bytes(result.backlog));
    const merged = entry(result.backlog);
    assert.equal(merged.title, 'Theirs', 'the greater canonical JSON wins a tie');
    assert.deepEqual(merged.history?.map((h) => [h.value, h.updated, h.replacedBy]), [['Ours', DAY, DAY]]);
    assert.equal(bytes(mergeBacklogs(backlog([start]), result.backlog, backlog([ours])).backlog), bytes(result.backlog));
    assert.equal(bytes(mergeBacklogs(backlog([start]), result.backlog, backlog([theirs])).backlog), bytes(result.backlog));
  });
});
