import assert from 'node:assert/strict';
import { formatHours, hoursPerMonth, periodsPerMonth } from '../../src/core/model/cost';
import type { Cost, Period } from '../../src/core/model/model';

const cost = (per: Period, overrides: Partial<Cost> = {}): Cost => ({ hoursPerOccurrence: 2, occurrences: 3, per, people: 4, ...overrides });

function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`);
}

describe('cost', () => {
  it('converts each period to hours per month', () => {
    near(hoursPerMonth(cost('day')), 24 * ((5 * 52) / 12));
    near(hoursPerMonth(cost('week')), 24 * (52 / 12));
    near(hoursPerMonth(cost('month')), 24);
    near(hoursPerMonth(cost('quarter')), 8);
    near(hoursPerMonth(cost('year')), 2);
  });

  it('counts working days, not calendar days', () => {
    near(periodsPerMonth('day'), 21.666666666666668);
    near(hoursPerMonth({ hoursPerOccurrence: 0.25, occurrences: 1, per: 'day', people: 8 }), 0.25 * 8 * (260 / 12));
  });

  it('is 0 without a cost or with unusable numbers', () => {
    assert.equal(hoursPerMonth(undefined), 0);
    assert.equal(hoursPerMonth(cost('week', { occurrences: 0 })), 0);
    assert.equal(hoursPerMonth(cost('week', { hoursPerOccurrence: Number.NaN })), 0);
    assert.equal(hoursPerMonth(cost('fortnight' as Period)), 0);
  });

  it('formats hours with one decimal below 10 and none above', () => {
    assert.equal(formatHours(0.5), '0.5 h');
    assert.equal(formatHours(0.04), '0 h');
    assert.equal(formatHours(2), '2 h');
    assert.equal(formatHours(9.44), '9.4 h');
    assert.equal(formatHours(12), '12 h');
    assert.equal(formatHours(12.6), '13 h');
    assert.equal(formatHours(1234.4), '1,234 h');
    assert.equal(formatHours(0), '0 h');
    assert.equal(formatHours(Number.NaN), '0 h');
  });
});
