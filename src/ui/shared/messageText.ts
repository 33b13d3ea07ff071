import * as vscode from 'vscode';
import { renderMessage, type Message } from '../../core/text/messages';

/**
 * A message from the core or an adapter in the editor's display language, through the extension's
 * translation bundle (English when none is loaded). It may quote the file: surfaces still make it inert.
 */
export function messageText(message: Message): string {
  return renderMessage(message, vscode.l10n);
}
