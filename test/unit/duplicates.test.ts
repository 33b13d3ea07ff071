import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hoursPerMonth } from '../../src/core/model/cost';
import { REASONS, SMART_KEYS, type Backlog, type CodeLink, type Comment, type Cost, type Entry } from '../../src/core/model/model';
import { mergeDuplicate, type Change } from '../../src/core/retro/retro';
import { english } from '../../src/core/text/english';
import { assertValid, makeEntry } from './fixtures';

const KEEP = '01JH0000000000000000000000';
const DROP = '01JH0000000000000000000001';
const OTHER = '01JH0000000000000000000002';
const NOW = new Date('2025-03-10T14:30:00.000Z');
/** Few ids, so comments of the two entries share ids as often as copied data would. */
const COMMENT_IDS = ['01JH3000000000000000000000', '01JH3000000000000000000001', '01JH3000000000000000000002'];

function ok(change: Change): Backlog {
  if (!change.ok) assert.fail(english(change.message));
  assertValid(change.backlog);
  return change.backlog;
}

function entry(b: Backlog, id: string): Entry {
  const e = b.entries.find((x) => x.id === id);
  assert.ok(e, `entry ${id}`);
  return e;
}

const text = (max: number) => fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: max }), fc.constantFrom('Same answer', '# <b>hostile</b> [x](javascript:1)'));

const comment: fc.Arbitrary<Comment> = fc
  .record({
    id: fc.constantFrom(...COMMENT_IDS),
    created: fc.constantFrom('2025-01-01T00:00:00.000Z', '2025-01-02T10:00:00.000Z'),
    text: fc.constantFrom('Agreed.', 'Me too', 'We need this report for the audit.'),
    author: fc.option(fc.record({ name: fc.constantFrom('Ada', 'Grace') }), { nil: undefined }),
  })
  .map((c) => {
    const out: Comment = { id: c.id, created: c.created, text: c.text };
    if (c.author) out.author = c.author;
    return out;
  });

const link: fc.Arbitrary<CodeLink> = fc.record({
  path: fc.constantFrom('src/a.ts', 'scripts/report.py'),
  startLine: fc.integer({ min: 1, max: 5 }),
  endLine: fc.integer({ min: 5, max: 9 }),
  fingerprint: fc.constantFrom('f1', 'f2'),
});

const cost: fc.Arbitrary<Cost> = fc.record({
  hoursPerOccurrence: fc.integer({ min: 0, max: 40 }),
  occurrences: fc.integer({ min: 1, max: 5 }),
  per: fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
  people: fc.integer({ min: 1, max: 20 }),
});

function arbitraryEntry(id: string): fc.Arbitrary<Entry> {
  return fc
    .record({
      title: fc.string({ minLength: 1, maxLength: 300 }).filter((t) => t.trim() !== ''),
      reasons: fc.uniqueArray(fc.constantFrom(...REASONS), { maxLength: 4 }),
      smart: fc.record({ speakUp: text(2000), moreInfo: text(2000), accountability: text(2000), reprioritize: text(2000), tryAnother: text(2000) }),
      votes: fc.uniqueArray(fc.constantFrom('ada@x', 'grace@x', 'alan', 'kj@x'), { maxLength: 4 }),
      comments: fc.uniqueArray(comment, { maxLength: 3, selector: (c) => c.id }),
      links: fc.uniqueArray(link, { maxLength: 3, selector: (l) => JSON.stringify(l) }),
      cost: fc.option(cost, { nil: undefined }),
      anonymous: fc.boolean(),
    })
    .map((r) => {
      const e = makeEntry({ id, title: r.title, reasons: r.reasons, smart: r.smart, votes: r.votes, comments: r.comments, links: r.links });
      if (r.cost) e.cost = r.cost;
      if (r.anonymous) delete e.author;
      return e;
    });
}

function sameComment(a: Comment, b: Comment): boolean {
  return a.text === b.text && a.created === b.created && a.author?.name === b.author?.name;
}

