import * as l10n from '@vscode/l10n';
import { renderMessage, type Message } from './messages';

/**
 * A message in English, for what runs outside the editor: the command line and the merge driver git
 * runs. They load no bundle, so `@vscode/l10n` fills in the same templates the editor translates.
 */
export function english(message: Message): string {
  return renderMessage(message, l10n);
}
