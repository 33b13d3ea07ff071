import * as vscode from 'vscode';
import { MAX_COMMENT_LENGTH } from '../../core/comments/comments';
import type { Clock } from '../../core/model/calendar';
import type { Entry } from '../../core/model/model';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import { writeFailureText } from '../shared/messageText';
import { anonymousByDefault } from '../../adapters/workspace/config';
import type { BacklogNode } from '../backlog/backlogTree';
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

/** The entry a command is about: a Backlog tree item, or a folder key and an entry id (from a lens or a hover), read afresh from the file. */
function target(store: BacklogStore, args: unknown[]): { backlog: FolderBacklog; entry: Entry } | undefined {
  const [first, second] = args;
  const node = first as BacklogNode | undefined;
  const key = typeof first === 'string' ? first : typeof node === 'object' && node !== null && node.type === 'entry' ? node.backlog.key : undefined;
  const id = typeof first === 'string' ? second : typeof node === 'object' && node !== null && node.type === 'entry' ? node.entry.id : undefined;
  const backlog = key === undefined ? undefined : store.get(key);
  if (!backlog || backlog.state.kind !== 'loaded' || typeof id !== 'string') {
    return undefined;
  }
  const entry = backlog.state.backlog.entries.find((e) => e.id === id);
  return entry ? { backlog, entry } : undefined;
}

/**
 * Asks for the comment's words, then whether to sign it: the default (`stupidWork.anonymousByDefault`)
 * comes first, so Enter twice takes it, and the anonymous choice says what it does not hide.
 */
async function commentOnEntry({ store, clock, commentSeen, logger }: CommentCommandDeps, ...args: unknown[]): Promise<void> {
  const found = target(store, args);
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This entry is no longer in the backlog; a teammate may have merged or removed it. Refresh and try again.'));
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
