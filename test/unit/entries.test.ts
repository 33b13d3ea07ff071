import { decodeTime } from 'ulid';
import assert from 'node:assert/strict';
import {
  archiveEntry,
  createEntry,
  restoreEntry,
  draftFromEntry,
  findEntry,
  updateEntry,
  upsertEntry,
  validateDraft as validateDraftCodes,
} from '../../src/core/model/entries';
import { english } from '../../src/core/text/english';
import { isId } from '../../src/core/model/ids';
import { emptyDraft, type Backlog, type EntryDraft, type Kind, type Reason } from '../../src/core/model/model';
import { makeEntry } from './fixtures';

/** The draft's problems as the Log form shows them, in English. */
function validateDraft(d: EntryDraft): string[] {
  return validateDraftCodes(d).map(english);
}

const NOW = new Date('2026-11-22T15:47:12.345Z');
const LATER = new Date('2026-11-23T08:01:02.003Z');
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };

function draft(overrides: Partial<EntryDraft> = {}): EntryDraft {
  return {
    ...emptyDraft(),
    title: '  Weekly report nobody reads  ',
    kind: 'unused-report',
    reasons: ['fear', 'fear', 'politics'],
    smart: { speakUp: ' An hour every Friday. ', moreInfo: '', accountability: 'I ask the PMO.', reprioritize: '', tryAnother: '\nA dashboard\n' },
    ...overrides,
  };
}

describe('validateDraft bounds', () => {
  it('refuses cost values the schema would reject', () => {
    const d = { ...emptyDraft(), title: 'x', cost: { hoursPerOccurrence: 10001, occurrences: 1, per: 'week' as const, people: 100001 } };
    assert.deepEqual(validateDraft(d), ['Hours each time must be a number from 0 to 10,000.', 'People must be a whole number from 1 to 100,000.']);
  });
});

