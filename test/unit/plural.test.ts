import * as assert from 'node:assert/strict';
import { plural } from '../../src/core/text/plural';

describe('plural', () => {
  const votes = { one: '{0} vote left', other: '{0} votes left' };

  it('picks the English one form only for 1, so nothing reads "1 votes" or "0 vote"', () => {
    assert.equal(plural(votes, 1, 'en'), '1 vote left');
    assert.equal(plural(votes, 0, 'en'), '0 votes left');
    assert.equal(plural(votes, 2, 'en'), '2 votes left');
  });

  it('follows the language: French counts 0 as one, Polish needs few and many', () => {
    assert.equal(plural({ one: '{0} vote restant', other: '{0} votes restants' }, 0, 'fr'), '0 vote restant');
    const polish = { one: '{0} głos', few: '{0} głosy', many: '{0} głosów', other: '{0} głosu' };
    assert.deepEqual([1, 3, 5, 22].map((n) => plural(polish, n, 'pl')), ['1 głos', '3 głosy', '5 głosów', '22 głosy']);
  });

  it('falls back to other for a category the forms leave out, and writes the number as the locale does', () => {
    assert.equal(plural({ other: '{0} Stunden' }, 1, 'de'), '1 Stunden');
    assert.equal(plural({ one: '{0} h', other: '{0} h' }, 1234.5, 'de'), '1.234,5 h');
  });
});
