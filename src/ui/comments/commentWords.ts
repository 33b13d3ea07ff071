import * as vscode from 'vscode';
import { commentDisclosure } from '../../core/text/disclosures';

/**
 * What an anonymous comment does and does not hide, as the Log form says it of an entry: the file
 * holds no name and only the day, but the hosting site still knows who pushed.
 */
export function anonymousCommentDisclosure(): string {
  return commentDisclosure(vscode.l10n);
}
