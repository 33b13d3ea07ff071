import type { Kind, Outcome, Period, Reason, SmartKey, Status, TriageList, FollowUp } from './model';

/** Display names, translated by the UI layer and handed to pure code that renders text. */
export interface Labels {
  kinds: Record<Kind, string>;
  reasons: Record<Reason, string>;
  /** Short prompt name, for example "Speak up". */
  smart: Record<SmartKey, string>;
  /** One-line hint under each prompt. */
  smartHints: Record<SmartKey, string>;
  statuses: Record<Status, string>;
  triage: Record<TriageList, string>;
  periods: Record<Period, string>;
  outcomes: Record<Outcome, string>;
  followUps: Record<FollowUp, string>;
  anonymous: string;
}
