import assert from 'node:assert/strict';
import { hoursByKind, openedVsDecided, topReasons } from '../../src/core/retro/charts';
import { hoursPerMonth } from '../../src/core/model/cost';
import { KINDS, type Backlog, type Retro } from '../../src/core/model/model';
import { clockAt, makeEntry } from './fixtures';

const E = (n: number) => `01JH${String(n).padStart(22, '0')}`;
const UTC = clockAt('2025-06-01T00:00:00.000Z');
const WEEKLY = { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 3 };

describe('charts', () => {
  it('hoursByKind sums active entries for every kind, in order', () => {
    const b: Backlog = {
      version: 1,
      retros: [],
      entries: [
        makeEntry({ id: E(1), kind: 'trivia', cost: WEEKLY }),
        makeEntry({ id: E(2), kind: 'trivia', status: 'decided', cost: WEEKLY }),
        makeEntry({ id: E(3), kind: 'trivia', status: 'done', cost: WEEKLY }),
        makeEntry({ id: E(4), kind: 'trivia', status: 'archived', cost: WEEKLY }),
        makeEntry({ id: E(5), kind: 'other' }),
      ],
    };
    const chart = hoursByKind(b);
    assert.deepEqual(chart.map((c) => c.kind), [...KINDS]);
    assert.deepEqual(chart.find((c) => c.kind === 'trivia'), { kind: 'trivia', hours: 2 * hoursPerMonth(WEEKLY), entries: 2 });
    assert.deepEqual(chart.find((c) => c.kind === 'other'), { kind: 'other', hours: 0, entries: 1 });
    assert.deepEqual(chart.find((c) => c.kind === 'unused-report'), { kind: 'unused-report', hours: 0, entries: 0 });
  });

  it('openedVsDecided counts entries flagged up to each retro and the decisions it recorded', () => {
    const at = (day: string) => `2025-${day}T10:00:00.000Z`;
    const retros: Retro[] = [
      { id: E(92), started: at('02-03'), finished: '2025-02-03T11:00:00.000Z', facilitator: 'A', discussed: [], decided: [E(2), E(3), E(3)] },
      { id: E(91), started: at('01-06'), finished: '2025-01-06T11:00:00.000Z', facilitator: 'A', discussed: [], decided: [E(1)] },
      { id: E(93), started: at('03-03'), facilitator: 'A', discussed: [], decided: [] },
      { id: E(90), started: at('01-01'), facilitator: 'abandoned', discussed: [], decided: [E(1)] },
    ];
    const b: Backlog = {
      version: 1,
      retros,
      entries: [
        makeEntry({ id: E(1), created: at('01-02') }),
        makeEntry({ id: E(2), created: '2025-01-06T10:30:00.000Z' }),
        makeEntry({ id: E(3), created: at('01-20') }),
        makeEntry({ id: E(4), created: at('02-10') }),
        makeEntry({ id: E(5), created: at('03-04') }),
      ],
    };
    assert.deepEqual(openedVsDecided(b, UTC), [
      { label: '2025-01-06', opened: 2, decided: 1 },
      { label: '2025-02-03', opened: 1, decided: 2 },
      { label: '2025-03-03', opened: 2, decided: 0 },
    ]);
    assert.deepEqual(openedVsDecided({ version: 1, retros: [], entries: b.entries }, UTC), []);
  });

  it('topReasons counts entries that are not archived, most first, ties in the usual order', () => {
    const b: Backlog = {
      version: 1,
      retros: [],
      entries: [
        makeEntry({ id: E(1), reasons: ['politics', 'fear'] }),
        makeEntry({ id: E(2), reasons: ['politics', 'overload'] }),
        makeEntry({ id: E(3), reasons: ['overload'], status: 'done' }),
        makeEntry({ id: E(4), reasons: ['fear', 'fear'] }),
        makeEntry({ id: E(5), reasons: ['boss-wants-it', 'indecision'], status: 'archived' }),
      ],
    };
    assert.deepEqual(topReasons(b, 10), [
      { reason: 'fear', count: 2 },
      { reason: 'politics', count: 2 },
      { reason: 'overload', count: 2 },
    ]);
    assert.deepEqual(topReasons(b, 1), [{ reason: 'fear', count: 2 }]);
    assert.deepEqual(topReasons(b, 0), []);
  });
});
