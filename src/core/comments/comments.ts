/**
 * Comments on an entry: adding, editing and deleting them. Pure, deterministic given `now`.
 *
 * A comment can be anonymous: it then has no author, and its times (and the time inside its id) are
 * coarsened to the day, as an anonymous entry's are (`stamp` in ../model/entries.ts). Only the author
 * of a named comment can change it. A deleted comment stays in the file as a tombstone (empty text,
 * a `deleted` time) so that the semantic merge, which takes the union of comments, cannot bring it back.
 */
import { stamp } from '../model/anonymity';
import { newId } from '../model/ids';
import type { Backlog, Comment, Entry, Person } from '../model/model';
import { plainText } from '../text/inertText';
import type { CommentMessage } from '../text/messages';

/** The schema's limit on any text in the file. */
export const MAX_COMMENT_LENGTH = 20_000;

/** A changed backlog with the comment as it now stands, or the refusal as a message the UI renders. */
export type CommentChange = { ok: true; backlog: Backlog; comment: Comment } | { ok: false; message: CommentMessage };

function fail(message: CommentMessage): CommentChange {
  return { ok: false, message };
}

/** Whether the comment was deleted: its tombstone is kept only so a merge cannot resurrect it. */
export function isDeleted(c: Comment): boolean {
  return c.deleted !== undefined;
}

/** The comments people can read: every one but the tombstones, oldest first as the file keeps them. */
export function liveComments(e: Entry): Comment[] {
  return e.comments.filter((c) => !isDeleted(c));
}

/**
 * Whether two people are the same writer: by email when both have one, else by name, both trimmed
 * and compared without case, the way a named vote's voter is identified (`voterId` in ../votes/votes.ts).
 */
export function samePerson(a: Person, b: Person): boolean {
  const ea = a.email?.trim().toLowerCase();
  const eb = b.email?.trim().toLowerCase();
  if (ea && eb) return ea === eb;
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/** Whether `me` may edit or delete the comment: it is named, theirs, and not deleted. */
export function canChangeComment(c: Comment, me: Person | undefined): boolean {
  return me !== undefined && c.author !== undefined && !isDeleted(c) && samePerson(c.author, me);
}

function checkedText(text: string): { ok: true; text: string } | { ok: false; message: CommentMessage } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: { code: 'comment.empty' } };
  if (trimmed.length > MAX_COMMENT_LENGTH) return { ok: false, message: { code: 'comment.tooLong', length: trimmed.length, limit: MAX_COMMENT_LENGTH } };
  return { ok: true, text: trimmed };
}

function withComments(b: Backlog, entry: Entry, comments: Comment[]): Backlog {
  // A comment is not an edit of the entry: its `updated` stays, so a merge does not prefer the commenter's side.
  const next: Entry = { ...entry, comments };
  return { ...b, entries: b.entries.map((e) => (e.id === entry.id ? next : e)) };
}

/**
 * Adds a comment to the entry. Without an author (`author` undefined) it is anonymous: its `created`
 * is the start of the UTC day and its id is minted at that time, since a ULID carries its creation time.
 */
export function addComment(b: Backlog, entryId: string, text: string, author: Person | undefined, now: Date): CommentChange {
  const entry = b.entries.find((e) => e.id === entryId);
  if (!entry) return fail({ code: 'comment.noEntry', entryId });
  const checked = checkedText(text);
  if (!checked.ok) return checked;
  const created = stamp(now, author === undefined);
  const comment: Comment = { id: newId(Date.parse(created)), created, text: checked.text };
  if (author) comment.author = { ...author };
  return { ok: true, backlog: withComments(b, entry, [...entry.comments, comment]), comment };
}

/** The comment `me` may change, or why not. */
function ownComment(b: Backlog, entryId: string, commentId: string, me: Person): { entry: Entry; comment: Comment } | { message: CommentMessage } {
  const entry = b.entries.find((e) => e.id === entryId);
  if (!entry) return { message: { code: 'comment.noEntry', entryId } };
  const comment = entry.comments.find((c) => c.id === commentId);
  if (!comment || isDeleted(comment)) return { message: { code: 'comment.missing' } };
  if (!comment.author) return { message: { code: 'comment.anonymous' } };
  if (!canChangeComment(comment, me)) return { message: { code: 'comment.notYours', author: plainText(comment.author.name) } };
  return { entry, comment };
}

