/**
 * The Log form in a terminal: title, kind, reasons, the five S.M.A.R.T. prompts and the cost, through
 * `@inquirer/prompts`. The cost prompts show the team's hours per month as you type, computed as the
 * form computes them (`hoursPerMonth`). Flags already given are not asked again.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { readCostField, type CostField } from '../core/model/costInput';
import { formatHours, hoursPerMonth } from '../core/model/cost';
import { validateDraft } from '../core/model/entries';
import { KINDS, PERIODS, REASONS, SMART_KEYS, type Cost, type EntryDraft, type Period } from '../core/model/model';
import { englishAll, englishLabels } from './english';
import type { Colors } from './output';

/** The prompts' answer to "is this a usable value for `field`?": true, or what to fix. */
function costCheck(field: CostField, text: string): true | string {
  const reading = readCostField(field, text, 'en');
  if (reading.ok) return true;
  return reading.problem === 'notWhole' ? 'A whole number, please.' : reading.problem === 'notNumber' ? 'A number, please, such as 1.5.' : 'That is out of range.';
}

function costValue(field: CostField, text: string, fallback: number): number {
  const reading = readCostField(field, text, 'en');
  return reading.ok && reading.value !== undefined ? reading.value : fallback;
}

/** Asks the cost, one field at a time, each showing the hours per month with what is typed so far. */
async function askCost(colors: Colors): Promise<Cost | undefined> {
  const labels = englishLabels();
  const wants = await confirm({ message: 'Does it cost the team time you can estimate?', default: true });
  if (!wants) return undefined;
  const per: Period = await select({ message: 'How often does it happen?', choices: PERIODS.map((p) => ({ name: labels.periods[p], value: p })), default: 'week' });
  const cost: Cost = { hoursPerOccurrence: 1, occurrences: 1, per, people: 1 };
  const live = (field: CostField) => (value: string, { isFinal }: { isFinal: boolean }) => {
    const h = hoursPerMonth({ ...cost, [field]: costValue(field, value, cost[field]) });
    return isFinal ? value : `${value}  ${colors.dim(`= ${formatHours(h)} per month for the team`)}`;
  };
  const ask = async (field: CostField, message: string): Promise<void> => {
    const text = await input({ message, default: String(cost[field]), validate: (v) => costCheck(field, v), transformer: live(field) });
    cost[field] = costValue(field, text, cost[field]);
  };
  await ask('occurrences', `How many times ${labels.periods[per]}?`);
  await ask('hoursPerOccurrence', 'Hours it takes each time, per person?');
  await ask('people', 'How many people take part?');
  process.stderr.write(`${colors.bold(formatHours(hoursPerMonth(cost)))} per month for the team.\n`);
  return cost;
}

/** Asks the title, and whatever else `draft` lacks that `given` flags did not set; prompts answered by a flag are skipped. */
export async function askDraft(draft: EntryDraft, colors: Colors, given: { kind: boolean; reasons: boolean; cost: boolean }): Promise<EntryDraft> {
  const labels = englishLabels();
  const next: EntryDraft = { ...draft, smart: { ...draft.smart } };
  next.title = await input({
    message: 'What feels stupid? (a short title)',
    required: true,
    validate: (v) => {
      const problems = validateDraft({ ...next, title: v }).filter((p) => p.code === 'draft.noTitle' || p.code === 'draft.titleTooLong');
      return problems.length === 0 || englishAll(problems);
    },
  });
  if (!given.kind) next.kind = await select({ message: 'What kind of stupid work is it?', choices: KINDS.map((k) => ({ name: labels.kinds[k], value: k })), default: next.kind });
  if (!given.reasons) next.reasons = await checkbox({ message: 'Why does it go on? (space to pick, enter when done)', choices: REASONS.map((r) => ({ name: labels.reasons[r], value: r, checked: next.reasons.includes(r) })) });
  for (const key of SMART_KEYS) {
    if (next.smart[key].trim() !== '') continue;
    next.smart[key] = await input({ message: `${labels.smart[key]}: ${labels.smartHints[key]} ${colors.dim('(optional)')}` });
  }
  if (!given.cost) {
    const cost = await askCost(colors);
    if (cost) next.cost = cost;
  }
  return next;
}
