import * as vscode from 'vscode';
import type { Labels } from '../../core/model/displayNames';
import type { Kind } from '../../core/model/model';

export function createLabels(): Labels {
  return {
    kinds: {
      'unused-report': vscode.l10n.t('Unused report'),
      'ritual-process': vscode.l10n.t('Ritual process'),
      'autopilot-policy': vscode.l10n.t('Policy followed without thinking'),
      'losing-decision': vscode.l10n.t('Decision that loses customers'),
      trivia: vscode.l10n.t('Trivia while the sky is falling'),
      other: vscode.l10n.t('Other'),
    },
    reasons: {
      fear: vscode.l10n.t('Fear'),
      politics: vscode.l10n.t('Politics'),
      uncertainty: vscode.l10n.t('Uncertainty'),
      overload: vscode.l10n.t('Overload'),
      indecision: vscode.l10n.t('Indecision'),
      'not-my-job': vscode.l10n.t('Not my job'),
      'stepping-on-toes': vscode.l10n.t("Don't want to step on toes"),
      'always-done-that-way': vscode.l10n.t('Always done that way'),
      'boss-wants-it': vscode.l10n.t('They think the boss wants it'),
    },
    smart: {
      speakUp: vscode.l10n.t('Speak up'),
      moreInfo: vscode.l10n.t('More information'),
      accountability: vscode.l10n.t('Accountability'),
      reprioritize: vscode.l10n.t('Re-prioritize'),
      tryAnother: vscode.l10n.t('Try another approach'),
    },
    smartHints: {
      speakUp: vscode.l10n.t('What feels stupid, concretely? Who does it, how often?'),
      moreInfo: vscode.l10n.t('What context is missing, and whom could we ask?'),
      accountability: vscode.l10n.t('What will you own to fix it?'),
      reprioritize: vscode.l10n.t('What matters more, to do first instead?'),
      tryAnother: vscode.l10n.t('What is the alternative to try?'),
    },
    statuses: {
      open: vscode.l10n.t('Open'),
      decided: vscode.l10n.t('Decided'),
      done: vscode.l10n.t('Done'),
      archived: vscode.l10n.t('Archived'),
    },
    triage: {
      inbox: vscode.l10n.t('Inbox'),
      now: vscode.l10n.t('Now'),
      'bigger-story': vscode.l10n.t('The Bigger Story'),
      someday: vscode.l10n.t('Someday'),
    },
    periods: {
      day: vscode.l10n.t('per day'),
      week: vscode.l10n.t('per week'),
      month: vscode.l10n.t('per month'),
      quarter: vscode.l10n.t('per quarter'),
      year: vscode.l10n.t('per year'),
    },
    outcomes: {
      stop: vscode.l10n.t('Stop it'),
      automate: vscode.l10n.t('Automate it'),
      simplify: vscode.l10n.t('Simplify it'),
      keep: vscode.l10n.t('Keep it'),
    },
    followUps: {
      open: vscode.l10n.t('Not started'),
      'in-progress': vscode.l10n.t('In progress'),
      done: vscode.l10n.t('Done'),
    },
    anonymous: vscode.l10n.t('Anonymous'),
  };
}

const KIND_ICONS: Record<Kind, string> = {
  'unused-report': 'graph',
  'ritual-process': 'sync',
  'autopilot-policy': 'law',
  'losing-decision': 'flame',
  trivia: 'paintcan',
  other: 'question',
};

/** Codicon id per kind, shared by the tree and the webviews. */
export function kindIcon(kind: Kind): string {
  return KIND_ICONS[kind];
}
