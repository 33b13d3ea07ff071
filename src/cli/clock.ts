import { systemClock, type Clock } from '../core/model/calendar';

/**
 * The clock commands use: the machine's, unless `STUPID_WORK_NOW` (an ISO 8601 instant) fixes "now",
 * which scripts and tests use to replay a day; the time zone is always the machine's.
 */
export function cliClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.STUPID_WORK_NOW ? new Date(env.STUPID_WORK_NOW) : undefined;
  if (!fixed || Number.isNaN(fixed.getTime())) return systemClock();
  return { now: () => new Date(fixed), utcOffsetMinutes: (at) => -at.getTimezoneOffset() };
}