/** Replaces the text of `me`'s own named comment and records when (`edited`); fields this version does not know stay. */
export function editComment(b: Backlog, entryId: string, commentId: string, text: string, me: Person, now: Date): CommentChange {
  const found = ownComment(b, entryId, commentId, me);
  if ('message' in found) return fail(found.message);
  const checked = checkedText(text);
  if (!checked.ok) return checked;
  const { entry, comment } = found;
  if (checked.text === comment.text) return { ok: true, backlog: b, comment };
  const next: Comment = { ...comment, text: checked.text, edited: now.toISOString() };
  return { ok: true, backlog: withComments(b, entry, entry.comments.map((c) => (c.id === commentId ? next : c))), comment: next };
}

/**
 * Deletes `me`'s own named comment, leaving a tombstone: its id, `created`, empty text and the
 * `deleted` time. Everything else goes, the author included, and so do the entry's history records
 * of its earlier versions, since the author asked for the words to be gone.
 */
export function deleteComment(b: Backlog, entryId: string, commentId: string, me: Person, now: Date): CommentChange {
  const found = ownComment(b, entryId, commentId, me);
  if ('message' in found) return fail(found.message);
  const { entry, comment } = found;
  const tombstone: Comment = { id: comment.id, created: comment.created, text: '', deleted: now.toISOString() };
  const next = withComments(b, entry, entry.comments.map((c) => (c.id === commentId ? tombstone : c)));
  const kept = next.entries.find((e) => e.id === entryId) as Entry;
  const history = withoutCommentHistory(kept.history, new Set([commentId]));
  if (history !== kept.history) {
    const cleaned: Entry = { ...kept };
    if (history) cleaned.history = history;
    else delete cleaned.history;
    return { ok: true, backlog: { ...next, entries: next.entries.map((e) => (e.id === entryId ? cleaned : e)) }, comment: tombstone };
  }
  return { ok: true, backlog: next, comment: tombstone };
}

/** The field name under which the merge keeps a comment's replaced text in its entry's history. */
export function commentHistoryField(commentId: string): string {
  return `comments.${commentId}.text`;
}

/** History without the records of the given comments; the same array when none was there, undefined when none is left. */
export function withoutCommentHistory<T extends { field: string }>(history: T[] | undefined, commentIds: Set<string>): T[] | undefined {
  if (!history || commentIds.size === 0) return history;
  const kept = history.filter((record) => {
    const field = String(record.field);
    if (!field.startsWith('comments.')) return true;
    const id = field.slice('comments.'.length).split('.')[0];
    return !commentIds.has(id);
  });
  if (kept.length === history.length) return history;
  return kept.length > 0 ? kept : undefined;
}

/**
 * Whether the entry concerns someone known by `names` (name or email) who holds the anonymous vote
 * tokens `tokens`: they wrote it, voted on it (by name or by one of their tokens) or own its decision.
 */
export function concernsMe(e: Entry, names: readonly string[], tokens: ReadonlySet<string> = new Set()): boolean {
  if (e.votes.some((v) => tokens.has(v))) return true;
  const mine = new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
  if (mine.size === 0) return false;
  const has = (value: string | undefined) => value !== undefined && mine.has(value.trim().toLowerCase());
  return has(e.author?.name) || has(e.author?.email) || e.votes.some(has) || has(e.decision?.owner);
}

/**
 * The comments on `e` that are news to its reader: live, not theirs (by `names`), and not in `seen`
 * (comment ids). Only entries that concern the reader (see `concernsMe`, with their vote `tokens`) have news.
 */
export function newComments(e: Entry, seen: ReadonlySet<string>, names: readonly string[], tokens: ReadonlySet<string> = new Set()): Comment[] {
  if (!concernsMe(e, names, tokens)) return [];
  const mine = new Set(names.map((n) => n.trim().toLowerCase()));
  const own = (c: Comment) => c.author !== undefined && (mine.has(c.author.name.trim().toLowerCase()) || (c.author.email !== undefined && mine.has(c.author.email.trim().toLowerCase())));
  return liveComments(e).filter((c) => !seen.has(c.id) && !own(c));
}
