import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { hoursPerMonth } from '../../src/core/model/cost';
import type { Backlog, Cost, Decision, Entry, Retro } from '../../src/core/model/model';
import { impactChart, RECURRING_SHOWN } from '../../src/core/retro/charts';
import { impact, RECURRENCE_WINDOW, TREND_POINTS } from '../../src/core/retro/impact';
import { impactText, recurrenceText } from '../../src/core/text/impactWords';
import { clockAt, makeEntry } from './fixtures';

const E = (n: number) => `01JH${String(n).padStart(22, '0')}`;
const R = (n: number) => `01JR${String(n).padStart(22, '0')}`;
const NOW = clockAt('2026-06-15T12:00:00.000Z');
/** 1 h a week for 3 people: 13 h a month. */
const WEEKLY: Cost = { hoursPerOccurrence: 1, occurrences: 1, per: 'week', people: 3 };
/** 2 h a month. */
const MONTHLY: Cost = { hoursPerOccurrence: 2, occurrences: 1, per: 'month', people: 1 };

function decided(outcome: Decision['outcome'], followUp: Decision['followUp'], at = '2026-02-01T10:00:00.000Z', completed?: string): Pick<Entry, 'status' | 'decision'> {
  const decision: Decision = { outcome, followUp, rationale: outcome === 'keep' ? 'Auditors need it.' : '', owner: 'Grace', decided: at };
  if (followUp === 'done') decision.completed = completed ?? at;
  return { status: followUp === 'done' ? 'done' : 'decided', decision };
}

function backlog(entries: Entry[], retros: Retro[] = []): Backlog {
  return { version: 1, entries, retros };
}

function retro(n: number, started: string, finished: string | undefined, discussed: string[] = []): Retro {
  const r: Retro = { id: R(n), started, facilitator: 'Grace', discussed, decided: [] };
  if (finished !== undefined) r.finished = finished;
  return r;
}

const english = (m: Parameters<typeof impactText>[0]) => impactText(m, l10n);

