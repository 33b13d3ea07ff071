import * as vscode from 'vscode';
import { BacklogWriteError } from '../../adapters/file/backlogStore';
import { plainText } from '../../core/text/inertText';
import { renderMessage, type Message } from '../../core/text/messages';

/**
 * A message from the core or an adapter in the editor's display language, through the extension's
 * translation bundle (English when none is loaded), with the display language's plural rules for
 * counted phrases. It may quote the file: surfaces still make it inert.
 */
export function messageText(message: Message): string {
  return renderMessage(message, { t: vscode.l10n.t.bind(vscode.l10n), language: vscode.env.language });
}

/**
 * The words for a change of the backlog that failed, as plain text (a refusal may quote the file or an
 * entry): a `BacklogWriteError`'s own message, which says what to do, or "Could not update the backlog: …"
 * around any other error's message (a failed write, a bug).
 */
export function writeFailureText(error: unknown): string {
  if (error instanceof BacklogWriteError) {
    return plainText(error.message);
  }
  return plainText(vscode.l10n.t('Could not update the backlog: {0}', error instanceof Error ? error.message : String(error)));
}

/** Logs a failed change of the backlog and shows it in an error notification (see `writeFailureText`). */
export function reportWriteFailure(logger: vscode.LogOutputChannel, error: unknown): void {
  const message = writeFailureText(error);
  logger.error(message);
  void vscode.window.showErrorMessage(message);
}
