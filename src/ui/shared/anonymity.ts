import * as vscode from 'vscode';

/**
 * What posting anonymously protects and what it does not (DESIGN.md, "Honest anonymity"), in one
 * wording for every place that offers it: the Log form and Quick Capture.
 */
export function anonymityDisclosure(): string {
  return vscode.l10n.t('Your name is left out of the entry and its times are cut to the day; backlog commits name nobody and are dated by the day (unless stupidWork.sync.commitAs is "me"). But the hosting site\'s push records, which its admins can see, still show who pushed, and when.');
}
