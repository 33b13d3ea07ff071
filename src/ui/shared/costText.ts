import * as vscode from 'vscode';
import { formatHours, hoursPerMonth } from '../../core/model/cost';
import type { Cost } from '../../core/model/model';

/**
 * An entry's cost in team hours per month, "17 h/month" (or "17 h/mo" when `short`, for a narrow tree
 * row), or "no estimate" when the entry has no cost at all. A cost that was entered as 0 is an estimate,
 * and shows as "0 h/month"; only an absent `cost` (the schema's optional field) means nobody estimated.
 */
export function monthlyCostText(cost: Cost | undefined, short = false): string {
  if (cost === undefined) {
    return vscode.l10n.t('no estimate');
  }
  const hours = formatHours(hoursPerMonth(cost));
  return short ? vscode.l10n.t('{0}/mo', hours) : vscode.l10n.t('{0}/month', hours);
}
