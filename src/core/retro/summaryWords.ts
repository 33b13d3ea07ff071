import type * as l10n from '@vscode/l10n';
import { impactText, recurrenceText } from '../text/impactWords';
import type { SummaryStrings } from './retroSummary';

/** What renders a template (`Localizer` in core/text/messages.ts); typed from `@vscode/l10n`, whose import the bundle step looks for. */
type Words = { t(message: string, ...args: l10n.L10nReplacement[]): string; language?: string };

/**
 * The retro summary's words, one set for the board's Copy and Save and for `stupid-work summary`:
 * `l10n` is `vscode.l10n` in the editor (with `language` set) and `@vscode/l10n` on the command line.
 * Every template is a literal `l10n.t(…)` call so `@vscode/l10n-dev export` finds it.
 */
export function summaryWords(l10n: Words): SummaryStrings {
  return {
    title: l10n.t('Retro {0}'),
    facilitator: l10n.t('Facilitator'),
    decisions: l10n.t('Decisions'),
    owner: l10n.t('Owner'),
    due: l10n.t('Due'),
    noDue: l10n.t('no due date'),
    hoursAddressed: l10n.t('{0} per month addressed'),
    list: l10n.t('List'),
    votes: { one: l10n.t('{0} vote'), other: l10n.t('{0} votes') },
    deferred: l10n.t('Discussed, not decided'),
    moves: l10n.t('Moved between lists'),
    movedFromTo: l10n.t('{0}: {1} → {2}'),
    merges: l10n.t('Merged duplicates'),
    mergedInto: l10n.t('{0} merged into {1}'),
    followUps: l10n.t('Open follow-ups from earlier retros'),
    overdue: { one: l10n.t('{0} day overdue'), other: l10n.t('{0} days overdue') },
    none: l10n.t('None'),
    rationale: l10n.t('Why'),
    tracking: l10n.t('Tracked in'),
    impact: l10n.t('Impact in team hours per month'),
    reclaimed: l10n.t('Reclaimed.'),
    inProgress: l10n.t('In progress.'),
    wasted: l10n.t('Still wasted.'),
    recurring: l10n.t('Keeps coming back.'),
    explain: (m) => impactText(m, l10n),
    recurrence: (retros, window) => recurrenceText(retros, window, l10n),
    locale: l10n.language,
  };
}
