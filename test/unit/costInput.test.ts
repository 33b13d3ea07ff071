import assert from 'node:assert/strict';
import { COST_RANGES, parseTypedNumber, readCostField, separators } from '../../src/core/model/costInput';
import { validateDraft } from '../../src/core/model/entries';
import { emptyDraft } from '../../src/core/model/model';

describe('typed cost numbers', () => {
  it('knows each locale\'s separators', () => {
    assert.deepEqual(separators('en'), { decimal: '.', group: ',' });
    assert.deepEqual(separators('de'), { decimal: ',', group: '.' });
    assert.equal(separators('fr').decimal, ',');
    assert.deepEqual(separators('not a locale'), { decimal: '.', group: ',' });
  });

  it('reads a half as a half whichever mark is typed, in every locale', () => {
    for (const locale of ['en', 'de', 'fr', 'ja', 'pt-BR']) {
      for (const typed of ['0,5', '0.5', ' .5 ', ',5']) assert.equal(parseTypedNumber(typed, locale), 0.5, `${typed} in ${locale}`);
    }
  });

  it('reads grouping where it can only be grouping', () => {
    assert.equal(parseTypedNumber('1,000', 'en'), 1000);
    assert.equal(parseTypedNumber('1.000', 'de'), 1000);
    assert.equal(parseTypedNumber('1,234.5', 'en'), 1234.5);
    assert.equal(parseTypedNumber('1.234,5', 'de'), 1234.5);
    assert.equal(parseTypedNumber('1 234,5', 'fr'), 1234.5);
    assert.equal(parseTypedNumber('1\u202f234,5', 'fr'), 1234.5);
    assert.equal(parseTypedNumber("1'234.5", 'de-CH'), 1234.5);
    assert.equal(parseTypedNumber('1,000,000', 'en'), 1000000);
    // In English a comma before one or two digits is a decimal comma; before three, a thousands mark.
    assert.equal(parseTypedNumber('1,25', 'en'), 1.25);
    assert.equal(parseTypedNumber('1,000', 'de'), 1);
  });

  it('reads signs and exponents, and nothing else', () => {
    assert.equal(parseTypedNumber('-2', 'en'), -2);
    assert.equal(parseTypedNumber('+3', 'en'), 3);
    assert.equal(parseTypedNumber('1e6', 'en'), 1e6);
    for (const typed of ['', '  ', 'two', '1..2', '1.2.3.4x', '0x10', 'Infinity', 'NaN', '1e999', '--1', '1-2']) assert.equal(parseTypedNumber(typed, 'en'), undefined, typed);
  });

  it('says why a typed cost does not fit its field, as the schema would', () => {
    assert.deepEqual(readCostField('hoursPerOccurrence', '', 'en'), { ok: true, value: undefined });
    assert.deepEqual(readCostField('hoursPerOccurrence', '0,5', 'en'), { ok: true, value: 0.5 });
    assert.deepEqual(readCostField('hoursPerOccurrence', '-2', 'en'), { ok: false, problem: 'belowMin' });
    assert.deepEqual(readCostField('hoursPerOccurrence', '1e6', 'en'), { ok: false, problem: 'aboveMax' });
    assert.deepEqual(readCostField('occurrences', 'often', 'en'), { ok: false, problem: 'notNumber' });
    assert.deepEqual(readCostField('people', '2,5', 'en'), { ok: false, problem: 'notWhole' });
    assert.deepEqual(readCostField('people', '0', 'en'), { ok: false, problem: 'belowMin' });
    assert.deepEqual(readCostField('people', '100,000', 'en'), { ok: true, value: 100000 });
  });

  it('agrees with the draft check at every edge of every range', () => {
    for (const [field, { min, max }] of Object.entries(COST_RANGES) as [keyof typeof COST_RANGES, { min: number; max: number }][]) {
      for (const value of [min - 1, min, max, max + 1]) {
        const cost = { hoursPerOccurrence: 1, occurrences: 1, per: 'week' as const, people: 1, [field]: value };
        const typed = readCostField(field, String(value), 'en').ok;
        const saved = validateDraft({ ...emptyDraft(), title: 't', cost }).length === 0;
        assert.equal(typed, saved, `${field} = ${value}`);
      }
    }
  });
});
