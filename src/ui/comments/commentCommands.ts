import * as vscode from 'vscode';
import { MAX_COMMENT_LENGTH } from '../../core/comments/comments';
import type { Clock } from '../../core/model/calendar';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import type { BacklogStore } from '../../adapters/file/backlogStore';
import { writeFailureText } from '../shared/messageText';
import { anonymousByDefault } from '../../adapters/workspace/config';
import { resolveEntry } from '../shared/entryTarget';
import { addCommentIn } from './commentActions';
import type { CommentSeen } from './commentSeen';
import { anonymousCommentDisclosure } from './commentWords';

/** Comments on an entry from outside the board: the Backlog view's context menu, a CodeLens or a hover. */
export const COMMENT_ON_ENTRY = 'stupidWork.entry.comment';

export interface CommentCommandDeps {
  store: BacklogStore;
  clock: Clock;
  commentSeen: CommentSeen;
  logger: vscode.LogOutputChannel;
}

/** Words typed but not posted (cancelled at the signing step, or refused), offered again on the same entry's next Comment…. */
const unposted = new Map<string, string>();

/**
 * Asks for the comment's words, then whether to sign it: the default (`stupidWork.anonymousByDefault`)
 * comes first, so Enter twice takes it, and the anonymous choice says what it does not hide.
 */
async function commentOnEntry({ store, clock, commentSeen, logger }: CommentCommandDeps, ...args: unknown[]): Promise<void> {
  const found = await resolveEntry(store, args, {
    placeHolder: vscode.l10n.t('Comment on which entry?'),
    offers: (entry) => entry.status !== 'archived',
    none: vscode.l10n.t('There is no open entry to comment on yet.'),
  });
  if (found.kind === 'gone') {
    void vscode.window.showWarningMessage(vscode.l10n.t('This entry is no longer in the backlog; a teammate may have merged or removed it. Refresh and try again.'));
  }
  if (found.kind !== 'found') {
    return;
  }
  const { backlog, entry } = found;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Comment on “{0}”', plainText(entry.title, QUOTE_LENGTH)),
    prompt: vscode.l10n.t('Ask, answer or add what is missing. Teammates see it on the Retro Board and in the Backlog view.'),
    value: unposted.get(entry.id) ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const length = value.trim().length;
      if (length === 0) {
        return vscode.l10n.t('Write something first: an empty comment is not saved.');
      }
      return length > MAX_COMMENT_LENGTH ? vscode.l10n.t('The comment is {0} characters long; keep it to {1}.', length, MAX_COMMENT_LENGTH) : undefined;
    },
  });
  if (text === undefined) {
    return;
  }
  unposted.set(entry.id, text);
  const named = { label: vscode.l10n.t('Post under your name'), anonymous: false };
  const anonymous = { label: vscode.l10n.t('Post anonymously'), detail: anonymousCommentDisclosure(), anonymous: true };
  const choices = anonymousByDefault(backlog.folder) ? [anonymous, named] : [named, anonymous];
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Sign the comment?'), ignoreFocusOut: true });
  if (!picked) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Comment not posted; your words wait in the next Comment… on this entry.'), 5000);
    return;
  }
  try {
    const comment = await addCommentIn(backlog, clock, entry.id, text, picked.anonymous);
    unposted.delete(entry.id);
    commentSeen.markOwn(comment.id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Commented on “{0}”', plainText(entry.title, STATUS_BAR_QUOTE_LENGTH)), 3000);
  } catch (error) {
    const message = writeFailureText(error);
    logger.error(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} Your words wait in the next Comment… on this entry.', message));
  }
}

/** Registers Comment…, with its dependencies. */
export function registerCommentCommands(deps: CommentCommandDeps): vscode.Disposable[] {
  return [vscode.commands.registerCommand(COMMENT_ON_ENTRY, (...args: unknown[]) => commentOnEntry(deps, ...args))];
}
