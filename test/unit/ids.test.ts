import assert from 'node:assert/strict';
import { decodeTime } from 'ulid';
import { isId, newId } from '../../src/core/model/ids';

describe('ids', () => {
  it('makes 10,000 unique ids that match the schema pattern', () => {
    const ids = Array.from({ length: 10_000 }, () => newId());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.ok(ids.every(isId));
  });

  it('encodes the given time, so ids sort roughly by creation', () => {
    const now = Date.UTC(2026, 10, 22, 9, 30);
    assert.equal(decodeTime(newId(now)), now);
    assert.ok(newId(now) < newId(now + 1000));
  });

  it('is not sequential within the same millisecond', () => {
    const now = Date.UTC(2026, 0, 1);
    const ids = Array.from({ length: 1000 }, () => newId(now));
    assert.equal(new Set(ids).size, ids.length);
    const sorted = [...ids].sort();
    assert.notDeepEqual(ids, sorted, 'ids made in one millisecond must not come out in creation order');
  });

  it('recognises only well-formed ids', () => {
    assert.equal(isId('01JD3Q4X5Z6A7B8C9D0E1F2G3H'), true);
    assert.equal(isId('01jd3q4x5z6a7b8c9d0e1f2g3h'), false);
    assert.equal(isId('01JD3Q4X5Z6A7B8C9D0E1F2G3'), false);
    assert.equal(isId('01JD3Q4X5Z6A7B8C9D0E1F2G3I'), false);
    assert.equal(isId('01JD3Q4X5Z6A7B8C9D0E1F2G3U'), false);
    assert.equal(isId(42), false);
  });
});
