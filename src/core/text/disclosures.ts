/**
 * What posting or voting anonymously protects and what it does not (DESIGN.md, "Honest anonymity"), in
 * one wording for the editor and the command line: the editor renders it with `vscode.l10n`, the command
 * line in English with `@vscode/l10n`. Kept apart from ./messages.ts, which several lazy chunks embed,
 * so that each text ships once. Each template is a literal `l10n.t(…)` call for `@vscode/l10n-dev export`.
 */
import type * as l10n from '@vscode/l10n';

/** What renders a template (see `Localizer` in ./messages.ts). */
type Renderer = { t(message: string, ...args: l10n.L10nReplacement[]): string };

/** Posting an entry anonymously: the Log form, Quick Capture and `stupid-work add --anonymous`. */
export function entryDisclosure(l10n: Renderer): string {
  return l10n.t('Your name is left out of the entry and its times are cut to the day; backlog commits name nobody and are dated by the day (unless stupidWork.sync.commitAs is "me"). But the hosting site\'s push records, which its admins can see, still show who pushed, and when.');
}

/**
 * Voting anonymously. An anonymous vote's token is known only where it was cast: `keeper` names that
 * place in the reader's words ("this VS Code", or the command line's token file).
 */
export function voteDisclosure(l10n: Renderer, keeper: string): string {
  return l10n.t('An anonymous vote is stored as a random token that names no one, and teammates see only the count. Only {0}, on this machine, knows the token is yours: that is how you can withdraw it, and how your vote budget is counted. Not protected: wherever your tokens are not known (a second machine, or VS Code and the stupid-work command line side by side) you have a second budget, and the hosting site\'s push records still show who pushed the commit that carried the vote (and the commit names you if stupidWork.sync.commitAs is "me").', keeper);
}

/** Commenting anonymously: the board, the Backlog view and `stupid-work comment --anonymous`. */
export function commentDisclosure(l10n: Renderer): string {
  return l10n.t('Your name is left out of the comment and its time is kept to the day, and backlog commits name nobody (unless stupidWork.sync.commitAs is "me"). But the hosting site\'s push records, which its admins can see, still show who pushed, and when. An anonymous comment cannot be edited or deleted later, since nothing says it is yours.');
}
