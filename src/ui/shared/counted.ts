import * as vscode from 'vscode';
import { plural, type PluralForms } from '../../core/text/plural';

/**
 * A counted phrase in the editor's display language (`vscode.env.language`): `forms` are `l10n.t`
 * templates whose `{0}` is the count, one per plural category (see `plural`, Intl.PluralRules).
 */
export function counted(forms: PluralForms, count: number): string {
  return plural(forms, count, vscode.env.language);
}

/** "1 day", "3 days": a span of calendar days, to put into a longer sentence. */
export function daysText(count: number): string {
  return counted({ one: vscode.l10n.t('{0} day'), other: vscode.l10n.t('{0} days') }, count);
}

/** "1 vote", "3 votes". */
export function votesText(count: number): string {
  return counted({ one: vscode.l10n.t('{0} vote'), other: vscode.l10n.t('{0} votes') }, count);
}

/** "1 entry", "3 entries". */
export function entriesText(count: number): string {
  return counted({ one: vscode.l10n.t('{0} entry'), other: vscode.l10n.t('{0} entries') }, count);
}

/** "1 new comment", "3 new comments". */
export function newCommentsText(count: number): string {
  return counted({ one: vscode.l10n.t('{0} new comment'), other: vscode.l10n.t('{0} new comments') }, count);
}

/** "1 concurrent edit", "3 concurrent edits": one field changed on both sides of a merge. */
export function concurrentEditsText(count: number): string {
  return counted({ one: vscode.l10n.t('{0} concurrent edit'), other: vscode.l10n.t('{0} concurrent edits') }, count);
}
