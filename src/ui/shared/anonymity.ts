import * as vscode from 'vscode';
import { entryDisclosure } from '../../core/text/disclosures';

/**
 * What posting anonymously protects and what it does not (DESIGN.md, "Honest anonymity"), in one
 * wording for every place that offers it: the Log form, Quick Capture and `stupid-work add --anonymous`.
 */
export function anonymityDisclosure(): string {
  return entryDisclosure(vscode.l10n);
}
