import assert from 'node:assert/strict';
import type { Backlog, Decision, Entry, Retro } from '../../src/core/model/model';
import {
  RETRO_QUIET_MINUTES,
  SNOOZE_HOURS,
  dueReminders,
  markShown,
  pruneShown,
  reminderKey,
  snooze,
  type ReminderInput,
  type Shown,
} from '../../src/core/retro/reminders';
import { stillHappening, stoppedHappening } from '../../src/core/retro/staleAnswers';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import { restoreEntry } from '../../src/core/model/entries';
import { ID_A, ID_B, ID_C, ID_D, assertValid, clockAt, makeEntry } from './fixtures';

const [A, B, C, D] = [ID_A, ID_B, ID_C, ID_D];
const ME = ['Ada Lovelace', 'ada@example.com'];
/** 10 March 2025, 14:30 UTC. */
const NOW = '2025-03-10T14:30:00.000Z';

function decision(owner: string, due: string | undefined, followUp: Decision['followUp'] = 'open'): Decision {
  const d: Decision = { outcome: 'stop', rationale: '', owner, followUp, decided: '2025-03-01T10:00:00.000Z' };
  if (due !== undefined) d.due = due;
  return d;
}

function decided(id: string, owner: string, due: string | undefined, followUp: Decision['followUp'] = 'open'): Entry {
  return makeEntry({ id, title: `Decision ${id.slice(-1)}`, status: 'decided', updated: NOW, decision: decision(owner, due, followUp) });
}

function input(entries: Entry[], overrides: Partial<ReminderInput> = {}, retros: Retro[] = []): ReminderInput {
  const backlog: Backlog = { version: 1, entries, retros };
  return { backlog, identities: ME, clock: clockAt(NOW), shown: {}, staleAfterDays: 30, decisions: true, stale: true, ...overrides };
}

function keys(i: ReminderInput): string[] {
  return dueReminders(i).map((r) => r.key);
}

