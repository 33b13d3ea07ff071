/**
 * The impact figures' one-line explanations (src/core/retro/impact.ts), as codes with parameters
 * rendered through a `Localizer`, as src/core/text/messages.ts does: `vscode.l10n` in the editor,
 * `@vscode/l10n` (English) in the report the command line writes. Counted phrases go through `plural`.
 */
import { formatHours } from '../model/cost';
import type * as l10n from '@vscode/l10n';
import { plural } from './plural';

/** What renders a template and picks plural forms (`Localizer` in ./messages.ts); typed from `@vscode/l10n`, whose import the bundle step looks for. */
type Words = { t(message: string, ...args: l10n.L10nReplacement[]): string; language?: string };

/** The explanation of one figure; `hours` is team hours per month. */
export type ImpactMessage =
  | { code: 'impact.reclaimed'; hours: number; entries: number; unestimated: number }
  | { code: 'impact.inProgress'; hours: number; entries: number; unestimated: number }
  | { code: 'impact.wasted'; hours: number; entries: number; unestimated: number }
  | { code: 'impact.trendByRetro'; points: number }
  | { code: 'impact.trendByMonth'; points: number }
  | { code: 'impact.recurrence'; window: number };

function entries(count: number, l10n: Words): string {
  return plural({ one: l10n.t('{0} entry'), other: l10n.t('{0} entries') }, count);
}

/** " 2 of them have no estimate and count as 0 h.", or nothing when every entry has one. */
function unestimated(count: number, l10n: Words): string {
  if (count === 0) return '';
  return ` ${plural({ one: l10n.t('{0} of them has no estimate and counts as 0 h.'), other: l10n.t('{0} of them have no estimate and count as 0 h.') }, count)}`;
}

/** "in {0} of the last {1} retros", for one recurring entry or kind. */
export function recurrenceText(retros: number, window: number, l10n: Words): string {
  const last = plural({ one: l10n.t('the last retro'), other: l10n.t('the last {0} retros') }, window);
  return l10n.t('in {0} of {1}', retros, last);
}

/** The message in words, through `l10n` (`vscode.l10n`, or `@vscode/l10n` outside the editor). */
export function impactText(m: ImpactMessage, l10n: Words): string {
  switch (m.code) {
    case 'impact.reclaimed':
      return l10n.t('{0} a month no longer wasted: the estimated hours of {1} decided Stop, Automate or Simplify whose follow-up is done.', formatHours(m.hours), entries(m.entries, l10n)) + unestimated(m.unestimated, l10n);
    case 'impact.inProgress':
      return l10n.t('{0} a month about to be reclaimed: {1} decided Stop, Automate or Simplify whose follow-up is not done yet.', formatHours(m.hours), entries(m.entries, l10n)) + unestimated(m.unestimated, l10n);
    case 'impact.wasted':
      return l10n.t('{0} a month still wasted: {1} still open, or kept on purpose.', formatHours(m.hours), entries(m.entries, l10n)) + unestimated(m.unestimated, l10n);
    case 'impact.trendByRetro':
      return plural(
        {
          one: l10n.t('Hours reclaimed and still wasted at the end of the last retro, from the dates in the file.'),
          other: l10n.t('Hours reclaimed and still wasted at the end of each of the last {0} retros, from the dates in the file.'),
        },
        m.points,
      );
    case 'impact.trendByMonth':
      return plural(
        {
          one: l10n.t('No retro yet: hours reclaimed and still wasted at the end of this month, from the dates in the file.'),
          other: l10n.t('No retro yet: hours reclaimed and still wasted at the end of each of the last {0} months, from the dates in the file.'),
        },
        m.points,
      );
    case 'impact.recurrence':
      return m.window === 0
        ? l10n.t('No retro yet, so nothing has come back.')
        : l10n.t('An entry or kind comes back when it is flagged, discussed, or raised again as a duplicate in more than one of {0}; votes carry no date, so they do not count.', plural({ one: l10n.t('the last retro'), other: l10n.t('the last {0} retros') }, m.window));
  }
}
