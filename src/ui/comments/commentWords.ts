import * as vscode from 'vscode';

/**
 * What an anonymous comment does and does not hide, as the Log form says it of an entry: the file
 * holds no name and only the day, but the hosting site still knows who pushed.
 */
export function anonymousCommentDisclosure(): string {
  return vscode.l10n.t('Your name is left out of the comment and its time is kept to the day, and backlog commits name nobody (unless stupidWork.sync.commitAs is "me"). But the hosting site\'s push records, which its admins can see, still show who pushed, and when. An anonymous comment cannot be edited or deleted later, since nothing says it is yours.');
}
