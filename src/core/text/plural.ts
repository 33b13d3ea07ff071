/**
 * The forms of one counted phrase, each a template whose `{0}` is the count: `one` for "1 vote left", `other`
 * for "3 votes left". Languages with more categories (Unicode CLDR: zero, two, few, many) may add them; a
 * category without its own form falls back to `other`.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The phrase for `count` in `locale` (a BCP 47 tag such as "en" or "pl"; the runtime's default when omitted),
 * with `{0}` replaced by the count as the locale writes numbers. The category comes from `Intl.PluralRules`
 * (ECMA-402), so "1 vote" and "0 votes" follow the language's rules, not an English `(s)`.
 */
export function plural(forms: PluralForms, count: number, locale?: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  const template = forms[category] ?? forms.other;
  return template.replace(/\{0\}/g, count.toLocaleString(locale));
}