describe('impact', () => {
  it('counts done Stop, Automate and Simplify as reclaimed, keeps those in progress apart, and counts open and kept entries as wasted', () => {
    const b = backlog([
      makeEntry({ id: E(1), cost: WEEKLY, ...decided('stop', 'done') }),
      makeEntry({ id: E(2), cost: MONTHLY, ...decided('automate', 'done') }),
      makeEntry({ id: E(3), cost: WEEKLY, ...decided('simplify', 'in-progress') }),
      makeEntry({ id: E(4), cost: MONTHLY, ...decided('stop', 'open') }),
      makeEntry({ id: E(5), cost: WEEKLY, ...decided('keep', 'done') }),
      makeEntry({ id: E(6), cost: MONTHLY, ...decided('keep', 'open') }),
      makeEntry({ id: E(7), cost: WEEKLY }),
      // Archived: a merged duplicate's cost already lives in the entry it was merged into.
      makeEntry({ id: E(8), cost: WEEKLY, ...decided('stop', 'done'), status: 'archived', duplicateOf: E(1) }),
      makeEntry({ id: E(9), cost: WEEKLY, status: 'archived' }),
    ]);
    const figures = impact(b, NOW);
    const weekly = hoursPerMonth(WEEKLY);
    assert.deepEqual(figures.reclaimed.items.map((i) => i.id), [E(1), E(2)]);
    assert.equal(figures.reclaimed.hours, weekly + 2);
    assert.deepEqual(figures.inProgress.items.map((i) => i.id), [E(3), E(4)]);
    assert.equal(figures.inProgress.hours, weekly + 2);
    assert.deepEqual(figures.wasted.items.map((i) => i.id), [E(5), E(7), E(6)]);
    assert.equal(figures.wasted.hours, 2 * weekly + 2);
    assert.deepEqual(figures.reclaimed.items[0], { id: E(1), title: b.entries[0].title, kind: 'unused-report', hours: weekly, estimated: true, outcome: 'stop', followUp: 'done' });
    assert.equal(english(figures.reclaimed.explanation), '15 h a month no longer wasted: the estimated hours of 2 entries decided Stop, Automate or Simplify whose follow-up is done.');
    assert.equal(english(figures.wasted.explanation), '28 h a month still wasted: 3 entries still open, or kept on purpose.');
  });

  it('counts an entry without an estimate as 0 h and says how many have none', () => {
    const b = backlog([
      makeEntry({ id: E(1), ...decided('stop', 'done') }),
      // A cost the model cannot turn into hours (a hand edit) is no estimate either.
      makeEntry({ id: E(2), cost: { hoursPerOccurrence: 1, occurrences: 1, per: 'fortnight' as Cost['per'], people: 1 }, ...decided('automate', 'done') }),
      makeEntry({ id: E(3), cost: MONTHLY, ...decided('simplify', 'done') }),
      makeEntry({ id: E(4) }),
    ]);
    const figures = impact(b, NOW);
    assert.equal(figures.reclaimed.hours, 2);
    assert.equal(figures.reclaimed.unestimated, 2);
    assert.deepEqual(figures.reclaimed.items.map((i) => [i.id, i.estimated]), [[E(3), true], [E(1), false], [E(2), false]]);
    assert.equal(english(figures.reclaimed.explanation), '2 h a month no longer wasted: the estimated hours of 3 entries decided Stop, Automate or Simplify whose follow-up is done. 2 of them have no estimate and count as 0 h.');
    assert.equal(english(figures.wasted.explanation), '0 h a month still wasted: 1 entry still open, or kept on purpose. 1 of them has no estimate and counts as 0 h.');
  });

  it('gives zeros and says so for an empty backlog', () => {
    const figures = impact(backlog([]), NOW);
    for (const figure of [figures.reclaimed, figures.inProgress, figures.wasted]) {
      assert.deepEqual([figure.hours, figure.items, figure.unestimated], [0, [], 0]);
    }
    assert.deepEqual(figures.trend, { by: 'month', points: [], explanation: { code: 'impact.trendByMonth', points: 0 } });
    assert.deepEqual([figures.recurrence.window, figures.recurrence.entries, figures.recurrence.kinds], [0, [], []]);
    assert.equal(english(figures.inProgress.explanation), '0 h a month about to be reclaimed: 0 entries decided Stop, Automate or Simplify whose follow-up is not done yet.');
    assert.equal(english(figures.recurrence.explanation), 'No retro yet, so nothing has come back.');
  });

  it('charts retros with no entries as points at zero', () => {
    const retros = [retro(1, '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z'), retro(2, '2026-04-06T10:00:00.000Z', '2026-04-06T11:00:00.000Z')];
    const figures = impact(backlog([], retros), NOW);
    assert.deepEqual(figures.trend.points, [
      { label: '2026-03-02', reclaimed: 0, inProgress: 0, wasted: 0 },
      { label: '2026-04-06', reclaimed: 0, inProgress: 0, wasted: 0 },
    ]);
    assert.equal(figures.trend.by, 'retro');
    assert.deepEqual([figures.recurrence.window, figures.recurrence.entries, figures.recurrence.kinds], [2, [], []]);
    assert.equal(english(figures.trend.explanation), 'Hours reclaimed and still wasted at the end of each of the last 2 retros, from the dates in the file.');
  });

  it('follows each entry over the retros, from when it was flagged, decided and done', () => {
    const retros = [
      retro(1, '2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z'),
      retro(2, '2026-04-06T10:00:00.000Z', '2026-04-06T11:00:00.000Z'),
      // Abandoned before the last one started: left out, as in the other charts.
      retro(9, '2026-04-20T10:00:00.000Z', undefined),
      retro(3, '2026-05-04T10:00:00.000Z', '2026-05-04T11:00:00.000Z'),
      // Still running: it counts up to now.
      retro(4, '2026-06-15T10:00:00.000Z', undefined),
    ];
    const b = backlog(
      [
        makeEntry({ id: E(1), cost: MONTHLY, created: '2026-02-20T09:00:00.000Z', ...decided('stop', 'done', '2026-03-02T10:30:00.000Z', '2026-04-20T09:00:00.000Z') }),
        makeEntry({ id: E(2), cost: { ...MONTHLY, hoursPerOccurrence: 5 }, created: '2026-04-01T09:00:00.000Z' }),
        makeEntry({ id: E(3), cost: { ...MONTHLY, hoursPerOccurrence: 7 }, created: '2026-06-15T11:00:00.000Z', ...decided('automate', 'open', '2026-06-15T11:30:00.000Z') }),
      ],
      retros,
    );
    assert.deepEqual(impact(b, clockAt('2026-06-15T10:45:00.000Z')).trend.points, [
      { label: '2026-03-02', reclaimed: 0, inProgress: 2, wasted: 0 },
      { label: '2026-04-06', reclaimed: 0, inProgress: 2, wasted: 5 },
      { label: '2026-05-04', reclaimed: 2, inProgress: 0, wasted: 5 },
      { label: '2026-06-15', reclaimed: 2, inProgress: 0, wasted: 5 },
    ]);
    // The running retro's point moves with the clock, past the third entry's flag and decision.
    assert.deepEqual(impact(b, NOW).trend.points.at(-1), { label: '2026-06-15', reclaimed: 2, inProgress: 7, wasted: 5 });
  });

  it('charts per month in the viewer\'s calendar when there are no retros', () => {
    const b = backlog([
      makeEntry({ id: E(1), cost: MONTHLY, created: '2026-04-10T09:00:00.000Z', ...decided('simplify', 'done', '2026-05-03T09:00:00.000Z') }),
      // 23:30 UTC on 31 May is already June in UTC+02:00.
      makeEntry({ id: E(2), cost: { ...MONTHLY, hoursPerOccurrence: 3 }, created: '2026-05-31T23:30:00.000Z' }),
    ]);
    assert.deepEqual(impact(b, NOW).trend.points, [
      { label: '2026-04', reclaimed: 0, inProgress: 0, wasted: 2 },
      { label: '2026-05', reclaimed: 2, inProgress: 0, wasted: 3 },
      { label: '2026-06', reclaimed: 2, inProgress: 0, wasted: 3 },
    ]);
    assert.deepEqual(impact(b, clockAt('2026-06-15T12:00:00.000Z', 120)).trend.points.map((p) => [p.label, p.wasted]), [['2026-04', 2], ['2026-05', 0], ['2026-06', 3]]);
    assert.equal(english(impact(b, NOW).trend.explanation), 'No retro yet: hours reclaimed and still wasted at the end of each of the last 3 months, from the dates in the file.');
  });

  it(`keeps the last ${TREND_POINTS} points`, () => {
    const b = backlog([makeEntry({ id: E(1), created: '2020-01-01T09:00:00.000Z' })]);
    const points = impact(b, NOW).trend.points;
    assert.equal(points.length, TREND_POINTS);
    assert.equal(points.at(-1)?.label, '2026-06');
  });

  it(`counts in how many of the last ${RECURRENCE_WINDOW} retros an entry and its kind came back`, () => {
    const day = (n: number) => `2026-0${n}-01`;
    const retros = [1, 2, 3, 4, 5, 6].map((n) => retro(n, `${day(n)}T10:00:00.000Z`, `${day(n)}T11:00:00.000Z`, n === 1 || n >= 3 ? [E(1)] : []));
    retros[5].discussed.push(E(2));
    const b = backlog(
      [
        // Discussed in retros 1, 3, 4, 5 and 6: 4 of the last 5.
        makeEntry({ id: E(1), created: '2025-12-01T09:00:00.000Z', kind: 'ritual-process' }),
        // Flagged before retro 3, discussed in retro 6.
        makeEntry({ id: E(2), created: '2026-02-15T09:00:00.000Z', kind: 'trivia' }),
        // Raised again before retro 5 as a duplicate, merged into E(2).
        makeEntry({ id: E(3), created: '2026-04-15T09:00:00.000Z', kind: 'trivia', status: 'archived', duplicateOf: E(2) }),
        // Flagged once only.
        makeEntry({ id: E(4), created: '2026-03-15T09:00:00.000Z', kind: 'other' }),
      ],
      retros,
    );
    const { recurrence } = impact(b, NOW);
    assert.equal(recurrence.window, RECURRENCE_WINDOW);
    assert.deepEqual(recurrence.entries.map((e) => [e.id, e.retros]), [[E(1), 4], [E(2), 3]]);
    assert.deepEqual(recurrence.kinds, [{ kind: 'ritual-process', retros: 4 }, { kind: 'trivia', retros: 3 }]);
    assert.equal(recurrenceText(4, recurrence.window, l10n), 'in 4 of the last 5 retros');
    assert.equal(recurrenceText(1, 1, l10n), 'in 1 of the last retro');
    assert.equal(
      english(recurrence.explanation),
      'An entry or kind comes back when it is flagged, discussed, or raised again as a duplicate in more than one of the last 5 retros; votes carry no date, so they do not count.',
    );
  });

  it('charts the figures for the board without the lists behind them', () => {
    const entries = [1, 2, 3, 4, 5, 6, 7].map((n) => makeEntry({ id: E(n), cost: MONTHLY, created: '2026-01-01T09:00:00.000Z' }));
    const retros = [1, 2].map((n) => retro(n, `2026-0${n + 1}-01T10:00:00.000Z`, `2026-0${n + 1}-01T11:00:00.000Z`, entries.map((e) => e.id)));
    const chart = impactChart(backlog(entries, retros), NOW);
    assert.deepEqual([chart.reclaimed, chart.inProgress, chart.wasted, chart.window], [0, 0, 14, 2]);
    assert.equal(chart.recurringEntries.length, RECURRING_SHOWN);
    assert.equal(chart.trend.by, 'retro');
    assert.deepEqual(chart.explanations.wasted, { code: 'impact.wasted', hours: 14, entries: 7, unestimated: 0 });
  });
});
