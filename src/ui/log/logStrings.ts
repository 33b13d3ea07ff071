import * as vscode from 'vscode';
import type { LogStrings } from '../../protocol/logMessages';
import { anonymityDisclosure } from '../shared/anonymity';

/** The Log form's words in the editor's language (`vscode.l10n`), sent to the webview with its state. */
export function logStrings(): LogStrings {
  return {
    title: vscode.l10n.t('What feels stupid?'),
    titlePlaceholder: vscode.l10n.t('e.g. Weekly status deck nobody opens'),
    titleRequired: vscode.l10n.t('A title is required.'),
    kind: vscode.l10n.t('Kind'),
    reasons: vscode.l10n.t('Why does it persist?'),
    smartHeading: vscode.l10n.t('S.M.A.R.T. (optional)'),
    cost: vscode.l10n.t('What it costs'),
    hoursPerOccurrence: vscode.l10n.t('Hours each time'),
    occurrences: vscode.l10n.t('How often'),
    people: vscode.l10n.t('People affected'),
    perMonth: vscode.l10n.t('≈ {0} per month wasted'),
    noEstimate: vscode.l10n.t('No estimate yet: type the hours to see what it costs a month.'),
    costRange: vscode.l10n.t('{0} to {1}'),
    costProblems: {
      notNumber: vscode.l10n.t('Not a number: type one such as {0}.'),
      belowMin: vscode.l10n.t('At least {0}.'),
      aboveMax: vscode.l10n.t('At most {0}.'),
      notWhole: vscode.l10n.t('A whole number.'),
    },
    costInvalid: vscode.l10n.t('Not saved: fix the marked cost field first, or empty it.'),
    characters: vscode.l10n.t('{0} / {1}'),
    tooLong: vscode.l10n.t('{0} characters: keep it to {1}. Nothing was cut.'),
    link: vscode.l10n.t('Code link'),
    linkLine: vscode.l10n.t('{0}, line {1}'),
    linkLines: vscode.l10n.t('{0}, lines {1} to {2}'),
    removeLink: vscode.l10n.t('Remove link'),
    anonymous: vscode.l10n.t('Post anonymously'),
    anonymousDisclosure: anonymityDisclosure(),
    completeness: vscode.l10n.t('{0} of 5 S.M.A.R.T. answers'),
    save: vscode.l10n.t('Save'),
    saveHint: vscode.l10n.t('Ctrl+Enter saves'),
    update: vscode.l10n.t('Update'),
    cancelEdit: vscode.l10n.t('Cancel edit'),
    editing: vscode.l10n.t('Editing an existing entry'),
    discard: vscode.l10n.t('Discard draft'),
    nothingToDiscard: vscode.l10n.t('Nothing typed yet: there is no draft to discard.'),
    aside: {
      one: vscode.l10n.t('{0} draft put aside comes back when you save or cancel this one.'),
      other: vscode.l10n.t('{0} drafts put aside come back, newest first, when you save or cancel this one.'),
    },
    asideLatest: vscode.l10n.t('Next back: “{0}”'),
    untitled: vscode.l10n.t('(untitled)'),
    restored: vscode.l10n.t('Your draft “{0}” is back.'),
    smartExplain: vscode.l10n.t('Five prompts: Speak up, get More information, accept Accountability, Re-prioritize, Try another approach. Answer any, or none.'),
    target: vscode.l10n.t('Backlog'),
    openFile: vscode.l10n.t('Open File'),
    saved: vscode.l10n.t('Saved “{0}”.'),
    noFolder: vscode.l10n.t('Open a folder to keep a backlog in it.'),
  };
}
