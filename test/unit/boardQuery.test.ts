import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultQuery, queryBoard, type BoardContext, type BoardQuery, type BoardSort, type CardView } from '../../src/core/retro/boardQuery';
import { newVoteToken } from '../../src/core/votes/votes';
import { hoursPerMonth } from '../../src/core/model/cost';
import { KINDS, REASONS, STATUSES, TRIAGE_LISTS, type Backlog, type Entry } from '../../src/core/model/model';
import { clockAt, generateBacklog, makeEntry } from './fixtures';

const NOW = new Date('2025-03-10T14:30:00.000Z');
const CTX = { clock: clockAt(NOW), voter: { id: 'ada@example.com', tokens: new Set<string>() }, staleDays: 30 };

function id(n: number): string {
  return `01JH${String(n).padStart(22, '0')}`;
}

function query(patch: Partial<BoardQuery['filter']> = {}, rest: Partial<Omit<BoardQuery, 'filter'>> = {}): BoardQuery {
  const q = defaultQuery();
  return { ...q, ...rest, filter: { ...q.filter, ...patch } };
}

function ids(b: Backlog, q: BoardQuery): string[] {
  return queryBoard(b, q, CTX).columns.flatMap((c) => c.cards.map((card) => card.id));
}

/** The board's rules written the slow, obvious way, to check the fast one against. */
function reference(b: Backlog, q: BoardQuery): Record<string, string[]> {
  const statuses = q.filter.statuses.length > 0 ? q.filter.statuses : ['open', 'decided'];
  const needle = q.filter.search.trim().toLowerCase();
  const matches = (e: Entry) =>
    statuses.includes(e.status) &&
    (q.filter.kinds.length === 0 || q.filter.kinds.includes(e.kind)) &&
    (q.filter.reasons.length === 0 || e.reasons.some((r) => q.filter.reasons.includes(r))) &&
    (q.filter.author === 'any' ||
      (q.filter.author === 'anonymous' && !e.author) ||
      (q.filter.author === 'named' && !!e.author) ||
      e.author?.name === q.filter.author) &&
    (needle === '' || [e.title, ...Object.values(e.smart), ...e.comments.map((c) => c.text), e.author?.name ?? ''].some((t) => t.toLowerCase().includes(needle)));
  const key = (e: Entry): number | string => (q.sort === 'votes' ? -e.votes.length : q.sort === 'cost' ? -hoursPerMonth(e.cost) : e.created);
  const out: Record<string, string[]> = {};
  for (const list of TRIAGE_LISTS) {
    const column = b.entries.filter((e) => e.triage === list && matches(e));
    column.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id < y.id ? -1 : 1));
    out[list] = column.slice(0, q.pageSize * (q.pages[list] ?? 1)).map((e) => e.id);
  }
  return out;
}

