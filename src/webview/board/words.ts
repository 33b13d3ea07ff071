import { plural, type PluralForms } from '../../core/text/plural';
import { format } from '../dom';

/** The UI language the host wrote into `<html lang>` (VS Code's display language); the browser's default when absent. */
export function uiLocale(): string | undefined {
  return document.documentElement.lang || undefined;
}

/**
 * A counted phrase in the UI language: the plural form for `count` (Intl.PluralRules, see `plural`) with
 * `{0}` the count, then `{1}`, `{2}`… filled from `rest`, for example ("{0} of {1} entries", 9, 12).
 */
export function counted(forms: PluralForms, count: number, ...rest: (string | number)[]): string {
  return format(pluralOnce(forms, count), count, ...rest);
}

/** Phrases already chosen, per template set and count: a board asks for the same few hundreds of times, and each `Intl.PluralRules` costs. */
const chosen = new WeakMap<PluralForms, Map<number, string>>();

function pluralOnce(forms: PluralForms, count: number): string {
  let byCount = chosen.get(forms);
  if (!byCount) {
    byCount = new Map();
    chosen.set(forms, byCount);
  }
  let phrase = byCount.get(count);
  if (phrase === undefined) {
    phrase = plural(forms, count, uiLocale());
    byCount.set(count, phrase);
  }
  return phrase;
}

let medium: Intl.DateTimeFormat | undefined;
let full: Intl.DateTimeFormat | undefined;
const mediumDate = () => (medium ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeZone: 'UTC' }));
const fullDate = () => (full ??= new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));

/**
 * A calendar date (`YYYY-MM-DD`, as a date field and the file hold it) written the way the UI language
 * writes dates, for example "Tue, Dec 15, 2026" or "Di., 15. Dez. 2026"; the text itself when it is no such date.
 * Read as UTC, so no time zone moves it to the day before.
 */
export function localDate(iso: string, style: 'medium' | 'full' = 'medium'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return iso;
  }
  return (style === 'full' ? fullDate : mediumDate)().format(date);
}
