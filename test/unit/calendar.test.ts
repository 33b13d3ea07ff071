import assert from 'node:assert/strict';
import { queryBoard, defaultQuery } from '../../src/core/retro/boardQuery';
import { dayOf, daysBetween, daysSinceStamp, localDate, systemClock, today, type Clock } from '../../src/core/model/calendar';
import { openedVsDecided } from '../../src/core/retro/charts';
import type { Backlog, Decision, Entry } from '../../src/core/model/model';
import { followUps, isStale, overdueDays } from '../../src/core/retro/retro';
import { retroDate, retroSummaryMarkdown, type SummaryStrings } from '../../src/core/retro/retroSummary';
import { resolveSummaryPath, summaryTarget } from '../../src/core/retro/summaryPath';
import { clockAt, inTimeZone, LABELS, makeEntry } from './fixtures';
import { NOBODY } from '../../src/core/votes/votes';
import * as l10n from '@vscode/l10n';
import { summaryWords } from '../../src/core/retro/summaryWords';

/** Los Angeles is UTC-8 until 8 March 2026 and UTC-7 from then on. */
const LOS_ANGELES_MARCH = -420;
const TOKYO = 540;

/** The machine's real zone rules for `zone`, at a fixed instant. */
function zoneClock(zone: string, now: string): Clock {
  const system = systemClock();
  return {
    now: () => new Date(now),
    utcOffsetMinutes: (at) => inTimeZone(zone, () => system.utcOffsetMinutes(at)),
  };
}

function decided(due: string, decidedAt = '2026-03-01T18:00:00.000Z'): Entry {
  const decision: Decision = { outcome: 'stop', rationale: '', owner: 'Ada', followUp: 'open', decided: decidedAt, due };
  return makeEntry({ status: 'decided', decision });
}

function backlog(...entries: Entry[]): Backlog {
  return { version: 1, entries, retros: [] };
}

