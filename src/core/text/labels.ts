/**
 * The display names of the model's values, in one list for the editor and the command line: the UI
 * renders them with `vscode.l10n`, the command line in English with `@vscode/l10n` (see `Localizer` in ./messages.ts).
 * Each template is a literal `l10n.t(…)` call so that `@vscode/l10n-dev export` finds it.
 */
import type * as l10n from '@vscode/l10n';
import type { Labels } from '../model/displayNames';

/** Every kind, reason, prompt, status, list, period, outcome and follow-up state, named through `l10n`. */
export function labelsIn(l10n: { t(message: string, ...args: l10n.L10nReplacement[]): string }): Labels {
  return {
    kinds: {
      'unused-report': l10n.t('Unused report'),
      'ritual-process': l10n.t('Ritual process'),
      'autopilot-policy': l10n.t('Policy followed without thinking'),
      'losing-decision': l10n.t('Decision that loses customers'),
      trivia: l10n.t('Trivia while the sky is falling'),
      other: l10n.t('Other'),
    },
    reasons: {
      fear: l10n.t('Fear'),
      politics: l10n.t('Politics'),
      uncertainty: l10n.t('Uncertainty'),
      overload: l10n.t('Overload'),
      indecision: l10n.t('Indecision'),
      'not-my-job': l10n.t('Not my job'),
      'stepping-on-toes': l10n.t("Don't want to step on toes"),
      'always-done-that-way': l10n.t('Always done that way'),
      'boss-wants-it': l10n.t('They think the boss wants it'),
    },
    smart: {
      speakUp: l10n.t('Speak up'),
      moreInfo: l10n.t('More information'),
      accountability: l10n.t('Accountability'),
      reprioritize: l10n.t('Re-prioritize'),
      tryAnother: l10n.t('Try another approach'),
    },
    smartHints: {
      speakUp: l10n.t('What feels stupid, concretely? Who does it, how often?'),
      moreInfo: l10n.t('What context is missing, and whom could we ask?'),
      accountability: l10n.t('What will you own to fix it?'),
      reprioritize: l10n.t('What matters more, to do first instead?'),
      tryAnother: l10n.t('What is the alternative to try?'),
    },
    statuses: {
      open: l10n.t('Open'),
      decided: l10n.t('Decided'),
      done: l10n.t('Done'),
      archived: l10n.t('Archived'),
    },
    triage: {
      inbox: l10n.t('Inbox'),
      now: l10n.t('Now'),
      'bigger-story': l10n.t('The Bigger Story'),
      someday: l10n.t('Someday'),
    },
    periods: {
      day: l10n.t('per day'),
      week: l10n.t('per week'),
      month: l10n.t('per month'),
      quarter: l10n.t('per quarter'),
      year: l10n.t('per year'),
    },
    outcomes: {
      stop: l10n.t('Stop it'),
      automate: l10n.t('Automate it'),
      simplify: l10n.t('Simplify it'),
      keep: l10n.t('Keep it'),
    },
    followUps: {
      open: l10n.t('Not started'),
      'in-progress': l10n.t('In progress'),
      done: l10n.t('Done'),
    },
    anonymous: l10n.t('Anonymous'),
  };
}
