/**
 * The cost fields as a person types them: a number in the editor's display language, checked
 * against the schema's range. Pure; the Log form and its tests share it. Separators come from
 * `Intl.NumberFormat` (ECMA-402) for the locale.
 */

/** A field of `Cost` that takes a typed number. */
export type CostField = 'hoursPerOccurrence' | 'occurrences' | 'people';

/** The range the schema allows, per field: a save never writes a file that fails its own validation. */
export interface CostRange {
  min: number;
  max: number;
  /** Whether only whole numbers are allowed. */
  whole: boolean;
}

export const COST_RANGES: Readonly<Record<CostField, CostRange>> = {
  hoursPerOccurrence: { min: 0, max: 10000, whole: false },
  occurrences: { min: 0, max: 10000, whole: false },
  people: { min: 1, max: 100000, whole: true },
};

/** Why typed text is not a usable value for its field. */
export type CostInputProblem = 'notNumber' | 'belowMin' | 'aboveMax' | 'notWhole';

/** A field's reading: empty (no value), a value, or the problem, which the form shows next to the field. */
export type CostReading = { ok: true; value: number | undefined } | { ok: false; problem: CostInputProblem };

/** The decimal and group separators of `locale` (a BCP 47 tag); '.' and ',' when it is unknown. */
export function separators(locale: string): { decimal: string; group: string } {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(12345.6);
  }
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * A number typed in `locale`, or undefined when the text is not one. Both "0,5" and "0.5" mean a
 * half in every locale, since people type either: a separator is read as the decimal one unless it
 * can only be grouping (several of them, or one followed by exactly three digits where it is the
 * locale's group separator, as in "1,000" in English). Spaces, no-break spaces and apostrophes
 * group digits (French, Swiss). Exponents ("1e6") are read as numbers.
 */
export function parseTypedNumber(text: string, locale: string): number | undefined {
  const { decimal, group } = separators(locale);
  let s = text.trim().replace(SPACES, '');
  if (s === '') return undefined;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator ("1,234.5", "1.234,5").
    const last = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    s = s.split(last === '.' ? ',' : '.').join('').replace(last, '.');
  } else if (dots + commas > 0) {
    const mark = dots > 0 ? '.' : ',';
    const groups = /^[+-]?\d{1,3}([.,]\d{3})+$/.test(s);
    // Several of one mark can only group digits, and then in threes ("1,000,000", not "1..2").
    if (dots + commas > 1 && !groups) return undefined;
    const grouping = dots + commas > 1 || (mark === group && mark !== decimal && groups);
    s = grouping ? s.split(mark).join('') : s.replace(mark, '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** Reads `text` for `field` in `locale`: empty text is no value; anything else must be a number in the field's range. */
export function readCostField(field: CostField, text: string, locale: string): CostReading {
  if (text.trim() === '') return { ok: true, value: undefined };
  const value = parseTypedNumber(text, locale);
  const range = COST_RANGES[field];
  if (value === undefined) return { ok: false, problem: 'notNumber' };
  if (value < range.min) return { ok: false, problem: 'belowMin' };
  if (value > range.max) return { ok: false, problem: 'aboveMax' };
  if (range.whole && !Number.isInteger(value)) return { ok: false, problem: 'notWhole' };
  return { ok: true, value };
}
