/**
 * The viewer's calendar. Stored times are UTC instants and due dates are calendar dates; what day it
 * is, how old something is in days and how late a due date is are answered in the viewer's own time
 * zone, so a decision due on 10 March is not overdue at 17:00 on 10 March in Los Angeles (when it is
 * already 11 March in UTC). The clock and the zone are handed in, never read from the machine here.
 */

/** Where "now" and the viewer's time zone come from; tests hand in their own. */
export interface Clock {
  /** The current instant. */
  now: () => Date;
  /**
   * The viewer's offset from UTC at instant `at`, in minutes east of UTC (UTC+02:00 is 120, Los
   * Angeles in summer is -420), the negation of `Date#getTimezoneOffset()`. Taken per instant, so a
   * daylight saving change between two dates is respected.
   */
  utcOffsetMinutes: (at: Date) => number;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An anonymous entry's coarsened time (see `coarseTime` in entries.ts): the start of a UTC day. */
const START_OF_UTC_DAY = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.0{1,3})?Z$/;

/** The machine's clock and time zone, as the extension host sees them. */
export function systemClock(): Clock {
  return { now: () => new Date(), utcOffsetMinutes: (at) => -at.getTimezoneOffset() };
}

/** The calendar date, YYYY-MM-DD, that instant `at` falls on for the viewer. */
export function localDate(at: Date, clock: Clock): string {
  return new Date(at.getTime() + clock.utcOffsetMinutes(at) * 60_000).toISOString().slice(0, 10);
}

/** The viewer's date today, YYYY-MM-DD. */
export function today(clock: Clock): string {
  return localDate(clock.now(), clock);
}

/**
 * The calendar date a stored time falls on for the viewer, or undefined when `stamp` is not a time.
 * A time at the very start of a UTC day is read as the date it names: that is how an anonymous
 * entry's times are coarsened to their day, and converting it would move it to the day before
 * everywhere west of UTC.
 */
export function dayOf(stamp: string, clock: Clock): string | undefined {
  const coarse = START_OF_UTC_DAY.exec(stamp);
  if (coarse) return coarse[1];
  const t = Date.parse(stamp);
  return Number.isFinite(t) ? localDate(new Date(t), clock) : undefined;
}

/**
 * Whole calendar days from date `from` to date `to` (both YYYY-MM-DD): 1 from 2026-03-10 to
 * 2026-03-11, whatever the hours; negative when `to` comes first; NaN when either is not a date.
 */
export function daysBetween(from: string, to: string): number {
  if (!DATE.test(from) || !DATE.test(to)) return Number.NaN;
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY);
}

/** Whole calendar days from the day a stored time falls on to the viewer's today; 0 for the future or a value that is not a time. */
export function daysSinceStamp(stamp: string, clock: Clock): number {
  const day = dayOf(stamp, clock);
  const days = day === undefined ? Number.NaN : daysBetween(day, today(clock));
  return Number.isFinite(days) && days > 0 ? days : 0;
}