describe('queryBoard', () => {
  const b: Backlog = {
    version: 1,
    retros: [],
    entries: [
      makeEntry({ id: id(1), title: 'Weekly report', votes: ['a', 'b'], created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z' }),
      makeEntry({ id: id(2), title: 'Deploy freeze', kind: 'autopilot-policy', reasons: ['fear'], votes: ['a', 'b', 'c'], triage: 'now', author: { name: 'Grace Hopper' } }),
      makeEntry({ id: id(3), title: 'Standup', kind: 'ritual-process', reasons: [], author: undefined, votes: ['ada@example.com'], cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 8 } }),
      makeEntry({ id: id(4), title: 'Old decision', status: 'decided', votes: ['a', 'b'], created: '2024-12-01T00:00:00.000Z', decision: { outcome: 'stop', rationale: '', owner: 'G', followUp: 'open', decided: '2025-01-01T00:00:00.000Z' } }),
      makeEntry({ id: id(5), title: 'Finished', status: 'done' }),
      makeEntry({ id: id(6), title: 'Merged away', status: 'archived', duplicateOf: id(1) }),
      makeEntry({ id: id(7), title: 'Someday thing', triage: 'someday', comments: [{ id: id(70), created: '2025-01-02T00:00:00.000Z', text: 'The AUDIT asks for it' }] }),
    ],
  };

  it('shows active entries in four columns, sorted by votes with ties by id', () => {
    const view = queryBoard(b, defaultQuery(), CTX);
    assert.deepEqual(view.columns.map((c) => c.list), ['inbox', 'now', 'bigger-story', 'someday']);
    assert.deepEqual(view.columns.map((c) => c.cards.map((card) => card.title)), [['Weekly report', 'Old decision', 'Standup'], ['Deploy freeze'], [], ['Someday thing']]);
    assert.equal(view.matched, 5);
    assert.equal(view.total, 7);
    assert.deepEqual(view.authors, ['Ada Lovelace', 'Grace Hopper']);
  });

  it('describes each card', () => {
    const cards = queryBoard(b, defaultQuery(), CTX).columns.flatMap((c) => c.cards);
    const standup = cards.find((c) => c.id === id(3));
    assert.deepEqual({ ...standup }, {
      id: id(3),
      title: 'Standup',
      kind: 'ritual-process',
      reasons: [],
      smartFilled: 5,
      hoursPerMonth: hoursPerMonth({ hoursPerOccurrence: 1, occurrences: 1, per: 'day', people: 8 }),
      votes: 1,
      voted: true,
      votedNamed: true,
      helpers: ['Ada Lovelace'],
      status: 'open',
      triage: 'inbox',
      stale: true,
      ageDays: 63,
      idleDays: 63,
      comments: 0,
    });
    const decided = cards.find((c) => c.id === id(4));
    assert.equal(decided?.decision?.outcome, 'stop');
    assert.equal(decided?.stale, false, 'only open entries go stale');
    assert.equal(cards.find((c) => c.id === id(7))?.comments, 1);
    assert.equal(cards.find((c) => c.id === id(2))?.author, 'Grace Hopper');
    assert.equal(queryBoard(b, defaultQuery(), { ...CTX, staleDays: 0 }).columns[0].cards.some((c) => c.stale), false);
  });

  it('shows the viewer\'s anonymous vote as theirs and a teammate\'s as a count, with no name', () => {
    const [mine, theirs] = [newVoteToken(), newVoteToken()];
    const voted = { ...b, entries: b.entries.map((e) => (e.id === id(1) ? { ...e, votes: [mine, theirs] } : e)) };
    const card = (ctx: BoardContext) => queryBoard(voted, defaultQuery(), ctx).columns.flatMap((c) => c.cards).find((c) => c.id === id(1));
    assert.deepEqual(pick(card({ ...CTX, voter: { id: 'ada@example.com', tokens: new Set([mine]) } })), { votes: 2, voted: true, votedNamed: false, helpers: [] });
    assert.deepEqual(pick(card(CTX)), { votes: 2, voted: false, votedNamed: false, helpers: [] });
  });

  it('counts idle days from the last change and age from creation', () => {
    const old = makeEntry({ id: id(8), created: '2024-12-01T00:00:00.000Z', updated: '2025-02-01T00:00:00.000Z' });
    const [seen] = queryBoard({ version: 1, retros: [], entries: [old] }, defaultQuery(), CTX).columns[0].cards;
    assert.deepEqual({ stale: seen.stale, ageDays: seen.ageDays, idleDays: seen.idleDays }, { stale: true, ageDays: 99, idleDays: 37 });
  });

  it('sorts by cost and by age', () => {
    assert.deepEqual(queryBoard(b, query({}, { sort: 'cost' }), CTX).columns[0].cards.map((c) => c.id), [id(3), id(1), id(4)]);
    assert.deepEqual(queryBoard(b, query({}, { sort: 'age' }), CTX).columns[0].cards.map((c) => c.id), [id(4), id(1), id(3)]);
  });

  it('filters by kind, reason, author and status', () => {
    assert.deepEqual(ids(b, query({ kinds: ['ritual-process', 'autopilot-policy'] })), [id(3), id(2)]);
    assert.deepEqual(ids(b, query({ reasons: ['fear', 'politics'] })), [id(2)]);
    assert.deepEqual(ids(b, query({ author: 'anonymous' })), [id(3)]);
    assert.deepEqual(ids(b, query({ author: 'named' })).length, 4);
    assert.deepEqual(ids(b, query({ author: 'Grace Hopper' })), [id(2)]);
    assert.deepEqual(ids(b, query({ author: 'grace hopper' })), []);
    assert.deepEqual(ids(b, query({ statuses: ['done', 'archived'] })), [id(5), id(6)]);
  });

  it('searches title, answers, comments and author, ignoring case', () => {
    assert.deepEqual(ids(b, query({ search: 'FREEZE' })), [id(2)]);
    assert.deepEqual(ids(b, query({ search: 'audit' })), [id(7)]);
    assert.deepEqual(ids(b, query({ search: 'grace' })), [id(2)]);
    assert.equal(ids(b, query({ search: 'Read Receipts' })).length, 5);
    assert.deepEqual(ids(b, query({ search: 'nothing like this' })), []);
    const view = queryBoard(b, query({ search: 'audit' }), CTX);
    assert.equal(view.matched, 1);
    assert.deepEqual(view.authors, ['Ada Lovelace', 'Grace Hopper'], 'the author list does not shrink with the filter');
  });

  it('sends only the pages each column shows, and counts the rest', () => {
    const big = generateBacklog(300, 5);
    const view = queryBoard(big, query({ statuses: [...STATUSES] }, { pageSize: 10, pages: { now: 3 } }), CTX);
    for (const column of view.columns) {
      assert.equal(column.total, big.entries.filter((e) => e.triage === column.list).length);
      assert.equal(column.cards.length, Math.min(column.total, column.list === 'now' ? 30 : 10));
    }
    assert.equal(view.matched, 300);
    const odd = queryBoard(big, query({}, { pageSize: 0, pages: { inbox: -2 } }), CTX);
    assert.equal(odd.columns[0].cards.length, Math.min(odd.columns[0].total, 50), 'nonsense sizes fall back to the defaults');
  });

  it('agrees with the obvious implementation on random queries', () => {
    const big = generateBacklog(400, 9);
    // Out of id order, so ties must really be broken by id.
    big.entries.reverse();
    const authors = ['any', 'anonymous', 'named', 'Grace Hopper', 'Alan Turing'];
    fc.assert(
      fc.property(
        fc.record({
          sort: fc.constantFrom<BoardSort>('votes', 'cost', 'age'),
          kinds: fc.subarray([...KINDS], { maxLength: 3 }),
          reasons: fc.subarray([...REASONS], { maxLength: 3 }),
          author: fc.constantFrom(...authors),
          statuses: fc.subarray([...STATUSES]),
          search: fc.constantFrom('', 'report', 'THE', ' nobody ', 'zzz'),
          pageSize: fc.integer({ min: 1, max: 60 }),
          pages: fc.record({ inbox: fc.integer({ min: 1, max: 4 }), someday: fc.integer({ min: 1, max: 4 }) }),
        }),
        (r) => {
          const q: BoardQuery = { sort: r.sort, pageSize: r.pageSize, pages: r.pages, filter: { kinds: r.kinds, reasons: r.reasons, author: r.author, statuses: r.statuses, search: r.search } };
          const view = queryBoard(big, q, CTX);
          const expected = reference(big, q);
          for (const column of view.columns) assert.deepEqual(column.cards.map((c) => c.id), expected[column.list], `${column.list} ${JSON.stringify(q)}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function pick(card: CardView | undefined): Pick<CardView, 'votes' | 'voted' | 'votedNamed' | 'helpers'> | undefined {
  return card && { votes: card.votes, voted: card.voted, votedNamed: card.votedNamed, helpers: card.helpers };
}
