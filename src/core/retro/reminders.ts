/**
 * Which reminders are due for the person at the editor: decisions they own that are due within a
 * day or overdue, and entries they wrote that have gone stale ("Still happening?"). Pure: the backlog,
 * who "you" are, the clock and what was already shown are handed in; the UI shows the result and
 * records what it showed with `markShown` or `snooze`.
 */
import { daysBetween, today, type Clock } from '../model/calendar';
import type { Backlog, Decision, Entry } from '../model/model';
import { activeRetro, isCalendarDate, isStale, openDecisionsOf, overdueDays } from './retro';

/**
 * Minutes after a retro starts during which no reminder shows. The opening of a retro is when the
 * team goes through the follow-ups together on the board, often on a shared screen: a notification
 * then repeats what the room is looking at and shows one person's to-dos to everyone. Fifteen minutes
 * covers the check-in and the follow-up round of a usual one-hour retro.
 */
export const RETRO_QUIET_MINUTES = 15;

/** How long Snooze puts a reminder off; it may then come back the same day, once. */
export const SNOOZE_HOURS = 3;

/** A decision you own that is due today or tomorrow (0 overdue days), or overdue. */
export interface DecisionReminder {
  kind: 'decision';
  /** Identifies the reminder in the record of what was shown. */
  key: string;
  entry: Entry & { decision: Decision };
  /** The due date, YYYY-MM-DD. */
  due: string;
  /** Calendar days past the due date for the viewer; 0 when it is due today or tomorrow. */
  overdueDays: number;
}

/** An open entry you wrote that nobody has touched for the stale period. */
export interface StaleReminder {
  kind: 'stale';
  key: string;
  entry: Entry;
}

export type Reminder = DecisionReminder | StaleReminder;

/** When a reminder was last shown: the viewer's date (YYYY-MM-DD) and, after Snooze, the instant (ISO) it may come back. */
export interface ShownRecord {
  day: string;
  snoozedUntil?: string;
}

/** What was already shown, by reminder key; kept by the UI between checks and restarts. */
export type Shown = Record<string, ShownRecord>;

export interface ReminderInput {
  backlog: Backlog;
  /** Your names and emails, as for "Your open decisions"; case and surrounding spaces are ignored. */
  identities: string[];
  clock: Clock;
  shown: Shown;
  /** `stupidWork.retro.staleAfterDays`; 0 turns the stale reminder off. */
  staleAfterDays: number;
  /** Whether each kind is wanted (the settings `stupidWork.reminders.decisions` and `.stale`). */
  decisions: boolean;
  stale: boolean;
}

/** The key a reminder is recorded under; entry ids are unique across folders, so one record serves every folder. */
export function reminderKey(kind: Reminder['kind'], entryId: string): string {
  return `${kind}:${entryId}`;
}

/** Whether a running retro started less than `RETRO_QUIET_MINUTES` ago (a clock behind its start counts as inside). */
export function inRetroOpening(b: Backlog, clock: Clock): boolean {
  const retro = activeRetro(b);
  if (!retro) return false;
  const started = Date.parse(retro.started);
  return Number.isFinite(started) && clock.now().getTime() - started < RETRO_QUIET_MINUTES * 60_000;
}

/** Not shown yet today, or snoozed and the snooze is over. */
function mayShow(shown: Shown, key: string, clock: Clock): boolean {
  const record = shown[key];
  if (!record) return true;
  if (record.snoozedUntil !== undefined) return clock.now().getTime() >= Date.parse(record.snoozedUntil);
  return record.day !== today(clock);
}

function names(identities: string[]): Set<string> {
  return new Set(identities.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
}

/** Whether `e` was written by one of `mine` (its author's name or email); an anonymous entry is nobody's. */
function wroteIt(e: Entry, mine: Set<string>): boolean {
  const author = e.author;
  if (!author) return false;
  return mine.has(author.name.trim().toLowerCase()) || (author.email !== undefined && mine.has(author.email.trim().toLowerCase()));
}

/**
 * The reminders to show now, most urgent first: decisions (earliest due first), then stale entries
 * (least recently touched first). Empty during the first minutes of a running retro and when you are
 * unknown. A decision without a due date never reminds: nothing says when it is late.
 */
export function dueReminders(input: ReminderInput): Reminder[] {
  const { backlog, clock, shown } = input;
  const mine = names(input.identities);
  if (mine.size === 0 || inRetroOpening(backlog, clock)) return [];
  const day = today(clock);
  const reminders: Reminder[] = [];
  if (input.decisions) {
    for (const entry of openDecisionsOf(backlog, [...mine])) {
      const decision = entry.decision;
      const due = decision?.due;
      if (!decision || due === undefined || !isCalendarDate(due) || daysBetween(day, due) > 1) continue;
      const key = reminderKey('decision', entry.id);
      if (mayShow(shown, key, clock)) reminders.push({ kind: 'decision', key, entry: { ...entry, decision }, due, overdueDays: overdueDays(due, clock) });
    }
  }
  if (input.stale && input.staleAfterDays > 0) {
    const stale = backlog.entries
      .filter((e) => wroteIt(e, mine) && isStale(e, clock, input.staleAfterDays))
      .sort((a, b) => (a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : a.id < b.id ? -1 : 1));
    for (const entry of stale) {
      const key = reminderKey('stale', entry.id);
      if (mayShow(shown, key, clock)) reminders.push({ kind: 'stale', key, entry });
    }
  }
  return reminders;
}

/** Records that reminder `key` was shown today; a snooze it had is over. */
export function markShown(shown: Shown, key: string, clock: Clock): Shown {
  return { ...shown, [key]: { day: today(clock) } };
}

/** Records a Snooze: the reminder may come back `SNOOZE_HOURS` from now, even later the same day. */
export function snooze(shown: Shown, key: string, clock: Clock): Shown {
  const now = clock.now();
  return { ...shown, [key]: { day: today(clock), snoozedUntil: new Date(now.getTime() + SNOOZE_HOURS * 3_600_000).toISOString() } };
}

/**
 * Drops records that no longer decide anything (shown before today, with no snooze still running), so
 * the record does not grow with every entry ever reminded of. Anything unreadable is dropped too: it
 * comes from storage and at worst means one reminder shows again.
 */
export function pruneShown(shown: unknown, clock: Clock): Shown {
  const kept: Shown = {};
  if (typeof shown !== 'object' || shown === null) return kept;
  const day = today(clock);
  const now = clock.now().getTime();
  for (const [key, value] of Object.entries(shown as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const { day: shownDay, snoozedUntil } = value as Partial<ShownRecord>;
    if (typeof shownDay !== 'string') continue;
    const until = typeof snoozedUntil === 'string' ? Date.parse(snoozedUntil) : Number.NaN;
    // A snooze that is over lets the reminder come back, so its record goes whatever its day.
    if (Number.isFinite(until)) {
      if (until > now) kept[key] = { day: shownDay, snoozedUntil };
    } else if (shownDay === day) kept[key] = { day: shownDay };
  }
  return kept;
}