describe('merging duplicates', () => {
  it('loses nothing: every vote, comment, reason, link and answer of both entries survives, and the file stays valid', () => {
    fc.assert(
      fc.property(arbitraryEntry(KEEP), arbitraryEntry(DROP), (keep, drop) => {
        const before: Backlog = { version: 1, entries: [keep, drop], retros: [] };
        const after = ok(mergeDuplicate(before, KEEP, DROP, NOW));
        const kept = entry(after, KEEP);
        const archived = entry(after, DROP);

        for (const v of [...keep.votes, ...drop.votes]) assert.ok(kept.votes.includes(v), `vote ${v}`);
        for (const r of [...keep.reasons, ...drop.reasons]) assert.ok(kept.reasons.includes(r), `reason ${r}`);
        for (const l of [...keep.links, ...drop.links]) assert.ok(kept.links.some((k) => JSON.stringify(k) === JSON.stringify(l)), `link ${JSON.stringify(l)}`);
        for (const c of [...keep.comments, ...drop.comments]) assert.ok(kept.comments.some((k) => sameComment(k, c)), `comment ${c.text}`);
        assert.equal(new Set(kept.comments.map((c) => c.id)).size, kept.comments.length, 'comment ids stay unique');
        for (const key of SMART_KEYS) {
          for (const answer of [keep.smart[key], drop.smart[key]]) {
            if (answer.trim() !== '') assert.ok(kept.smart[key].includes(answer.trim()), `${key}: ${answer}`);
          }
        }
        assert.equal(hoursPerMonth(kept.cost), Math.max(hoursPerMonth(keep.cost), hoursPerMonth(drop.cost)));
        assert.equal(kept.title, keep.title);
        assert.deepEqual(kept.author, keep.author);

        assert.deepEqual({ ...archived, status: drop.status, updated: drop.updated, duplicateOf: undefined }, { ...drop, duplicateOf: undefined }, 'the duplicate stays as it was');
        assert.equal(archived.status, 'archived');
        assert.equal(archived.duplicateOf, KEEP);
      }),
      { numRuns: 200 },
    );
  });

  it('names the other entry where two different answers meet', () => {
    const keep = makeEntry({ id: KEEP });
    const drop = makeEntry({ id: DROP, title: 'Friday report', smart: { ...keep.smart, speakUp: 'Two hours, not one.', moreInfo: '' } });
    const kept = entry(ok(mergeDuplicate({ version: 1, entries: [keep, drop], retros: [] }, KEEP, DROP, NOW)), KEEP);
    assert.equal(kept.smart.speakUp, 'We spend an hour every Friday on a report.\n\nFrom the merged duplicate "Friday report":\nTwo hours, not one.');
    assert.equal(kept.smart.moreInfo, keep.smart.moreInfo);
    assert.equal(kept.smart.tryAnother, keep.smart.tryAnother, 'equal answers are not repeated');
  });

  it('takes over the duplicate’s decision when the kept entry has none', () => {
    const decision = { outcome: 'stop' as const, rationale: '', owner: 'Grace', followUp: 'in-progress' as const, decided: '2025-02-01T00:00:00.000Z' };
    const b: Backlog = { version: 1, entries: [makeEntry({ id: KEEP }), makeEntry({ id: DROP, status: 'decided', decision })], retros: [] };
    const kept = entry(ok(mergeDuplicate(b, KEEP, DROP, NOW)), KEEP);
    assert.deepEqual(kept.decision, decision);
    assert.equal(kept.status, 'decided');
  });

  it('re-points entries merged into the duplicate earlier, so no chain is left', () => {
    const b: Backlog = {
      version: 1,
      entries: [makeEntry({ id: KEEP }), makeEntry({ id: DROP }), makeEntry({ id: OTHER, status: 'archived', duplicateOf: DROP })],
      retros: [],
    };
    const after = ok(mergeDuplicate(b, KEEP, DROP, NOW));
    assert.equal(entry(after, OTHER).duplicateOf, KEEP);
  });

  it('refuses merging an entry into itself, into an archived entry, or one already merged', () => {
    const b: Backlog = {
      version: 1,
      entries: [makeEntry({ id: KEEP }), makeEntry({ id: DROP, title: 'Gone', status: 'archived', duplicateOf: KEEP }), makeEntry({ id: OTHER })],
      retros: [],
    };
    const refused = (change: Change) => (change.ok ? assert.fail('should be refused') : english(change.message));
    assert.equal(refused(mergeDuplicate(b, KEEP, KEEP, NOW)), 'An entry cannot be merged into itself; choose two different entries.');
    assert.equal(refused(mergeDuplicate(b, DROP, OTHER, NOW)), '"Gone" is archived, merged into another entry; merge into an entry that is still on the board.');
    assert.equal(refused(mergeDuplicate(b, OTHER, DROP, NOW)), '"Gone" was already merged into another entry.');
    assert.match(refused(mergeDuplicate(b, KEEP, '01JH0000000000000000000009', NOW)), /no entry with id/);
  });

  it('refuses rather than write an answer longer than the file allows', () => {
    const long = 'x'.repeat(15_000);
    const keep = makeEntry({ id: KEEP, smart: { ...makeEntry().smart, reprioritize: long } });
    const drop = makeEntry({ id: DROP, smart: { ...makeEntry().smart, reprioritize: `y${long}` } });
    const change = mergeDuplicate({ version: 1, entries: [keep, drop], retros: [] }, KEEP, DROP, NOW);
    assert.equal(change.ok, false);
    assert.match(change.ok ? '' : english(change.message), /^Together the answers to "Re-prioritize" would be 300\d\d characters long, over the 20000 limit\. Shorten one of them first\.$/);
  });
});
