import assert from 'node:assert/strict';
import { isId } from '../../src/core/ids';
import { MIGRATIONS, migrate } from '../../src/core/migrate';
import { SCHEMA_VERSION } from '../../src/core/model';

const NOW = new Date('2026-03-04T05:06:07.089Z');

describe('migrate', () => {
  it('has one step per version below the current one', () => {
    assert.equal(MIGRATIONS.length, SCHEMA_VERSION);
  });

  it('turns a hand-written version 0 file with `items` into version 1', () => {
    const raw = {
      items: [
        { title: 'Weekly report', kind: 'unused-report', note: 'kept' },
        { id: '01JD3Q4X5Z6A7B8C9D0E1F2G3H', title: 'Standup', status: 'decided', created: '2025-05-01' },
      ],
      team: 'platform',
    };
    const { data, from } = migrate(raw, NOW);
    assert.equal(from, 0);
    assert.equal(data.version, 1);
    assert.equal(data.items, undefined);
    assert.equal(data.team, 'platform');
    const [a, b] = data.entries as Record<string, unknown>[];
    assert.ok(isId(a.id));
    assert.equal(a.kind, 'unused-report');
    assert.equal(a.status, 'open');
    assert.equal(a.created, NOW.toISOString());
    assert.equal(a.updated, NOW.toISOString());
    assert.equal(a.note, 'kept');
    assert.equal(b.id, '01JD3Q4X5Z6A7B8C9D0E1F2G3H');
    assert.equal(b.kind, 'other');
    assert.equal(b.status, 'decided');
    assert.equal(b.created, '2025-05-01T00:00:00.000Z');
    assert.equal(b.updated, '2025-05-01T00:00:00.000Z');
  });

  it('gives every migrated entry its own id', () => {
    const { data } = migrate({ version: 0, entries: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] }, NOW);
    const ids = (data.entries as { id: string }[]).map((e) => e.id);
    assert.equal(new Set(ids).size, 3);
  });

  it('prefers `entries` when a file has both lists', () => {
    const { data } = migrate({ entries: [], items: [{ title: 'x' }] }, NOW);
    assert.deepEqual(data.entries, []);
    assert.deepEqual(data.items, [{ title: 'x' }]);
  });

  it('leaves current, newer and unusable versions alone', () => {
    const current = { version: 1, entries: [] };
    assert.deepEqual(migrate(current, NOW), { data: { version: 1, entries: [] }, from: 1 });
    const newer = { version: 7, entries: [{}] };
    assert.deepEqual(migrate(newer, NOW), { data: { version: 7, entries: [{}] }, from: 7 });
    const odd = { version: '1', entries: [] };
    assert.equal(migrate(odd, NOW).data, odd);
    assert.deepEqual(odd, { version: '1', entries: [] });
  });
});