describe('reminders', () => {
  describe('the owner\'s reminder', () => {
    it('comes for your decisions due today or tomorrow, and overdue ones, most overdue first', () => {
      const entries = [
        decided(A, 'Ada Lovelace', '2025-03-11'),
        decided(B, ' ada lovelace ', '2025-03-10'),
        decided(C, 'ADA@example.com', '2025-03-01', 'in-progress'),
        decided(D, 'Ada Lovelace', '2025-03-12'),
      ];
      const due = dueReminders(input(entries));
      assert.deepEqual(due.map((r) => r.key), [reminderKey('decision', C), reminderKey('decision', B), reminderKey('decision', A)]);
      assert.deepEqual(due.map((r) => (r.kind === 'decision' ? r.overdueDays : -1)), [9, 0, 0]);
    });

    it('counts "within a day" in the viewer\'s calendar', () => {
      // 03:00 UTC on 11 March is still 10 March in Los Angeles: a decision due 12 March is two days away there.
      const entries = [decided(A, 'Ada Lovelace', '2025-03-12')];
      assert.deepEqual(keys(input(entries, { clock: clockAt('2025-03-11T03:00:00.000Z', -420) })), []);
      assert.deepEqual(keys(input(entries, { clock: clockAt('2025-03-11T03:00:00.000Z', 0) })), [reminderKey('decision', A)]);
    });

    it('skips someone else\'s decisions, done ones, archived ones and those without a due date', () => {
      const archived = { ...decided(C, 'Ada Lovelace', '2025-03-01'), status: 'archived' as const };
      const entries = [decided(A, 'Sam Lee', '2025-03-01'), decided(B, 'Ada Lovelace', '2025-03-01', 'done'), archived, decided(D, 'Ada Lovelace', undefined)];
      assert.deepEqual(keys(input(entries)), []);
    });

    it('comes for nobody while you are unknown, and not when turned off', () => {
      const entries = [decided(A, 'Ada Lovelace', '2025-03-01')];
      assert.deepEqual(keys(input(entries, { identities: [] })), []);
      assert.deepEqual(keys(input(entries, { identities: ['  '] })), []);
      assert.deepEqual(keys(input(entries, { decisions: false })), []);
    });
  });

  describe('once per day', () => {
    const entries = [decided(A, 'Ada Lovelace', '2025-03-01')];
    const key = reminderKey('decision', A);

    it('is not shown again the same day, and is the next day', () => {
      const shown = markShown({}, key, clockAt(NOW));
      assert.deepEqual(keys(input(entries, { shown, clock: clockAt('2025-03-10T23:59:00.000Z') })), []);
      assert.deepEqual(keys(input(entries, { shown, clock: clockAt('2025-03-11T00:00:00.000Z') })), [key]);
    });

    it('keeps to the viewer\'s day: shown at 20:00 in Los Angeles, not again at 01:00 UTC the next UTC day', () => {
      const la = (at: string) => clockAt(at, -420);
      const shown = markShown({}, key, la('2025-03-11T03:00:00.000Z'));
      assert.deepEqual(keys(input(entries, { shown, clock: la('2025-03-11T06:00:00.000Z') })), []);
      assert.deepEqual(keys(input(entries, { shown, clock: la('2025-03-11T07:00:00.000Z') })), [key]);
    });

    it(`snoozed, comes back after ${SNOOZE_HOURS} hours the same day, then not again that day`, () => {
      const shown = snooze({}, key, clockAt(NOW));
      assert.deepEqual(keys(input(entries, { shown, clock: clockAt('2025-03-10T17:29:00.000Z') })), []);
      const later = clockAt('2025-03-10T17:30:00.000Z');
      assert.deepEqual(keys(input(entries, { shown, clock: later })), [key]);
      assert.deepEqual(keys(input(entries, { shown: markShown(shown, key, later), clock: clockAt('2025-03-10T20:00:00.000Z') })), []);
    });

    it('prunes what no longer decides anything, and what storage garbled', () => {
      const clock = clockAt(NOW);
      const shown: Shown = {
        today: { day: '2025-03-10' },
        yesterday: { day: '2025-03-09' },
        snoozed: { day: '2025-03-10', snoozedUntil: '2025-03-10T16:00:00.000Z' },
        snoozeOver: { day: '2025-03-10', snoozedUntil: '2025-03-10T12:00:00.000Z' },
      };
      assert.deepEqual(pruneShown({ ...shown, garbled: 3, noDay: {} }, clock), { today: shown.today, snoozed: shown.snoozed });
      assert.deepEqual(pruneShown(undefined, clock), {});
      assert.deepEqual(pruneShown('nonsense', clock), {});
    });
  });

  describe(`the first ${RETRO_QUIET_MINUTES} minutes of a running retro`, () => {
    const entries = [decided(A, 'Ada Lovelace', '2025-03-01'), makeEntry({ id: B, updated: '2025-01-01T09:00:00.000Z' })];
    const retro = (started: string, finished?: string): Retro => ({ id: D, started, facilitator: 'Sam', discussed: [], decided: [], ...(finished ? { finished } : {}) });

    it('hold every reminder back, and let them through afterwards', () => {
      const started = new Date(Date.parse(NOW) - (RETRO_QUIET_MINUTES * 60_000 - 1000)).toISOString();
      assert.deepEqual(keys(input(entries, {}, [retro(started)])), []);
      const earlier = new Date(Date.parse(NOW) - RETRO_QUIET_MINUTES * 60_000).toISOString();
      assert.equal(keys(input(entries, {}, [retro(earlier)])).length, 2);
    });

    it('do not apply to a finished retro', () => {
      assert.equal(keys(input(entries, {}, [retro('2025-03-10T14:25:00.000Z', '2025-03-10T14:28:00.000Z')])).length, 2);
    });
  });

  describe('"Still happening?"', () => {
    it('asks about open entries you wrote that are stale, least recently touched first', () => {
      const entries = [
        makeEntry({ id: A, updated: '2025-02-08T09:00:00.000Z' }),
        makeEntry({ id: B, updated: '2025-01-01T09:00:00.000Z' }),
        makeEntry({ id: C, updated: '2025-02-09T09:00:00.000Z' }),
      ];
      // 30 days before 10 March is 8 February: A is stale from today, C from tomorrow.
      assert.deepEqual(keys(input(entries)), [reminderKey('stale', B), reminderKey('stale', A)]);
    });

    it('asks nothing about someone else\'s, anonymous or decided entries, or with the stale flag or the reminder off', () => {
      const old = '2025-01-01T09:00:00.000Z';
      const anonymous = makeEntry({ id: B, updated: old });
      delete anonymous.author;
      const entries = [makeEntry({ id: A, updated: old, author: { name: 'Sam Lee' } }), anonymous, { ...decided(C, 'Sam Lee', undefined), updated: old }];
      assert.deepEqual(keys(input(entries)), []);
      const mine = [makeEntry({ id: D, updated: old })];
      assert.deepEqual(keys(input(mine, { staleAfterDays: 0 })), []);
      assert.deepEqual(keys(input(mine, { stale: false })), []);
      assert.deepEqual(keys(input(mine, { shown: markShown({}, reminderKey('stale', D), clockAt(NOW)) })), []);
    });

    it('Yes touches the entry, coarsely when it is anonymous', () => {
      const anonymous = makeEntry({ id: B, updated: '2025-01-01T00:00:00.000Z' });
      delete anonymous.author;
      const b: Backlog = { version: 1, entries: [makeEntry({ id: A, updated: '2025-01-01T09:00:00.000Z' }), anonymous], retros: [] };
      const now = new Date(NOW);
      const named = stillHappening(b, A, now);
      assert.ok(named.ok);
      assert.equal(named.backlog.entries[0].updated, NOW);
      const anon = stillHappening(b, B, now);
      assert.ok(anon.ok);
      assert.equal(anon.backlog.entries[1].updated, '2025-03-10T00:00:00.000Z');
      assert.deepEqual(dueReminders(input(named.backlog.entries)).map((r) => r.key), [], 'no longer stale');
      assert.deepEqual(stillHappening(b, D, now), { ok: false, message: { code: 'retro.missing', entryId: D } });
    });

    it('No, it stopped archives the entry with that reason, which a restore clears', () => {
      const b: Backlog = { version: 1, entries: [makeEntry({ id: A })], retros: [] };
      const stopped = stoppedHappening(b, A, new Date(NOW));
      assert.ok(stopped.ok);
      const [entry] = stopped.backlog.entries;
      assert.equal(entry.status, 'archived');
      assert.equal(entry.archivedReason, 'stopped');
      assertValid(stopped.backlog);
      const unknownReason = parseBacklog(serializeBacklog({ ...stopped.backlog, entries: [{ ...entry, archivedReason: 'bored' as 'stopped' }] }));
      assert.ok(!unknownReason.ok && unknownReason.problem.code === 'schema', 'the schema knows the one reason');
      const again = stoppedHappening(stopped.backlog, A, new Date('2025-03-11T09:00:00.000Z'));
      assert.ok(again.ok);
      assert.equal(again.backlog, stopped.backlog, 'an archived entry is left as it is');
      assert.equal(restoreEntry(entry, new Date(NOW)).archivedReason, undefined);
      assert.deepEqual(stoppedHappening(b, D, new Date(NOW)), { ok: false, message: { code: 'retro.missing', entryId: D } });
    });
  });
});
