import * as vscode from 'vscode';
import type { BoardStrings } from '../../protocol/boardMessages';
import { boardWords } from '../../protocol/boardWords';

/** The board's words, translated here because the webview has no access to the translations. */
export function boardStrings(): BoardStrings {
  return boardWords({ t: vscode.l10n.t.bind(vscode.l10n), language: vscode.env.language }, vscode.l10n.t('this VS Code'));
}
