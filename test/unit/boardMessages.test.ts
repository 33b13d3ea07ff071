import assert from 'node:assert/strict';
import { defaultQuery } from '../../src/core/retro/boardQuery';
import { parseDecision, parseFromWebview, parseQuery } from '../../src/protocol/boardMessages';

const ID = '01KAB3X4Y5Z6Q7R8S9T0V1W2X3';
const OTHER = '01KAB4M2N3P4Q5R6S7T8V9W0X1';

describe('Retro Board messages', () => {
  it('accepts every known message exactly as sent', () => {
    const query = { ...defaultQuery(), sort: 'cost', filter: { kinds: ['trivia'], reasons: ['fear'], author: 'anonymous', statuses: ['done'], search: 'deck' }, pages: { now: 3 } };
    const decision = { outcome: 'stop', rationale: '', owner: 'Sam', due: '2026-12-01', followUp: 'in-progress' };
    const messages: unknown[] = [
      { type: 'ready' },
      { type: 'ready', query },
      { type: 'query', query },
      { type: 'expand', id: ID },
      { type: 'vote', id: ID },
      { type: 'restore', id: ID },
      { type: 'openEntry', id: ID },
      { type: 'ready', query: { ...query, followUpOwner: 'Sam Lee' } },
      { type: 'move', id: ID, list: 'bigger-story' },
      { type: 'decide', id: ID, decision },
      { type: 'followUp', id: ID, followUp: 'done' },
      { type: 'moreFollowUps' },
      { type: 'findDuplicates', id: ID, search: 'status' },
      { type: 'merge', keepId: ID, dropId: OTHER },
      { type: 'startRetro' },
      { type: 'finishRetro' },
      { type: 'export', what: 'summary-copy' },
      { type: 'export', what: 'summary-save' },
      { type: 'export', what: 'csv' },
      { type: 'export', what: 'json' },
      { type: 'tracker', id: ID, action: 'create' },
      { type: 'tracker', id: ID, action: 'link' },
      { type: 'tracker', id: ID, action: 'open' },
      { type: 'tracker', id: ID, action: 'unlink' },
      { type: 'openDataFile' },
    ];
    for (const message of messages) {
      assert.deepEqual(parseFromWebview(message), message);
    }
  });

  it('drops fields it does not know', () => {
    assert.deepEqual(parseFromWebview({ type: 'vote', id: ID, extra: '<script>' }), { type: 'vote', id: ID });
    assert.deepEqual(parseFromWebview({ type: 'startRetro', facilitator: 'Mallory' }), { type: 'startRetro' });
  });

  it('passes a notification on only as bounded, non-empty text with its kind', () => {
    assert.deepEqual(parseFromWebview({ type: 'notify', message: 'Marked done.', isError: false }), { type: 'notify', message: 'Marked done.', isError: false });
    for (const bad of [{ type: 'notify' }, { type: 'notify', message: '  ', isError: false }, { type: 'notify', message: 'x'.repeat(1001), isError: true }, { type: 'notify', message: 'Hi', isError: 'yes' }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('rejects junk', () => {
    const junk: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      { type: 'nope' },
      { type: 'vote' },
      { type: 'vote', id: 'not-an-id' },
      { type: 'restore' },
      { type: 'restore', id: '../01JH' },
      { type: 'openEntry' },
      { type: 'openEntry', id: 'not-an-id' },
      { type: 'vote', id: ID.toLowerCase() },
      { type: 'expand', id: 7 },
      { type: 'move', id: ID, list: 'trash' },
      { type: 'move', id: ID },
      { type: 'followUp', id: ID, followUp: 'maybe' },
      { type: 'findDuplicates', id: ID, search: 'x'.repeat(201) },
      { type: 'findDuplicates', id: ID },
      { type: 'merge', keepId: ID, dropId: ID },
      { type: 'merge', keepId: ID },
      { type: 'export', what: 'pdf' },
      { type: 'export' },
      { type: 'tracker', id: ID, action: 'openUrl' },
      { type: 'tracker', id: 'not-an-id', action: 'open' },
      { type: 'query' },
      { type: 'query', query: { ...defaultQuery(), sort: 'random' } },
      { type: 'decide', id: ID },
      { type: 'decide', id: ID, decision: { outcome: 'ignore', rationale: '', owner: 'Sam' } },
      { type: 'toString' },
      { type: '__proto__' },
    ];
    for (const message of junk) {
      assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    }
  });

  it('starts from the default query when a stored one is unusable, instead of refusing the board', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', query: { sort: 'random' } }), { type: 'ready' });
  });

  it('validates a query field by field', () => {
    const base = defaultQuery();
    assert.deepEqual(parseQuery(base), base);
    assert.deepEqual(parseQuery({ ...base, filter: { ...base.filter, kinds: ['trivia', 'trivia'] } })?.filter.kinds, ['trivia']);
    assert.equal(parseQuery({ ...base, followUpOwner: 'Sam Lee' })?.followUpOwner, 'Sam Lee');
    assert.deepEqual(parseQuery({ ...base, followUpOwner: '' }), base, 'an empty owner is everyone');
    const bad: unknown[] = [
      { ...base, pageSize: 0 },
      { ...base, pageSize: 501 },
      { ...base, pageSize: 2.5 },
      { ...base, pages: { trash: 1 } },
      { ...base, pages: { now: -1 } },
      { ...base, pages: { now: '2' } },
      { ...base, pages: [] },
      { ...base, filter: { ...base.filter, kinds: ['nope'] } },
      { ...base, filter: { ...base.filter, reasons: 'fear' } },
      { ...base, filter: { ...base.filter, statuses: ['gone'] } },
      { ...base, filter: { ...base.filter, author: 7 } },
      { ...base, filter: { ...base.filter, search: 'x'.repeat(201) } },
      { ...base, filter: undefined },
      { ...base, sort: undefined },
      { ...base, followUpOwner: 7 },
      { ...base, followUpOwner: 'x'.repeat(301) },
    ];
    for (const query of bad) {
      assert.equal(parseQuery(query), undefined, JSON.stringify(query));
    }
  });

  it('validates a decision\'s shape and leaves its meaning to the core', () => {
    assert.deepEqual(parseDecision({ outcome: 'keep', rationale: '', owner: '' }), { outcome: 'keep', rationale: '', owner: '' });
    assert.deepEqual(parseDecision({ outcome: 'stop', rationale: 'x', owner: 'Sam', due: '' }), { outcome: 'stop', rationale: 'x', owner: 'Sam' });
    const bad: unknown[] = [
      { outcome: 'stop', rationale: 'x', owner: 'Sam', due: '1 December' },
      { outcome: 'stop', rationale: 'x', owner: 'Sam', due: 20261201 },
      { outcome: 'stop', rationale: 'x', owner: 'Sam', followUp: 'later' },
      { outcome: 'stop', rationale: 'x'.repeat(20_001), owner: 'Sam' },
      { outcome: 'stop', rationale: 'x', owner: 'S'.repeat(301) },
      { outcome: 'stop', owner: 'Sam' },
      { rationale: 'x', owner: 'Sam' },
    ];
    for (const decision of bad) {
      assert.equal(parseDecision(decision), undefined, JSON.stringify(decision));
    }
  });
});
