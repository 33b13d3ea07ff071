/**
 * Two people deciding the same card at once. The board's decision form starts from the decision it
 * shows; when the file holds another one by the time the form is sent, recording it silently would
 * mix the two (the one sent carries the untouched fields of the other). The person chooses, and the
 * decision not kept goes into the entry's `history`, as the semantic merge does with a lost edit.
 * Pure; the webview and the host share the key.
 */
import { withCoarseTimes } from '../model/anonymity';
import type { Backlog, Decision, HistoryRecord } from '../model/model';
import type { DecisionInput } from './retro';

/** The `history` field a lost decision is recorded under, as the merge names it. */
export const DECISION_FIELD = 'decision';

/**
 * What a person decides when they record a decision: outcome, owner, due date, follow-up and
 * rationale, trimmed, as one comparable string; 'none' when there is no decision. Bookkeeping
 * (when it was decided, in which retro, its tracking link) is not part of it.
 */
export function decisionKey(d: Decision | DecisionInput | undefined): string {
  if (!d) return 'none';
  return JSON.stringify([d.outcome, d.owner.trim(), (d.due ?? '').trim(), d.followUp ?? 'open', (d.rationale ?? '').trim()]);
}

/**
 * The decision recorded by someone else since the form started from `base` (a `decisionKey`), when
 * `mine` would replace it with something different; undefined when recording `mine` mixes nothing.
 */
export function decidedMeanwhile(current: Decision | undefined, base: string, mine: DecisionInput): Decision | undefined {
  const now = decisionKey(current);
  return current !== undefined && now !== base && now !== decisionKey(mine) ? current : undefined;
}

/**
 * Keeps a decision that was not chosen in entry `entryId`'s history: `value` as it was, `updated`
 * when it was made, `replacedBy` when the kept one was made (ISO 8601). On an anonymous entry the
 * times are cut to the day, as every time on it is. An unknown entry leaves the backlog as it is.
 */
export function keepLostDecision(b: Backlog, entryId: string, value: Decision | DecisionInput, updated: string, replacedBy: string): Backlog {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return b;
  const record: HistoryRecord = { field: DECISION_FIELD, value: { ...value }, updated, replacedBy };
  const next = withCoarseTimes({ ...e, history: [...(e.history ?? []), record] });
  return { ...b, entries: b.entries.map((x) => (x.id === entryId ? next : x)) };
}
