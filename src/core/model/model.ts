/** The backlog data model. Pure types and seed lists: no I/O, no `vscode`. */

export const SCHEMA_VERSION = 1;

/**
 * Largest backlog file read, in bytes (the parser counts UTF-16 code units, never more than the
 * UTF-8 size). Readers compare the file's size before reading it.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const KINDS = [
  'unused-report',
  'ritual-process',
  'autopilot-policy',
  'losing-decision',
  'trivia',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

export const REASONS = [
  'fear',
  'politics',
  'uncertainty',
  'overload',
  'indecision',
  'not-my-job',
  'stepping-on-toes',
  'always-done-that-way',
  'boss-wants-it',
] as const;
export type Reason = (typeof REASONS)[number];

export const STATUSES = ['open', 'decided', 'done', 'archived'] as const;
export type Status = (typeof STATUSES)[number];

export const TRIAGE_LISTS = ['inbox', 'now', 'bigger-story', 'someday'] as const;
export type TriageList = (typeof TRIAGE_LISTS)[number];

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export const OUTCOMES = ['stop', 'automate', 'simplify', 'keep'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FOLLOW_UPS = ['open', 'in-progress', 'done'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** The five S.M.A.R.T. prompts, in the order they are asked. */
export const SMART_KEYS = ['speakUp', 'moreInfo', 'accountability', 'reprioritize', 'tryAnother'] as const;
export type SmartKey = (typeof SMART_KEYS)[number];
export type Smart = Record<SmartKey, string>;

/** Fields this version does not know survive a rewrite, so every record may carry extras. */
export type Extra = { [key: string]: unknown };

export interface Person extends Extra {
  name: string;
  email?: string;
}

export interface Cost extends Extra {
  hoursPerOccurrence: number;
  occurrences: number;
  per: Period;
  people: number;
}

export interface CodeLink extends Extra {
  /** Workspace-folder-relative, always with `/` separators. */
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Hash of the linked text with whitespace collapsed, so the link can follow moved lines. */
  fingerprint: string;
}

/** A comment on an entry; see src/core/comments/comments.ts for who may change it and how. */
export interface Comment extends Extra {
  id: string;
  /** Absent when the comment is anonymous (its times are then coarsened to the day) or deleted. */
  author?: Person;
  created: string;
  /** Empty once the comment is deleted. */
  text: string;
  /** When its author last changed the text. */
  edited?: string;
  /** When its author deleted it: the comment stays as a tombstone so a merge cannot bring it back. */
  deleted?: string;
}

export interface Decision extends Extra {
  outcome: Outcome;
  rationale: string;
  owner: string;
  /** Calendar date, YYYY-MM-DD. */
  due?: string;
  followUp: FollowUp;
  decided: string;
  /** When the follow-up became done. */
  completed?: string;
  /** Id of the retro that recorded the decision; absent when it was recorded outside a retro. */
  retro?: string;
  /** The issue that carries the decision out, in the team's tracker: one `https` URL (see `checkTrackingUrl`). */
  trackingUrl?: string;
}

/** A value that lost a concurrent edit during a merge, kept so nothing is silently dropped. */
export interface HistoryRecord extends Extra {
  field: string;
  value: unknown;
  /** When the losing edit was made (its entry's `updated`). */
  updated: string;
  /** When the winning edit was made. */
  replacedBy: string;
}

export interface Entry extends Extra {
  id: string;
  title: string;
  kind: Kind;
  reasons: Reason[];
  smart: Smart;
  cost?: Cost;
  links: CodeLink[];
  /** Absent when the entry is anonymous. */
  author?: Person;
  created: string;
  updated: string;
  status: Status;
  /** Id of the entry this one was merged into as a duplicate; such an entry is archived. */
  duplicateOf?: string;
  /** Why an archived entry left, when its author said so: 'stopped' when the work stopped happening. Cleared on restore. */
  archivedReason?: 'stopped';
  triage: TriageList;
  votes: string[];
  comments: Comment[];
  decision?: Decision;
  history?: HistoryRecord[];
}

/**
 * An entry the retro moved between the board's lists, with the list it moved it out of first. Where it
 * went is the entry's `triage`; no time is kept, so a move says nothing of when an anonymous entry was touched.
 */
export interface RetroMove extends Extra {
  entry: string;
  from: TriageList;
}

export interface Retro extends Extra {
  id: string;
  started: string;
  finished?: string;
  facilitator: string;
  discussed: string[];
  decided: string[];
  /** Absent in files written before moves were recorded, and in a retro that moved nothing. */
  moved?: RetroMove[];
}

export interface Backlog extends Extra {
  version: number;
  entries: Entry[];
  retros: Retro[];
}

export function emptyBacklog(): Backlog {
  return { version: SCHEMA_VERSION, entries: [], retros: [] };
}

/** What the Log form edits: everything a person types, nothing the extension fills in. */
export interface EntryDraft {
  title: string;
  kind: Kind;
  reasons: Reason[];
  smart: Smart;
  cost?: Cost;
  link?: CodeLink;
  anonymous: boolean;
}

/** Five unanswered S.M.A.R.T. prompts: every answer is optional, and an empty one is stored as ''. */
export function emptySmart(): Smart {
  return { speakUp: '', moreInfo: '', accountability: '', reprioritize: '', tryAnother: '' };
}

/** A new entry's form before anything is typed: kind "other", no reasons, no cost, no link. */
export function emptyDraft(anonymous = false): EntryDraft {
  return { title: '', kind: 'other', reasons: [], smart: emptySmart(), anonymous };
}
