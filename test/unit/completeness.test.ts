import assert from 'node:assert/strict';
import { smartCompleteness } from '../../src/core/model/completeness';

describe('smartCompleteness', () => {
  it('counts answers that have text', () => {
    assert.deepEqual(smartCompleteness({ speakUp: 'Too many meetings', moreInfo: ' ', accountability: '', reprioritize: 'Ship', tryAnother: '\n\t' }), {
      filled: 2,
      total: 5,
      missing: ['moreInfo', 'accountability', 'tryAnother'],
    });
  });

  it('treats missing answers and a missing form as empty', () => {
    assert.deepEqual(smartCompleteness(undefined), { filled: 0, total: 5, missing: ['speakUp', 'moreInfo', 'accountability', 'reprioritize', 'tryAnother'] });
    assert.deepEqual(smartCompleteness({ tryAnother: 'Automate it' }).filled, 1);
  });

  it('is complete when all five are answered', () => {
    const all = { speakUp: 'a', moreInfo: 'b', accountability: 'c', reprioritize: 'd', tryAnother: 'e' };
    assert.deepEqual(smartCompleteness(all), { filled: 5, total: 5, missing: [] });
  });
});
