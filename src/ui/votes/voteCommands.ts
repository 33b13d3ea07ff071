import * as vscode from 'vscode';
import type { Clock } from '../../core/model/calendar';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { writeFailureText } from '../shared/messageText';
import { BacklogWriteError, type BacklogStore } from '../../adapters/file/backlogStore';
import { resolveEntry } from '../shared/entryTarget';
import { voteIn, type VoteIntent } from './voteActions';
import type { VoteTokens } from './voteTokens';
import { anonymousVoteDisclosure, voteOutcomeText } from './voteWords';

/** "Me Too" as a switch, by folder key and entry id: what a CodeLens and a hover run. */
export const TOGGLE_VOTE = 'stupidWork.entry.toggleVote';

export interface VoteCommandDeps {
  store: BacklogStore;
  clock: Clock;
  tokens: VoteTokens;
  logger: vscode.LogOutputChannel;
}

/** Set once the person has been told, after their first anonymous vote, what it hides and what it does not. */
const TOLD_KEY = 'stupidWork.votes.disclosureShown';

/** The quick pick's question for each intent, when the command was run from the Command Palette. */
function question(intent: VoteIntent): string {
  switch (intent) {
    case 'anonymous':
      return vscode.l10n.t('Vote for which entry?');
    case 'named':
      return vscode.l10n.t('Vote with your name for which entry?');
    case 'withdraw':
      return vscode.l10n.t('Withdraw your vote from which entry?');
    default:
      return vscode.l10n.t('Vote on which entry?');
  }
}

/** Votes as `intent` says and reports the outcome in the status bar; a refusal or a failed write is shown, and logged. */
async function vote({ store, clock, tokens, logger }: VoteCommandDeps, memento: vscode.Memento, intent: VoteIntent, ...args: unknown[]): Promise<void> {
  const found = await resolveEntry(store, args, {
    placeHolder: question(intent),
    offers: (entry) => entry.status !== 'archived',
    none: vscode.l10n.t('There is no open entry to vote on yet.'),
  });
  if (found.kind === 'gone') {
    void vscode.window.showWarningMessage(vscode.l10n.t('This entry is no longer in the backlog; a teammate may have merged or removed it. Refresh and try again.'));
  }
  if (found.kind !== 'found') {
    return;
  }
  const { backlog, entry } = found;
  try {
    const outcome = await voteIn(backlog, clock, tokens, entry.id, intent);
    vscode.window.setStatusBarMessage(voteOutcomeText(outcome.result, outcome.named, plainText(entry.title, STATUS_BAR_QUOTE_LENGTH), outcome.left), 5000);
    if (outcome.result === 'cast' && !outcome.named && !memento.get<boolean>(TOLD_KEY)) {
      await memento.update(TOLD_KEY, true);
      void vscode.window.showInformationMessage(vscode.l10n.t('You voted anonymously on “{0}”. {1}', plainText(entry.title, QUOTE_LENGTH), anonymousVoteDisclosure()));
    }
  } catch (error) {
    const message = writeFailureText(error);
    logger.error(message);
    void (error instanceof BacklogWriteError ? vscode.window.showWarningMessage(message) : vscode.window.showErrorMessage(message));
  }
}

/** Registers Me Too, Me Too With My Name, Withdraw My Vote and the switch the CodeLens and hover use. */
export function registerVoteCommands(deps: VoteCommandDeps, memento: vscode.Memento): vscode.Disposable[] {
  const commands: Record<string, VoteIntent> = {
    'stupidWork.entry.vote': 'anonymous',
    'stupidWork.entry.voteNamed': 'named',
    'stupidWork.entry.unvote': 'withdraw',
    [TOGGLE_VOTE]: 'toggle',
  };
  return Object.entries(commands).map(([command, intent]) => vscode.commands.registerCommand(command, (...args: unknown[]) => vote(deps, memento, intent, ...args)));
}
