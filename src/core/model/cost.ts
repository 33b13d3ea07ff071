import type { Cost, Period } from './model';

const WORKING_DAYS_PER_MONTH = (5 * 52) / 12;

const PERIODS_PER_MONTH: Record<Period, number> = {
  day: WORKING_DAYS_PER_MONTH,
  week: 52 / 12,
  month: 1,
  quarter: 1 / 3,
  year: 1 / 12,
};

export function periodsPerMonth(per: Period): number {
  return Object.hasOwn(PERIODS_PER_MONTH, per) ? PERIODS_PER_MONTH[per] : Number.NaN;
}

/** Team hours per month; 0 when there is no usable cost, so totals never turn into NaN. */
export function hoursPerMonth(cost: Cost | undefined): number {
  if (!cost) return 0;
  const h = cost.hoursPerOccurrence * cost.occurrences * periodsPerMonth(cost.per) * cost.people;
  return Number.isFinite(h) && h > 0 ? h : 0;
}

// Built on first use: creating a number format loads locale data, which activation should not pay for.
let formats: { small: Intl.NumberFormat; large: Intl.NumberFormat } | undefined;

export function formatHours(h: number): string {
  const v = Number.isFinite(h) && h > 0 ? h : 0;
  formats ??= {
    small: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
    large: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  };
  return `${(v < 10 ? formats.small : formats.large).format(v)} h`;
}