describe('the viewer\'s calendar', () => {
  describe('today and the day of a stored time', () => {
    it('is the viewer\'s date, not UTC\'s', () => {
      const evening = clockAt('2026-03-11T00:00:00.000Z', LOS_ANGELES_MARCH);
      assert.equal(today(evening), '2026-03-10');
      assert.equal(today(clockAt('2026-03-10T16:00:00.000Z', TOKYO)), '2026-03-11');
      assert.equal(localDate(new Date('2026-03-10T07:30:00.000Z'), evening), '2026-03-10');
    });

    it('follows the zone\'s own rules, daylight saving included', () => {
      const beforeChange = zoneClock('America/Los_Angeles', '2026-03-08T07:30:00.000Z');
      const afterChange = zoneClock('America/Los_Angeles', '2026-03-08T10:30:00.000Z');
      assert.equal(today(beforeChange), '2026-03-07', '23:30 PST on 7 March');
      assert.equal(today(afterChange), '2026-03-08', '03:30 PDT on 8 March');
      assert.equal(today(zoneClock('Asia/Kolkata', '2026-03-10T18:45:00.000Z')), '2026-03-11', '00:15 IST');
    });

    it('reads an anonymous entry\'s coarse time as the day it names, everywhere', () => {
      for (const offset of [LOS_ANGELES_MARCH, 0, TOKYO]) {
        assert.equal(dayOf('2026-03-10T00:00:00.000Z', clockAt('2026-03-12T12:00:00Z', offset)), '2026-03-10');
      }
      assert.equal(dayOf('2026-03-10T03:00:00.000Z', clockAt('2026-03-12T12:00:00Z', LOS_ANGELES_MARCH)), '2026-03-09');
      assert.equal(dayOf('not a time', clockAt('2026-03-12T12:00:00Z')), undefined);
    });

    it('counts whole calendar days between dates, whatever the hours', () => {
      assert.equal(daysBetween('2026-03-10', '2026-03-11'), 1);
      assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
      assert.equal(daysBetween('2026-03-11', '2026-03-10'), -1);
      assert.ok(Number.isNaN(daysBetween('2026-03-10', 'soon')));
      const lateAtNight = clockAt('2026-03-11T06:59:00.000Z', LOS_ANGELES_MARCH);
      assert.equal(daysSinceStamp('2026-03-10T07:01:00.000Z', lateAtNight), 0, 'both on 10 March in Los Angeles');
      assert.equal(daysSinceStamp('2026-03-12T00:00:00.000Z', lateAtNight), 0, 'a time in the future is not negative');
    });
  });

  describe('due dates', () => {
    it('a decision due 10 March is on time at 17:00 on 10 March in Los Angeles', () => {
      assert.equal(overdueDays('2026-03-10', clockAt('2026-03-11T00:00:00.000Z', LOS_ANGELES_MARCH)), 0);
      assert.equal(overdueDays('2026-03-10', zoneClock('America/Los_Angeles', '2026-03-11T00:00:00.000Z')), 0);
      assert.equal(overdueDays('2026-03-10', clockAt('2026-03-11T08:00:00.000Z', LOS_ANGELES_MARCH)), 1, '01:00 on 11 March');
    });

    it('and already overdue after midnight in Tokyo, while UTC is still on 10 March', () => {
      assert.equal(overdueDays('2026-03-10', clockAt('2026-03-10T16:00:00.000Z', TOKYO)), 1);
      assert.equal(overdueDays('2026-03-10', clockAt('2026-03-10T16:00:00.000Z', 0)), 0);
    });

    it('the board\'s follow-ups count overdue and age days on the viewer\'s calendar', () => {
      const b = backlog(decided('2026-03-10', '2026-03-01T23:00:00.000Z'));
      const [inLosAngeles] = followUps(b, clockAt('2026-03-11T00:00:00.000Z', LOS_ANGELES_MARCH));
      assert.deepEqual([inLosAngeles.overdueDays, inLosAngeles.ageDays], [0, 9], 'decided on 1 March at 15:00 local, seen on 10 March');
      const [inTokyo] = followUps(b, clockAt('2026-03-10T16:00:00.000Z', TOKYO));
      assert.deepEqual([inTokyo.overdueDays, inTokyo.ageDays], [1, 9], 'decided on 2 March at 08:00 local, seen on 11 March');
    });
  });

  describe('staleness and the board\'s days', () => {
    const touched = makeEntry({ created: '2026-01-20T18:00:00.000Z', updated: '2026-02-02T07:00:00.000Z' });

    it('an entry last touched late on 1 February (Los Angeles) is stale with 30 days all of 3 March, not from 23:00', () => {
      const morning = clockAt('2026-03-03T16:00:00.000Z', -480);
      assert.equal(isStale(touched, morning, 30), true);
      assert.equal(isStale(touched, clockAt('2026-03-03T07:00:00.000Z', -480), 30), false, '23:00 on 2 March');
    });

    it('cards show age and idle days on the viewer\'s calendar', () => {
      const [card] = queryBoard(backlog(touched), defaultQuery(), { clock: clockAt('2026-03-03T16:00:00.000Z', -480), voter: NOBODY, staleDays: 30 }).columns[0].cards;
      assert.deepEqual([card.ageDays, card.idleDays, card.stale], [42, 30, true]);
    });
  });

  describe('the retro summary and the charts', () => {
    const retro = { id: '01JH0000000000000000000099', started: '2026-03-11T01:00:00.000Z', facilitator: 'Ada', discussed: [], decided: [] };
    const b: Backlog = { version: 1, entries: [], retros: [retro] };
    const evening = clockAt('2026-03-11T02:00:00.000Z', LOS_ANGELES_MARCH);
    const strings = { ...summaryWords(l10n), title: 'Retro {0}', facilitator: 'Facilitator', decisions: 'Decisions', owner: 'Owner', due: 'Due', noDue: 'no due date', hoursAddressed: '{0} per month addressed', list: 'List', votes: { one: '{0} vote', other: '{0} votes' }, deferred: 'Deferred', merges: 'Merged duplicates', mergedInto: '{0} merged into {1}', followUps: 'Follow-ups', overdue: { one: '{0} day overdue', other: '{0} days overdue' }, none: 'None', rationale: 'Why', tracking: 'Tracked in' } satisfies SummaryStrings;

    it('a retro that started at 18:00 on 10 March in Los Angeles is the retro of 10 March, in its title and file name', () => {
      assert.equal(retroDate(retro, evening), '2026-03-10');
      assert.match(retroSummaryMarkdown(b, retro.id, LABELS, strings, evening), /^# Retro 2026-03-10$/m);
      assert.deepEqual(summaryTarget('/repo', undefined, retroDate(retro, evening)), { kind: 'branch', branchPath: 'retros/2026-03-10.md' });
      const target = resolveSummaryPath('/repo', 'docs/retros/{date}.md', retroDate(retro, evening));
      assert.ok(target.ok);
      assert.equal(target.relative, 'docs/retros/2026-03-10.md');
    });

    it('the chart of opened and decided entries labels each retro by the viewer\'s date', () => {
      assert.deepEqual(openedVsDecided(b, evening).map((bar) => bar.label), ['2026-03-10']);
      assert.deepEqual(openedVsDecided(b, clockAt('2026-03-11T02:00:00.000Z', TOKYO)).map((bar) => bar.label), ['2026-03-11']);
    });
  });
});
