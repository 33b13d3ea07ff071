import assert from 'node:assert/strict';
import { decodeTime } from 'ulid';
import { isId } from '../../src/core/model/ids';
import { readIsoTime } from '../../src/core/model/isoTime';
import { MIGRATIONS, migrate } from '../../src/core/file/migrate';
import { SCHEMA_VERSION } from '../../src/core/model/model';
import { inTimeZone } from './fixtures';

type Raw = Record<string, unknown>;

function entriesOf(data: Raw): Raw[] {
  return data.entries as Raw[];
}

/** A hand-written version 0 file, fresh each time, since migration works in place. */
function handWritten(): Raw {
  return {
    items: [
      { title: 'Weekly report', kind: 'unused-report', created: '2026-03-02', note: 'kept' },
      { title: 'Weekly report', kind: 'unused-report', created: '2026-03-02', note: 'kept' },
      { title: 'Standup', created: '2026-03-02T09:00:00+01:00', votes: ['ana'], comments: [{ text: 'Me too', created: '2026-03-03' }] },
    ],
    retros: [{ started: '2026-03-05T14:00Z', facilitator: 'Ana' }],
  };
}

describe('migrate', () => {
  it('has one step per version below the current one', () => {
    assert.equal(MIGRATIONS.length, SCHEMA_VERSION);
  });

  it('turns a hand-written version 0 file with `items` into version 1', () => {
    const raw = {
      items: [
        { title: 'Weekly report', kind: 'unused-report', note: 'kept', created: '2025-05-01T10:00:00.000Z' },
        { id: '01JD3Q4X5Z6A7B8C9D0E1F2G3H', title: 'Standup', status: 'decided', created: '2025-05-01' },
      ],
      team: 'platform',
    };
    const { data, from } = migrate(raw);
    assert.equal(from, 0);
    assert.equal(data.version, 1);
    assert.equal(data.items, undefined);
    assert.equal(data.team, 'platform');
    const [a, b] = entriesOf(data);
    assert.ok(isId(a.id));
    assert.equal(a.kind, 'unused-report');
    assert.equal(a.status, 'open');
    assert.equal(a.created, '2025-05-01T10:00:00.000Z');
    assert.equal(a.updated, '2025-05-01T10:00:00.000Z');
    assert.equal(a.note, 'kept');
    assert.equal(b.id, '01JD3Q4X5Z6A7B8C9D0E1F2G3H');
    assert.equal(b.kind, 'other');
    assert.equal(b.status, 'decided');
    assert.equal(b.created, '2025-05-01T00:00:00.000Z');
    assert.equal(b.updated, '2025-05-01T00:00:00.000Z');
  });

  it('derives the same ids from the same file on every clone, so two migrations agree', () => {
    const first = entriesOf(migrate(handWritten()).data).map((e) => e.id);
    const second = entriesOf(migrate(handWritten()).data).map((e) => e.id);
    assert.deepEqual(second, first);
    assert.ok(first.every(isId));
    assert.equal(new Set(first).size, 3, 'two equal entries at different places still get their own ids');
  });

  it('derives ids from content and position: another title or place gives another id, key order does not', () => {
    const ids = (items: Raw[]) => entriesOf(migrate({ items }).data).map((e) => e.id);
    const [base] = ids([{ title: 'A', created: '2026-03-02' }]);
    assert.notEqual(ids([{ title: 'B', created: '2026-03-02' }])[0], base);
    assert.notEqual(ids([{ title: 'Z', created: '2026-03-02' }, { title: 'A', created: '2026-03-02' }])[1], base);
    assert.equal(ids([{ created: '2026-03-02', title: 'A' }])[0], base);
  });

  it('puts the creation time in the id, as a ULID does, so ids still sort by age', () => {
    const [a, b] = entriesOf(migrate({ items: [{ title: 'Later', created: '2026-03-02' }, { title: 'Earlier', created: '2025-01-01' }] }).data);
    assert.ok(String(b.id) < String(a.id));
    assert.equal(decodeTime(String(a.id)), Date.UTC(2026, 2, 2));
  });

  it('derives ids for hand-written comments and retros too, and turns their times into UTC', () => {
    const data = migrate(handWritten()).data;
    const standup = entriesOf(data)[2];
    const [comment] = standup.comments as Raw[];
    assert.ok(isId(comment.id));
    assert.equal(comment.created, '2026-03-03T00:00:00.000Z');
    assert.equal(standup.created, '2026-03-02T08:00:00.000Z');
    const [retro] = data.retros as Raw[];
    assert.ok(isId(retro.id));
    assert.equal(retro.started, '2026-03-05T14:00:00.000Z');
    assert.equal(retro.id, (migrate(handWritten()).data.retros as Raw[])[0].id);
  });

  it('gives the same data in every time zone', () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati'];
    const results = zones.map((zone) => inTimeZone(zone, () => JSON.stringify(migrate(handWritten()).data)));
    for (const result of results) assert.equal(result, results[0]);
  });

  it('never lets the clock fill in a missing time: an entry without one is left for the schema to report', () => {
    const [entry] = entriesOf(migrate({ items: [{ title: 'When?' }] }).data);
    assert.equal(entry.created, undefined);
    assert.equal(entry.updated, undefined);
    const [fromUpdated] = entriesOf(migrate({ items: [{ title: 'Touched', updated: '2026-03-04' }] }).data);
    assert.equal(fromUpdated.created, '2026-03-04T00:00:00.000Z');
  });

  it('leaves a time it cannot read alike everywhere as written, for the schema to report', () => {
    for (const written of ['2026-03-02 09:00', '2026-03-02T09:00:00', '03/02/2026', '2026-02-30', 'yesterday']) {
      const [entry] = entriesOf(migrate({ items: [{ title: 'x', created: written }] }).data);
      assert.equal(entry.created, written);
    }
  });

  it('prefers `entries` when a file has both lists', () => {
    const { data } = migrate({ entries: [], items: [{ title: 'x' }] });
    assert.deepEqual(data.entries, []);
    assert.deepEqual(data.items, [{ title: 'x' }]);
  });

  it('leaves current, newer and unusable versions alone', () => {
    const current = { version: 1, entries: [] };
    assert.deepEqual(migrate(current), { data: { version: 1, entries: [] }, from: 1 });
    const newer = { version: 7, entries: [{}] };
    assert.deepEqual(migrate(newer), { data: { version: 7, entries: [{}] }, from: 7 });
    const odd = { version: '1', entries: [] };
    assert.equal(migrate(odd).data, odd);
    assert.deepEqual(odd, { version: '1', entries: [] });
  });
});

