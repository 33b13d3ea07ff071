import * as vscode from 'vscode';
import type { Clock } from '../../core/model/calendar';
import type { Entry } from '../../core/model/model';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { writeFailureText } from '../shared/messageText';
import { BacklogWriteError, type BacklogStore, type FolderBacklog } from '../../adapters/file/backlogStore';
import type { BacklogNode } from '../backlog/backlogTree';
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

/** The entry a command is about: a Backlog tree item, or a folder key and an entry id, read afresh from the file. */
function target(store: BacklogStore, args: unknown[]): { backlog: FolderBacklog; entry: Entry } | undefined {
  const [first, second] = args;
  const node = first as BacklogNode | undefined;
  const fromTree = typeof node === 'object' && node !== null && node.type === 'entry';
  const backlog = fromTree ? store.get(node.backlog.key) : typeof first === 'string' ? store.get(first) : undefined;
  const id = fromTree ? node.entry.id : second;
  if (!backlog || backlog.state.kind !== 'loaded' || typeof id !== 'string') {
    return undefined;
  }
  const entry = backlog.state.backlog.entries.find((e) => e.id === id);
  return entry ? { backlog, entry } : undefined;
}

/** Votes as `intent` says and reports the outcome in the status bar; a refusal or a failed write is shown, and logged. */
async function vote({ store, clock, tokens, logger }: VoteCommandDeps, memento: vscode.Memento, intent: VoteIntent, ...args: unknown[]): Promise<void> {
  const found = target(store, args);
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This entry is no longer in the backlog; a teammate may have merged or removed it. Refresh and try again.'));
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
