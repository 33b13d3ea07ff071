import * as vscode from 'vscode';
import { counted, votesText } from '../shared/counted';
import { voteDisclosure } from '../../core/text/disclosures';

/**
 * What an anonymous vote does and does not hide (DESIGN.md, "Honest anonymity"), in one wording for
 * every place that casts one: the board, the Backlog view, the CodeLens, the hover and Quick Capture.
 */
export function anonymousVoteDisclosure(): string {
  return voteDisclosure(vscode.l10n, vscode.l10n.t('this VS Code'));
}

/** What a vote change did, in a sentence for the status bar or a board status line; `title` is plain already. */
export function voteOutcomeText(result: 'cast' | 'withdrawn' | 'unchanged', named: boolean, title: string, left: number | undefined): string {
  const said =
    result === 'withdrawn' ? vscode.l10n.t('Vote on “{0}” withdrawn.', title)
    : result === 'unchanged' ? vscode.l10n.t('Nothing changed on “{0}”.', title)
    : named ? vscode.l10n.t('Voted on “{0}” with your name.', title)
    : vscode.l10n.t('Voted on “{0}” anonymously.', title);
  if (left === undefined) {
    return said;
  }
  return vscode.l10n.t('{0} {1}', said, counted({ one: vscode.l10n.t('{0} vote left.'), other: vscode.l10n.t('{0} votes left.') }, left));
}

/** An entry's votes for a tooltip: the count, and how the reader's own vote stands. */
export function voteSummary(count: number, mine: 'none' | 'anonymous' | 'named'): string {
  if (mine === 'anonymous') return counted({ one: vscode.l10n.t('{0} vote, yours anonymous'), other: vscode.l10n.t('{0} votes, yours anonymous') }, count);
  if (mine === 'named') return counted({ one: vscode.l10n.t('{0} vote, yours with your name'), other: vscode.l10n.t('{0} votes, yours with your name') }, count);
  return votesText(count);
}
