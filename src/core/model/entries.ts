import { COST_RANGES, type CostField } from './costInput';
import { stamp, touch, withCoarseTimes } from './anonymity';
import { newId } from './ids';
import {
  KINDS,
  PERIODS,
  REASONS,
  SMART_KEYS,
  type Backlog,
  type CodeLink,
  type Cost,
  type Entry,
  type EntryDraft,
  type Person,
  type Reason,
  type Smart,
  type Status,
} from './model';
import type { DraftMessage } from '../text/messages';

export const MAX_TITLE_LENGTH = 300;
export const MAX_ANSWER_LENGTH = 20_000;

/** Problems that would stop the draft from being saved, as messages the UI renders; empty when it is fine. */
export function validateDraft(d: EntryDraft): DraftMessage[] {
  const problems: DraftMessage[] = [];
  const title = d.title.trim();
  if (title === '') problems.push({ code: 'draft.noTitle' });
  else if (title.length > MAX_TITLE_LENGTH) problems.push({ code: 'draft.titleTooLong', length: title.length, limit: MAX_TITLE_LENGTH });
  if (!(KINDS as readonly string[]).includes(d.kind)) problems.push({ code: 'draft.unknownKind', kind: d.kind });
  for (const reason of d.reasons) {
    if (!(REASONS as readonly string[]).includes(reason)) problems.push({ code: 'draft.unknownReason', reason });
  }
  for (const key of SMART_KEYS) {
    const length = (d.smart[key] ?? '').trim().length;
    if (length > MAX_ANSWER_LENGTH) {
      problems.push({ code: 'draft.answerTooLong', prompt: key, length, limit: MAX_ANSWER_LENGTH });
    }
  }
  if (d.cost) problems.push(...costProblems(d.cost));
  return problems;
}

function costProblems(c: Cost): DraftMessage[] {
  const problems: DraftMessage[] = [];
  const inRange = (value: number, field: CostField): boolean => {
    const { min, max, whole } = COST_RANGES[field];
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
  };
  if (!inRange(c.hoursPerOccurrence, 'hoursPerOccurrence')) problems.push({ code: 'draft.amount', field: 'hoursPerOccurrence' });
  if (!inRange(c.occurrences, 'occurrences')) problems.push({ code: 'draft.amount', field: 'occurrences' });
  if (!(PERIODS as readonly string[]).includes(c.per)) problems.push({ code: 'draft.unknownPeriod', period: c.per });
  if (!inRange(c.people, 'people')) problems.push({ code: 'draft.people' });
  return problems;
}

/** Drafts arrive from the webview, so a missing answer is treated as empty rather than trusted. */
function trimmedSmart(smart: Partial<Smart>): Smart {
  return {
    speakUp: (smart.speakUp ?? '').trim(),
    moreInfo: (smart.moreInfo ?? '').trim(),
    accountability: (smart.accountability ?? '').trim(),
    reprioritize: (smart.reprioritize ?? '').trim(),
    tryAnother: (smart.tryAnother ?? '').trim(),
  };
}

function uniqueReasons(reasons: Reason[]): Reason[] {
  return [...new Set(reasons)];
}

export function createEntry(d: EntryDraft, author: Person | undefined, now: Date): Entry {
  const named = author !== undefined && !d.anonymous;
  const time = stamp(now, !named);
  const entry: Entry = {
    // A ULID carries its creation time, so an anonymous entry's id is minted at the coarse time too.
    id: newId(Date.parse(time)),
    title: d.title.trim(),
    kind: d.kind,
    reasons: uniqueReasons(d.reasons),
    smart: trimmedSmart(d.smart),
    links: d.link ? [{ ...d.link }] : [],
    created: time,
    updated: time,
    status: 'open',
    triage: 'inbox',
    votes: [],
    comments: [],
  };
  if (d.cost) entry.cost = { ...d.cost };
  if (named) entry.author = { ...author };
  return entry;
}

/**
 * Applies what the form edits and keeps everything else, including fields this version does not
 * know. `author` is used only when a formerly anonymous entry is given a name.
 */
export function updateEntry(e: Entry, d: EntryDraft, now: Date, author?: Person): Entry {
  const next: Entry = {
    ...e,
    title: d.title.trim(),
    kind: d.kind,
    reasons: uniqueReasons(d.reasons),
    smart: { ...e.smart, ...trimmedSmart(d.smart) },
    links: d.link ? [{ ...d.link }, ...e.links.slice(1)] : e.links.slice(1),
  };
  if (d.cost) next.cost = { ...d.cost };
  else delete next.cost;
  if (d.anonymous) {
    delete next.author;
  } else if (!next.author && author) {
    next.author = { ...author };
  }
  // Made anonymous now: the times it carried while it was named go coarse with it.
  return withCoarseTimes(touch(next, now));
}

export function draftFromEntry(e: Entry): EntryDraft {
  const draft: EntryDraft = {
    title: e.title,
    kind: e.kind,
    reasons: [...e.reasons],
    smart: { ...e.smart },
    anonymous: e.author === undefined,
  };
  if (e.cost) draft.cost = { ...e.cost };
  const link: CodeLink | undefined = e.links[0];
  if (link) draft.link = { ...link };
  return draft;
}

/** Archives an entry; its time stays coarse when it is anonymous (`touch`). */
export function archiveEntry(e: Entry, now: Date): Entry {
  return { ...touch(e, now), status: 'archived' };
}

/** A status an entry can have outside the archive. */
export type ActiveStatus = Exclude<Status, 'archived'>;

/** Where an archived entry goes back to when nobody remembers: what its decision says (decided, or done once its follow-up is), otherwise open. */
export function restoredStatus(e: Entry): ActiveStatus {
  if (!e.decision) return 'open';
  return e.decision.followUp === 'done' ? 'done' : 'decided';
}

/**
 * Takes an entry out of the archive, to `status`: Undo right after Archive passes the exact status the
 * entry had, anything else the one its decision implies. A merged duplicate no longer points at the
 * entry it went into. Its time stays coarse when it is anonymous.
 */
export function restoreEntry(e: Entry, now: Date, status: ActiveStatus = restoredStatus(e)): Entry {
  const next: Entry = { ...touch(e, now), status };
  delete next.duplicateOf;
  delete next.archivedReason;
  return next;
}

/** Replaces the entry with the same id, or adds it; the backlog itself is not changed. */
export function upsertEntry(b: Backlog, e: Entry): Backlog {
  const index = b.entries.findIndex((x) => x.id === e.id);
  const entries = index < 0 ? [...b.entries, e] : b.entries.map((x, i) => (i === index ? e : x));
  return { ...b, entries };
}

export function findEntry(b: Backlog, id: string): Entry | undefined {
  return b.entries.find((e) => e.id === id);
}
