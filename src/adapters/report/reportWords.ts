/**
 * The board's words and labels for the report the command line writes, in English through `@vscode/l10n`
 * (no bundle is loaded outside the editor). The templates are the board's own (src/ui/retro/retroBoardStrings.ts,
 * src/ui/shared/labels.ts), so one translation covers both; the types are the board's, so a word the board
 * gains fails the type check here until the report has it too.
 */
import * as l10n from '@vscode/l10n';
import type { Labels } from '../../core/model/displayNames';
import { labelsIn } from '../../core/text/labels';
import type { BoardStrings } from '../../protocol/boardMessages';
import { boardWords } from '../../protocol/boardWords';

/** The board's words, as the board has them. */
export function reportStrings(): BoardStrings {
  return boardWords(l10n, l10n.t('this VS Code'));
}

/** Kinds, reasons, lists, outcomes… as the board names them. */
export function reportLabels(): Labels {
  return labelsIn(l10n);
}
