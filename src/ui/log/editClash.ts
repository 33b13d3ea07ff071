import * as vscode from 'vscode';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import type { ClashChoice, DraftField, FieldClash } from '../../core/model/editMerge';
import type { Labels } from '../../core/model/displayNames';
import type { CodeLink, Cost, Kind, Reason, SmartKey } from '../../core/model/model';
import { QUOTE_LENGTH, plainText } from '../../core/text/inertText';

/** A form field's name as the form labels it. */
export function fieldName(field: DraftField, labels: Labels): string {
  if (field.startsWith('smart.')) return labels.smart[field.slice(6) as SmartKey];
  switch (field) {
    case 'title':
      return vscode.l10n.t('Title');
    case 'kind':
      return vscode.l10n.t('Kind');
    case 'reasons':
      return vscode.l10n.t('Why it persists');
    case 'cost':
      return vscode.l10n.t('Cost');
    case 'links':
      return vscode.l10n.t('Code link');
    default:
      return vscode.l10n.t('Anonymity');
  }
}

/** A field's value in one short line of plain text, quoted when it is text someone typed. */
function shown(field: DraftField, value: unknown, labels: Labels): string {
  if (value === null || value === '') return vscode.l10n.t('(empty)');
  switch (field) {
    case 'kind':
      return labels.kinds[value as Kind];
    case 'reasons':
      return (value as Reason[]).map((r) => labels.reasons[r]).join(', ') || vscode.l10n.t('(empty)');
    case 'cost':
      return vscode.l10n.t('{0} per month', formatHours(hoursPerMonth(value as Cost)));
    case 'links': {
      const link = value as CodeLink;
      return plainText(`${link.path}:${link.startLine}`, QUOTE_LENGTH);
    }
    case 'author':
      return value ? vscode.l10n.t('anonymous') : vscode.l10n.t('named');
    default:
      return `“${plainText(typeof value === 'string' ? value : JSON.stringify(value), QUOTE_LENGTH)}”`;
  }
}

/**
 * Asks which side to keep when a teammate changed the same fields of the entry being edited
 * (a modal: VS Code API `showWarningMessage` with `modal: true`). Returns the choice, or undefined
 * when the person cancels to go on editing.
 */
export async function askEditClash(title: string, clashes: readonly FieldClash[], theirsOnly: readonly DraftField[], labels: Labels): Promise<ClashChoice | undefined> {
  const mine = vscode.l10n.t('Save Mine');
  const theirs = vscode.l10n.t('Keep Theirs');
  const lines = clashes.map((c) => vscode.l10n.t('{0}: yours {1}, in the backlog {2}', fieldName(c.field, labels), shown(c.field, c.mine, labels), shown(c.field, c.theirs, labels)));
  if (theirsOnly.length > 0) {
    lines.push(vscode.l10n.t('Their change to {0} is kept either way.', theirsOnly.map((f) => fieldName(f, labels)).join(', ')));
  }
  lines.push(vscode.l10n.t('The side not kept goes into the entry\'s history, so nothing is lost.'));
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('“{0}” was changed in the backlog while you edited it. Keep which?', plainText(title, QUOTE_LENGTH)),
    { modal: true, detail: lines.join('\n') },
    mine,
    theirs,
  );
  return choice === mine ? 'mine' : choice === theirs ? 'theirs' : undefined;
}