describe('entries', () => {
  describe('validateDraft', () => {
    it('accepts a reasonable draft', () => {
      assert.deepEqual(validateDraft(draft({ cost: { hoursPerOccurrence: 1.5, occurrences: 2, per: 'week', people: 6 } })), []);
    });

    it('explains each problem in plain words', () => {
      const problems = validateDraft(
        draft({
          title: '   ',
          kind: 'meeting' as Kind,
          reasons: ['fear', 'greed' as Reason],
          smart: { speakUp: 'x'.repeat(20_001), moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' },
          cost: { hoursPerOccurrence: -1, occurrences: Number.POSITIVE_INFINITY, per: 'week', people: 1.5 },
        }),
      );
      assert.deepEqual(problems, [
        'Give the entry a title.',
        '"meeting" is not a known kind of work.',
        '"greed" is not a known reason.',
        'The answer to "Speak up" is 20001 characters long; keep it to 20000.',
        'Hours each time must be a number from 0 to 10,000.',
        'How often must be a number from 0 to 10,000.',
        'People must be a whole number from 1 to 100,000.',
      ]);
    });

    it('limits the title to 300 characters after trimming', () => {
      assert.deepEqual(validateDraft(draft({ title: ` ${'t'.repeat(300)} ` })), []);
      assert.deepEqual(validateDraft(draft({ title: 't'.repeat(301) })), ['The title is 301 characters long; keep it to 300.']);
    });

    it('rejects zero people and NaN', () => {
      assert.deepEqual(validateDraft(draft({ cost: { hoursPerOccurrence: Number.NaN, occurrences: 0, per: 'day', people: 0 } })), [
        'Hours each time must be a number from 0 to 10,000.',
        'People must be a whole number from 1 to 100,000.',
      ]);
    });
  });

  describe('createEntry', () => {
    it('fills in what the extension owns and trims what people typed', () => {
      const link = { path: 'src/report.ts', startLine: 3, endLine: 9, fingerprint: 'abc' };
      const e = createEntry(draft({ link }), ADA, NOW);
      assert.ok(isId(e.id));
      assert.equal(e.title, 'Weekly report nobody reads');
      assert.deepEqual(e.reasons, ['fear', 'politics']);
      assert.deepEqual(e.smart, { speakUp: 'An hour every Friday.', moreInfo: '', accountability: 'I ask the PMO.', reprioritize: '', tryAnother: 'A dashboard' });
      assert.deepEqual(e.links, [link]);
      assert.notEqual(e.links[0], link);
      assert.deepEqual(e.author, ADA);
      assert.equal(e.created, '2026-11-22T15:47:12.345Z');
      assert.equal(e.updated, e.created);
      assert.equal(e.status, 'open');
      assert.equal(e.triage, 'inbox');
      assert.deepEqual(e.votes, []);
      assert.deepEqual(e.comments, []);
      assert.equal('cost' in e, false);
    });

    it('leaves no trace of the author when anonymous', () => {
      const e = createEntry(draft({ anonymous: true }), ADA, NOW);
      assert.equal('author' in e, false);
      assert.equal(e.created, '2026-11-22T00:00:00.000Z');
      assert.equal(e.updated, '2026-11-22T00:00:00.000Z');
      assert.doesNotMatch(JSON.stringify(e), /Ada|ada@/);
      assert.equal(decodeTime(e.id), Date.parse('2026-11-22T00:00:00.000Z'), 'the id hides the time of day too');
    });

    it('treats an entry without a known author as anonymous', () => {
      const e = createEntry(draft(), undefined, NOW);
      assert.equal('author' in e, false);
      assert.equal(e.created, '2026-11-22T00:00:00.000Z');
    });
  });

  describe('updateEntry', () => {
    it('applies the draft, keeps everything else and bumps `updated`', () => {
      const e = { ...makeEntry({ votes: ['grace@x'], status: 'decided', links: [{ path: 'a', startLine: 1, endLine: 1, fingerprint: 'x' }, { path: 'b', startLine: 2, endLine: 2, fingerprint: 'y' }] }), jira: 'OPS-7' };
      const next = updateEntry(e, { ...draftFromEntry(e), title: ' Renamed ', kind: 'trivia', cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 2 } }, LATER);
      assert.equal(next.title, 'Renamed');
      assert.equal(next.kind, 'trivia');
      assert.deepEqual(next.cost, { hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 2 });
      assert.equal(next.jira, 'OPS-7');
      assert.deepEqual(next.votes, ['grace@x']);
      assert.equal(next.status, 'decided');
      assert.deepEqual(next.links.map((l) => l.path), ['a', 'b']);
      assert.equal(next.created, e.created);
      assert.equal(next.updated, LATER.toISOString());
      assert.equal(e.title, 'Weekly status report nobody reads', 'the original entry is not changed');
    });

    it('replaces or removes the first link and the cost', () => {
      const e = makeEntry({ cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 1 }, links: [{ path: 'a', startLine: 1, endLine: 1, fingerprint: 'x' }] });
      const d = draftFromEntry(e);
      delete d.cost;
      delete d.link;
      const next = updateEntry(e, d, LATER);
      assert.equal('cost' in next, false);
      assert.deepEqual(next.links, []);
      const relinked = updateEntry(e, { ...d, link: { path: 'z', startLine: 4, endLine: 5, fingerprint: 'q' } }, LATER);
      assert.deepEqual(relinked.links, [{ path: 'z', startLine: 4, endLine: 5, fingerprint: 'q' }]);
    });

    it('switching to anonymous removes the author and coarsens the times', () => {
      const e = makeEntry({ created: '2026-11-20T13:14:15.161Z' });
      const next = updateEntry(e, { ...draftFromEntry(e), anonymous: true }, LATER);
      assert.equal('author' in next, false);
      assert.equal(next.created, '2026-11-20T00:00:00.000Z');
      assert.equal(next.updated, '2026-11-23T00:00:00.000Z');
    });

    it('keeps an anonymous entry anonymous and day-coarsened', () => {
      const e = createEntry(draft({ anonymous: true }), ADA, NOW);
      const next = updateEntry(e, { ...draftFromEntry(e), title: 'Still secret' }, LATER);
      assert.equal('author' in next, false);
      assert.equal(next.updated, '2026-11-23T00:00:00.000Z');
    });

    it('can put a name on a formerly anonymous entry', () => {
      const e = createEntry(draft({ anonymous: true }), undefined, NOW);
      const next = updateEntry(e, { ...draftFromEntry(e), anonymous: false }, LATER, ADA);
      assert.deepEqual(next.author, ADA);
      assert.equal(next.updated, LATER.toISOString());
    });
  });

  describe('draftFromEntry', () => {
    it('round-trips through updateEntry without changes other than `updated`', () => {
      const e = makeEntry({ cost: { hoursPerOccurrence: 2, occurrences: 1, per: 'month', people: 3 }, links: [{ path: 'a', startLine: 1, endLine: 2, fingerprint: 'f' }] });
      const d = draftFromEntry(e);
      assert.equal(d.anonymous, false);
      assert.deepEqual(d.link, e.links[0]);
      d.smart.speakUp = 'changed in the form';
      assert.notEqual(e.smart.speakUp, 'changed in the form', 'the draft is a copy');
      assert.deepEqual({ ...updateEntry(e, draftFromEntry(e), LATER), updated: e.updated }, e);
    });

    it('marks entries without an author as anonymous', () => {
      assert.equal(draftFromEntry(makeEntry({ author: undefined })).anonymous, true);
    });
  });

  describe('backlog operations', () => {
    const a = makeEntry({ id: '01JD3Q4X5Z6A7B8C9D0E1F2G3A' });
    const b = makeEntry({ id: '01JD3Q4X5Z6A7B8C9D0E1F2G3B' });
    const backlog: Backlog = { version: 1, entries: [a, b], retros: [], team: 'platform' };

    it('archives with a new `updated`', () => {
      const archived = archiveEntry(a, LATER);
      assert.equal(archived.status, 'archived');
      assert.equal(archived.updated, LATER.toISOString());
      assert.equal(a.status, 'open');
      assert.equal(archiveEntry(makeEntry({ author: undefined }), LATER).updated, '2026-11-23T00:00:00.000Z');
    });

    it('restores the exact status an entry had before Archive, a decided one included', () => {
      const decision = { outcome: 'automate' as const, rationale: '', owner: 'Grace', followUp: 'in-progress' as const, decided: NOW.toISOString() };
      for (const status of ['open', 'decided', 'done'] as const) {
        const before = makeEntry({ status, decision: status === 'open' ? undefined : { ...decision, followUp: status === 'done' ? 'done' : 'in-progress' } });
        const undone = restoreEntry(archiveEntry(before, NOW), LATER, before.status === 'archived' ? 'open' : before.status);
        assert.equal(undone.status, status);
        assert.equal(undone.updated, LATER.toISOString());
      }
    });

    it('restores an anonymous entry with times still coarsened to the day', () => {
      const anonymous = makeEntry({ author: undefined, created: '2026-11-20T00:00:00.000Z', updated: '2026-11-20T00:00:00.000Z' });
      const undone = restoreEntry(archiveEntry(anonymous, NOW), LATER, 'open');
      assert.equal(undone.updated, '2026-11-23T00:00:00.000Z');
      assert.equal(undone.created, anonymous.created);
    });

    it('restores without a remembered status to what its decision says, and unhooks a merged duplicate', () => {
      const decision = { outcome: 'stop' as const, rationale: '', owner: 'Grace', followUp: 'done' as const, decided: NOW.toISOString() };
      assert.equal(restoreEntry(makeEntry({ status: 'archived' }), LATER).status, 'open');
      assert.equal(restoreEntry(makeEntry({ status: 'archived', decision }), LATER).status, 'done');
      assert.equal(restoreEntry(makeEntry({ status: 'archived', decision: { ...decision, followUp: 'open' } }), LATER).status, 'decided');
      const duplicate = restoreEntry(makeEntry({ status: 'archived', duplicateOf: b.id }), LATER);
      assert.equal('duplicateOf' in duplicate, false);
    });

    it('upserts by id without changing the original backlog', () => {
      const replaced = upsertEntry(backlog, { ...b, title: 'Changed' });
      assert.deepEqual(replaced.entries.map((e) => e.title), [a.title, 'Changed']);
      assert.equal(replaced.team, 'platform');
      assert.equal(backlog.entries[1].title, b.title);
      const c = makeEntry({ id: '01JD3Q4X5Z6A7B8C9D0E1F2G3C' });
      assert.deepEqual(upsertEntry(backlog, c).entries.map((e) => e.id), [a.id, b.id, c.id]);
      assert.equal(backlog.entries.length, 2);
    });

    it('finds entries by id', () => {
      assert.equal(findEntry(backlog, b.id), b);
      assert.equal(findEntry(backlog, '01JD3Q4X5Z6A7B8C9D0E1F2G3Z'), undefined);
    });
  });
});
