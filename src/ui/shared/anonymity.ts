import * as vscode from 'vscode';
import { renderMessage } from '../../core/text/messages';

/**
 * What posting anonymously protects and what it does not (DESIGN.md, "Honest anonymity"), in one
 * wording for every place that offers it: the Log form, Quick Capture and `stupid-work add --anonymous`.
 */
export function anonymityDisclosure(): string {
  return renderMessage({ code: 'disclose.entry' }, vscode.l10n);
}
