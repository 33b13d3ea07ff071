/**
 * `stupid-work add`'s flags turned into the Log form's draft, and checked by the form's own rules
 * (`validateDraft`, `readCostField`), so a script gets the form's words for what it got wrong.
 */
import { readCostField, type CostField } from '../core/model/costInput';
import { validateDraft } from '../core/model/entries';
import { emptySmart, KINDS, PERIODS, REASONS, type Cost, type EntryDraft, type Kind, type Period, type Reason, type SmartKey } from '../core/model/model';
import { UsageError } from './cliErrors';
import { englishAll } from './english';

/** The flags of `add`, as commander parses them. */
export interface DraftFlags {
  title?: string;
  kind?: string;
  reason?: string[];
  speakUp?: string;
  moreInfo?: string;
  accountability?: string;
  reprioritize?: string;
  tryAnother?: string;
  hours?: string;
  times?: string;
  per?: string;
  people?: string;
  anonymous?: boolean;
}

/** The S.M.A.R.T. prompt behind each answer flag. */
export const SMART_FLAGS: Record<SmartKey, string> = {
  speakUp: '--speak-up',
  moreInfo: '--more-info',
  accountability: '--accountability',
  reprioritize: '--reprioritize',
  tryAnother: '--try-another',
};

const COST_FLAGS: Record<CostField, string> = { hoursPerOccurrence: '--hours', occurrences: '--times', people: '--people' };

const PROBLEM_WORDS = {
  notNumber: 'is not a number',
  belowMin: 'is below the smallest value allowed',
  aboveMax: 'is above the largest value allowed',
  notWhole: 'must be a whole number',
};

/** A typed cost field as a number, or a `UsageError` naming the flag. Numbers are read as in English ("1,000.5"). */
export function costNumber(field: CostField, text: string): number | undefined {
  const reading = readCostField(field, text, 'en');
  if (!reading.ok) throw new UsageError(`${COST_FLAGS[field]} "${text}" ${PROBLEM_WORDS[reading.problem]}.`);
  return reading.value;
}

/** One of `choices`, or a `UsageError` that lists them. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}" is not one of: ${choices.join(', ')}.`);
}

/** The cost the flags give, undefined when none of them is set; hours and times are needed together. */
export function costFromFlags(flags: DraftFlags): Cost | undefined {
  if (flags.hours === undefined && flags.times === undefined && flags.per === undefined && flags.people === undefined) return undefined;
  const hoursPerOccurrence = flags.hours === undefined ? undefined : costNumber('hoursPerOccurrence', flags.hours);
  const occurrences = flags.times === undefined ? undefined : costNumber('occurrences', flags.times);
  if (hoursPerOccurrence === undefined || occurrences === undefined) throw new UsageError('A cost needs both --hours (per time) and --times (how often per --per).');
  const per: Period = flags.per === undefined ? 'week' : oneOf('--per', flags.per, PERIODS);
  const people = flags.people === undefined ? 1 : (costNumber('people', flags.people) ?? 1);
  return { hoursPerOccurrence, occurrences, per, people };
}

/** The draft the flags describe, before the form's checks (`checkDraft`). Throws `UsageError` for a value no draft can hold. */
export function draftFromFlags(flags: DraftFlags, anonymousByDefault: boolean): EntryDraft {
  const kind: Kind = flags.kind === undefined ? 'other' : oneOf('--kind', flags.kind, KINDS);
  const reasons: Reason[] = (flags.reason ?? []).map((r) => oneOf('--reason', r, REASONS));
  const smart = emptySmart();
  for (const key of Object.keys(SMART_FLAGS) as SmartKey[]) smart[key] = flags[key] ?? '';
  const draft: EntryDraft = { title: flags.title ?? '', kind, reasons, smart, anonymous: flags.anonymous ?? anonymousByDefault };
  const cost = costFromFlags(flags);
  if (cost) draft.cost = cost;
  return draft;
}

/** Throws `UsageError` with the form's words when the draft could not be saved. */
export function checkDraft(draft: EntryDraft): void {
  const problems = validateDraft(draft);
  if (problems.length > 0) throw new UsageError(englishAll(problems));
}
