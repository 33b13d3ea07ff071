import * as vscode from 'vscode';
import { addComment, deleteComment, editComment, type CommentChange } from '../../core/comments/comments';
import type { Clock } from '../../core/model/calendar';
import type { Backlog, Comment, Person } from '../../core/model/model';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { currentAuthor } from '../../adapters/workspace/identity';
import { messageText } from '../shared/messageText';

/**
 * Applies a comment change to the file as it is on disk now. A change the core refuses becomes a
 * `BacklogWriteError` with the core's own words; the backlog is then left as it was.
 */
async function apply(backlog: FolderBacklog, change: (current: Backlog) => CommentChange): Promise<Comment> {
  let saved: Comment | undefined;
  await backlog.update((current) => {
    const result = change(current);
    if (!result.ok) {
      throw new BacklogWriteError(messageText(result.message));
    }
    saved = result.comment;
    return result.backlog;
  });
  return saved as Comment;
}

/** Adds a comment to entry `entryId`, under the writer's name (from git or the setting) unless `anonymous`. Resolves to the saved comment. */
export async function addCommentIn(backlog: FolderBacklog, clock: Clock, entryId: string, text: string, anonymous: boolean): Promise<Comment> {
  const author: Person | undefined = anonymous ? undefined : await currentAuthor(backlog.folder);
  return apply(backlog, (current) => addComment(current, entryId, text, author, clock.now()));
}

/** Replaces the text of the writer's own comment; refused for anyone else's or an anonymous one. */
export async function editCommentIn(backlog: FolderBacklog, clock: Clock, entryId: string, commentId: string, text: string): Promise<Comment> {
  const me = await currentAuthor(backlog.folder);
  return apply(backlog, (current) => editComment(current, entryId, commentId, text, me, clock.now()));
}

/** Asks first, then deletes the writer's own comment, leaving a tombstone. False when they cancelled. */
export async function deleteCommentIn(backlog: FolderBacklog, clock: Clock, entryId: string, commentId: string): Promise<boolean> {
  const remove = vscode.l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete your comment?'),
    { modal: true, detail: vscode.l10n.t('Its words leave the backlog file. Teammates who synced before still have them in their git history.') },
    remove,
  );
  if (choice !== remove) {
    return false;
  }
  const me = await currentAuthor(backlog.folder);
  await apply(backlog, (current) => deleteComment(current, entryId, commentId, me, clock.now()));
  return true;
}
