import * as vscode from 'vscode';
import type { Clock } from '../../core/model/calendar';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { voteIn } from './voteActions';
import type { VoteTokens } from './voteTokens';
import { anonymousVoteDisclosure, voteOutcomeText, voteSummary } from './voteWords';

/**
 * Quick Capture's offer, after the title: when open entries of `backlog` are like `title`, a pick
 * of them, each a "me too" (anonymous, as votes are by default), and "flag it as new". Resolves
 * 'voted' when a vote was cast (the capture ends there), else 'new'; Escape means 'new' too, so a
 * typed title is never lost to the offer. A refused vote is shown and counts as 'new'.
 */
export async function offerExistingEntry(backlog: FolderBacklog, title: string, clock: Clock, tokens: VoteTokens, stepTitle: string): Promise<'voted' | 'new'> {
  if (backlog.state.kind !== 'loaded') {
    return 'new';
  }
  const { similarEntries } = await import('../../core/votes/similarEntries');
  const similar = similarEntries(backlog.state.backlog, title);
  if (similar.length === 0) {
    return 'new';
  }
  type Choice = vscode.QuickPickItem & { id?: string };
  const items: Choice[] = [
    ...similar.map((e): Choice => ({
      label: `$(thumbsup) ${vscode.l10n.t('Me too: “{0}”', plainText(e.title, QUOTE_LENGTH))}`,
      description: voteSummary(e.votes.length, 'none'),
      detail: vscode.l10n.t('Adds your anonymous vote instead of a second entry.'),
      id: e.id,
    })),
    { label: `$(add) ${vscode.l10n.t('No, flag “{0}” as new', plainText(title, QUOTE_LENGTH))}` },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: stepTitle,
    placeHolder: vscode.l10n.t('Already in the backlog? Vote for it, or flag yours as new (Escape flags it as new).'),
    ignoreFocusOut: true,
  });
  if (picked?.id === undefined) {
    return 'new';
  }
  try {
    const outcome = await voteIn(backlog, clock, tokens, picked.id, 'anonymous');
    const entry = plainText(outcome.entry.title, STATUS_BAR_QUOTE_LENGTH);
    void vscode.window.showInformationMessage(`${voteOutcomeText(outcome.result, outcome.named, entry, outcome.left)} ${anonymousVoteDisclosure()}`);
    return 'voted';
  } catch (error) {
    const message = plainText(error instanceof BacklogWriteError ? error.message : (error as Error).message);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not vote: {0} Your entry will be flagged as new.', message));
    return 'new';
  }
}
