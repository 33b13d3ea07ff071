import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { draftFromEntry, updateEntry } from '../../src/core/model/entries';
import { FOLLOW_UPS, KINDS, OUTCOMES, PERIODS, REASONS, STATUSES, TRIAGE_LISTS, type Backlog, type Entry } from '../../src/core/model/model';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { generateBacklog, makeEntry, rng } from './fixtures';

const A = '01JD3Q4X5Z6A7B8C9D0E1F2G3A';
const B = '01JD3Q4X5Z6A7B8C9D0E1F2G3B';
const C = '01JD3Q4X5Z6A7B8C9D0E1F2G3C';

function load(text: string): Backlog {
  const result = parseBacklog(text);
  if (!result.ok) assert.fail(`${result.problem.code}: ${english(result.problem.message)}`);
  return result.backlog;
}

/** Rebuilds every object with its keys in a random order and shuffles the arrays whose order carries no meaning. */
function shuffled<T>(value: T, random: () => number, unordered = false): T {
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => shuffled(v, random));
    if (unordered) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
    }
    return items as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    Object.defineProperty(out, key, { value: shuffled(v, random, ['entries', 'retros', 'votes', 'reasons', 'comments'].includes(key)), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  assert.equal(x.length, y.length, 'line count changed');
  return x.flatMap((line, i) => (line === y[i] ? [] : [`${line} → ${y[i]}`]));
}

describe('serializeBacklog', () => {
  it('writes known keys in a fixed order, then unknown keys sorted, with 2-space indent and a final newline', () => {
    const entry = {
      zz: 1,
      comments: [],
      votes: [],
      triage: 'inbox',
      status: 'open',
      updated: '2025-01-02T00:00:00.000Z',
      created: '2025-01-01T00:00:00.000Z',
      author: { email: 'a@x', name: 'Ada', aa: 2 },
      links: [{ fingerprint: 'f', endLine: 2, startLine: 1, path: 'a.ts' }],
      cost: { people: 2, per: 'week', occurrences: 1, hoursPerOccurrence: 3 },
      smart: { tryAnother: 'e', reprioritize: 'd', accountability: 'c', moreInfo: 'b', speakUp: 'a' },
      reasons: [],
      kind: 'trivia',
      title: 'T',
      id: A,
      aa: { z: 1, a: [{ y: 1, b: 2 }] },
    } as unknown as Entry;
    const text = serializeBacklog({ retros: [], entries: [entry], version: 1, extra: true, another: null });
    const expected = `{
  "version": 1,
  "entries": [
    {
      "id": "${A}",
      "title": "T",
      "kind": "trivia",
      "reasons": [],
      "smart": {
        "speakUp": "a",
        "moreInfo": "b",
        "accountability": "c",
        "reprioritize": "d",
        "tryAnother": "e"
      },
      "cost": {
        "hoursPerOccurrence": 3,
        "occurrences": 1,
        "per": "week",
        "people": 2
      },
      "links": [
        {
          "path": "a.ts",
          "startLine": 1,
          "endLine": 2,
          "fingerprint": "f"
        }
      ],
      "author": {
        "name": "Ada",
        "email": "a@x",
        "aa": 2
      },
      "created": "2025-01-01T00:00:00.000Z",
      "updated": "2025-01-02T00:00:00.000Z",
      "status": "open",
      "triage": "inbox",
      "votes": [],
      "comments": [],
      "aa": {
        "a": [
          {
            "b": 2,
            "y": 1
          }
        ],
        "z": 1
      },
      "zz": 1
    }
  ],
  "retros": [],
  "another": null,
  "extra": true
}
`;
    assert.equal(text, expected);
  });

  it('orders decision, comment and retro fields', () => {
    const entry = makeEntry({
      id: A,
      decision: { decided: '2025-02-01T00:00:00.000Z', followUp: 'open', due: '2025-03-01', owner: 'Ada', rationale: 'r', outcome: 'stop' },
      comments: [{ text: 't', created: '2025-01-03T00:00:00.000Z', author: { name: 'G' }, id: B }],
    });
    const retro = { decided: [A], discussed: [A], facilitator: 'Ada', finished: '2025-02-01T01:00:00.000Z', started: '2025-02-01T00:00:00.000Z', id: C };
    const back = JSON.parse(serializeBacklog({ version: 1, entries: [entry], retros: [retro] })) as Backlog;
    assert.deepEqual(Object.keys(back.entries[0].decision ?? {}), ['outcome', 'rationale', 'owner', 'due', 'followUp', 'decided']);
    assert.deepEqual(Object.keys(back.entries[0].comments[0]), ['id', 'author', 'created', 'text']);
    assert.deepEqual(Object.keys(back.retros[0]), ['id', 'started', 'finished', 'facilitator', 'discussed', 'decided']);
  });

  it('sorts entries by id in code-unit order, and sorts and de-duplicates votes and reasons', () => {
    const text = serializeBacklog({
      version: 1,
      entries: [
        makeEntry({ id: C, votes: ['zed@x', 'Ada@x', 'zed@x', 'ada@x'], reasons: ['politics', 'fear', 'politics'] }),
        makeEntry({ id: A }),
        makeEntry({ id: B }),
      ],
      retros: [],
    });
    const back = JSON.parse(text) as Backlog;
    assert.deepEqual(back.entries.map((e) => e.id), [A, B, C]);
    assert.deepEqual(back.entries[2].votes, ['Ada@x', 'ada@x', 'zed@x']);
    assert.deepEqual(back.entries[2].reasons, ['fear', 'politics']);
  });

  it('sorts comments by time, then id', () => {
    const at = (t: string, id: string) => ({ id, created: t, text: id });
    const entry = makeEntry({ id: A, comments: [at('2025-01-02T00:00:00.000Z', B), at('2025-01-02T00:00:00.000Z', A), at('2025-01-01T00:00:00.000Z', C)] });
    const back = JSON.parse(serializeBacklog({ version: 1, entries: [entry], retros: [] })) as Backlog;
    assert.deepEqual(back.entries[0].comments.map((c) => c.id), [C, A, B]);
  });

  it('omits undefined values and writes only \\n line endings', () => {
    const entry = makeEntry({ id: A, cost: undefined, decision: undefined, author: undefined, title: 'line\r\nbreak' });
    const text = serializeBacklog({ version: 1, entries: [entry], retros: [], gone: undefined });
    assert.doesNotMatch(text, /"cost"|"decision"|"author"|"gone"/);
    assert.doesNotMatch(text, /\r/);
    assert.ok(text.endsWith('}\n'));
  });

  it('keeps an unknown "__proto__" field as data', () => {
    const b = load('{"version":1,"entries":[],"__proto__":{"x":1}}');
    assert.match(serializeBacklog(b), /"__proto__": \{\n {4}"x": 1\n {2}\}/);
    assert.equal(Object.getPrototypeOf(JSON.parse(serializeBacklog(b))), Object.prototype);
  });

  it('gives the same bytes for the same data in any key or entry order', () => {
    const b = generateBacklog(60, 7);
    const text = serializeBacklog(b);
    assert.equal(serializeBacklog(generateBacklog(60, 7)), text, 'fixtures are deterministic');
    for (let seed = 1; seed <= 5; seed++) assert.equal(serializeBacklog(shuffled(b, rng(seed))), text);
  });

  it('round-trips: parse → serialize → parse → serialize is stable', () => {
    const text = serializeBacklog(generateBacklog(200, 3));
    const again = serializeBacklog(load(text));
    assert.equal(again, text);
    assert.deepEqual(load(again), load(text));
  });

  it('preserves unknown fields at the top, entry and nested levels through parse, update and serialize', () => {
    const entry = {
      ...makeEntry({ id: A }),
      tracker: { key: 'OPS-1', system: 'jira' },
      author: { name: 'Ada', team: 'core' },
      smart: { speakUp: 'a', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '', mood: 'tired' },
      cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 3, currency: 'EUR' },
      links: [{ path: 'a.ts', startLine: 1, endLine: 3, fingerprint: 'f', commit: 'abc' }],
      comments: [{ id: B, created: '2025-01-01T00:00:00.000Z', text: 'hi', reactions: ['+1'] }],
      decision: { outcome: 'stop' as const, rationale: 'r', owner: 'Ada', followUp: 'open' as const, decided: '2025-01-01T00:00:00.000Z', ticket: 9 },
    };
    const text = `${JSON.stringify({ board: { columns: 3 }, version: 1, entries: [entry], retros: [{ id: C, started: '2025-01-01T00:00:00.000Z', facilitator: 'Ada', room: 'B' }] })}\n`;
    const b = load(text);
    const draft = { ...draftFromEntry(b.entries[0]), title: 'New title' };
    const updated = updateEntry(b.entries[0], draft, new Date('2025-06-01T00:00:00.000Z'));
    const out = JSON.parse(serializeBacklog({ ...b, entries: [updated] })) as Backlog & { board: unknown };
    const e = out.entries[0];
    assert.equal(e.title, 'New title');
    assert.deepEqual(out.board, { columns: 3 });
    assert.deepEqual(e.tracker, { key: 'OPS-1', system: 'jira' });
    assert.equal(e.author?.team, 'core');
    assert.equal((e.smart as Record<string, unknown>).mood, 'tired');
    assert.equal(e.cost?.currency, 'EUR');
    assert.equal(e.links[0].commit, 'abc');
    assert.deepEqual(e.comments[0].reactions, ['+1']);
    assert.equal(e.decision?.ticket, 9);
    assert.equal(out.retros[0].room, 'B');
  });

  it('turns a one-field change into a one-line diff', () => {
    const b = generateBacklog(50, 11);
    const before = serializeBacklog(b);
    const target = b.entries[17];
    const edits: ((e: Entry) => Entry)[] = [
      (e) => ({ ...e, title: `${e.title} (again)` }),
      (e) => ({ ...e, status: e.status === 'done' ? 'open' : 'done' }),
      (e) => ({ ...e, smart: { ...e.smart, moreInfo: 'Asked finance: nobody reads it.' } }),
    ];
    for (const edit of edits) {
      const after = serializeBacklog({ ...b, entries: b.entries.map((e) => (e === target ? edit(e) : e)) });
      assert.equal(changedLines(before, after).length, 1);
    }
  });

  describe('properties', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const stamp = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const extraKey = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !/^(id|title|kind|reasons|smart|cost|links|author|created|updated|status|triage|votes|comments|decision|history|name|email|text|version|entries|retros)$/.test(k));
    const extras = fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });
    const person = fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), email: fc.option(fc.emailAddress(), { nil: undefined }) }, { requiredKeys: ['name'] });
    const entry = fc
      .record(
        {
          id: fc.ulid(),
          title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
          kind: fc.constantFrom(...KINDS),
          reasons: fc.array(fc.constantFrom(...REASONS), { maxLength: 4 }),
          smart: fc.record({ speakUp: text, moreInfo: text, accountability: text, reprioritize: text, tryAnother: text }),
          cost: fc.record({
            hoursPerOccurrence: fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
            occurrences: fc.integer({ min: 0, max: 50 }),
            per: fc.constantFrom(...PERIODS),
            people: fc.integer({ min: 1, max: 40 }),
          }),
          links: fc.array(fc.record({ path: fc.string({ minLength: 1, maxLength: 30 }), startLine: fc.integer({ min: 1, max: 999 }), endLine: fc.integer({ min: 1, max: 999 }), fingerprint: fc.stringMatching(/^[0-9a-f]{0,16}$/) }), { maxLength: 2 }),
          author: person,
          created: stamp,
          updated: stamp,
          status: fc.constantFrom(...STATUSES),
          triage: fc.constantFrom(...TRIAGE_LISTS),
          votes: fc.array(fc.constantFrom('ada@x', 'grace@x', 'alan@x', 'zoë@x'), { maxLength: 5 }),
          comments: fc.array(fc.record({ id: fc.ulid(), author: person, created: stamp, text }, { requiredKeys: ['id', 'created', 'text'] }), { maxLength: 3 }),
          decision: fc.record(
            { outcome: fc.constantFrom(...OUTCOMES), rationale: text, owner: fc.string({ minLength: 1, maxLength: 10 }), due: stamp.map((s) => s.slice(0, 10)), followUp: fc.constantFrom(...FOLLOW_UPS), decided: stamp },
            { requiredKeys: ['outcome', 'rationale', 'owner', 'followUp', 'decided'] },
          ),
        },
        { requiredKeys: ['id', 'title', 'kind', 'reasons', 'smart', 'links', 'created', 'updated', 'status', 'triage', 'votes', 'comments'] },
      )
      .chain((e) => extras.map((x): Entry => ({ ...x, ...e })));
    const backlog = fc
      .record({ entries: fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 8 }), extra: extras })
      .map(({ entries, extra }): Backlog => ({ ...extra, version: 1, entries, retros: [] }));

    it('serialize(parse(serialize(b))) === serialize(b)', () => {
      fc.assert(
        fc.property(backlog, (b) => {
          const once = serializeBacklog(b);
          assert.equal(serializeBacklog(load(once)), once);
        }),
        { numRuns: 300 },
      );
    });

    it('shuffling entries and keys never changes the bytes', () => {
      fc.assert(
        fc.property(backlog, fc.integer(), (b, seed) => {
          assert.equal(serializeBacklog(shuffled(b, rng(seed))), serializeBacklog(b));
        }),
        { numRuns: 300 },
      );
    });
  });
});