describe('readIsoTime', () => {
  it('reads full ISO 8601 times with their offset, and plain dates as UTC', () => {
    const cases: [string, string][] = [
      ['2026-03-02', '2026-03-02T00:00:00.000Z'],
      ['2024-02-29', '2024-02-29T00:00:00.000Z'],
      ['2026-03-02T09:00Z', '2026-03-02T09:00:00.000Z'],
      ['2026-03-02T09:00:30.5Z', '2026-03-02T09:00:30.500Z'],
      ['2026-03-02t09:00:00.123456z', '2026-03-02T09:00:00.123Z'],
      ['2026-03-02T09:00+01:00', '2026-03-02T08:00:00.000Z'],
      ['2026-03-02T09:00-0530', '2026-03-02T14:30:00.000Z'],
      ['2026-03-02T01:00:00+02', '2026-03-01T23:00:00.000Z'],
      ['0099-01-01', '0099-01-01T00:00:00.000Z'],
    ];
    for (const [written, stamp] of cases) assert.equal(readIsoTime(written), stamp, written);
  });

  it('refuses what Date.parse would read by the machine\'s zone, guess at, or roll over', () => {
    for (const written of ['2026-03-02 09:00', '2026-03-02T09:00:00', '03/02/2026', 'March 2, 2026', '2026-02-29', '2026-02-30', '2026-13-01', '2026-03-02T24:00Z', '2026-03-02T09:60Z', '2026-03-02T09:00:60Z', '2026-03-02T09:00+24:00', '2026-3-2', '']) {
      assert.equal(readIsoTime(written), undefined, written);
    }
  });
});
