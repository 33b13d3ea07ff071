import * as l10n from '@vscode/l10n';
import { renderMessage, type Message } from './messages';
import { plural } from './plural';

/**
 * A message in English, for what runs outside the editor: the command line and the merge driver git
 * runs. They load no bundle, so `@vscode/l10n` fills in the same templates the editor translates.
 */
export function english(message: Message): string {
  return renderMessage(message, l10n);
}

/**
 * A counted English phrase for the same surfaces: `one` for 1, `other` otherwise, each a template
 * whose `{0}` is the count (see `plural`), so nothing reads "1 entries" or "edit(s)".
 */
export function englishCount(count: number, one: string, other: string): string {
  return plural({ one, other }, count, 'en');
}
