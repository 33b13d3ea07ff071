/**
 * Reading a hand-written time the same way on every machine. `Date.parse` reads a time without an
 * offset in the machine's own time zone (ECMA-262, Date Time String Format), guesses at forms such
 * as "03/02/2026", and rolls 30 February over into March; none of that may decide what a shared
 * file says.
 */

/** ISO 8601 extended format with a zone designator, as RFC 3339 profiles it (lower-case `t` and `z` allowed). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Gregorian month lengths; February has 29 days in leap years. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Milliseconds since the epoch of a UTC calendar time, years below 100 included (`Date.UTC` would move them to 19xx). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(year);
  return d.getTime();
}

/**
 * A hand-written time as a stored UTC timestamp (`2026-03-02T08:00:00.000Z`), or undefined when it
 * is not one of the two forms read alike everywhere:
 * - a full ISO 8601 time with its zone: `2026-03-02T09:00Z`, `2026-03-02T09:00:00.5+01:00`;
 * - a plain calendar date, `2026-03-02`, read as the start of that day in UTC.
 * Every part must be in range: no 30 February, no 24:00, no leap second. Fractions beyond
 * milliseconds are cut.
 */
export function readIsoTime(text: string): string | undefined {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDay(year, month, day) ? new Date(utc(year, month, day, 0, 0, 0, 0)).toISOString() : undefined;
  }
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(utc(year, month, day, hour, minute, second, ms) - offset * 60_000).toISOString();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
