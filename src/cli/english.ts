/**
 * The words of the editor in English, for the command line: it loads no translation bundle, so
 * `@vscode/l10n` fills in the same templates the editor translates.
 */
import * as l10n from '@vscode/l10n';
import type { Labels } from '../core/model/displayNames';
import { labelsIn } from '../core/text/labels';
import { renderMessage, type Message } from '../core/text/messages';

let labels: Labels | undefined;

/** The display names of kinds, reasons, statuses and the rest, as the editor shows them in English. */
export function englishLabels(): Labels {
  labels ??= labelsIn(l10n);
  return labels;
}

/** Several messages, each a sentence, on one line. */
export function englishAll(messages: readonly Message[]): string {
  return messages.map((m) => renderMessage(m, l10n)).join(' ');
}
