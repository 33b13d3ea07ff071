import assert from 'node:assert/strict';
import { addComment, canChangeComment, deleteComment, editComment, liveComments, newComments, type CommentChange } from '../../src/core/comments/comments';
import { parseBacklog } from '../../src/core/file/parse';
import { serializeBacklog } from '../../src/core/file/serialize';
import type { Backlog, Comment, Person } from '../../src/core/model/model';
import { defaultQuery, queryBoard } from '../../src/core/retro/boardQuery';
import { mergeDuplicate } from '../../src/core/retro/retro';
import { english } from '../../src/core/text/english';
import { clockAt, ID_A, ID_B, makeEntry } from './fixtures';
import { NOBODY } from '../../src/core/votes/votes';

const ada: Person = { name: 'Ada Lovelace', email: 'ada@example.com' };
const grace: Person = { name: 'Grace Hopper', email: 'grace@example.com' };
const NOW = new Date('2026-11-20T14:37:12.345Z');
const LATER = new Date('2026-11-21T08:01:02.003Z');

function backlog(): Backlog {
  return { version: 1, entries: [makeEntry({ id: ID_A, votes: ['grace@example.com'] })], retros: [] };
}

function ok(change: CommentChange): { backlog: Backlog; comment: Comment } {
  if (!change.ok) assert.fail(english(change.message));
  return change;
}

function refused(change: CommentChange): string {
  assert.equal(change.ok, false);
  return change.ok ? '' : english(change.message);
}

/** The file still passes the schema and reads back the same. */
function roundTrip(b: Backlog): Backlog {
  const parsed = parseBacklog(serializeBacklog(b));
  if (!parsed.ok) assert.fail(JSON.stringify(parsed.problem));
  return parsed.backlog;
}

describe('comments: add', () => {
  it('adds a named comment with its author and the exact time, trimmed, and leaves the entry untouched otherwise', () => {
    const { backlog: b, comment } = ok(addComment(backlog(), ID_A, '  Who reads it?  ', ada, NOW));
    assert.deepEqual(comment.author, ada);
    assert.equal(comment.created, NOW.toISOString());
    assert.equal(comment.text, 'Who reads it?');
    assert.equal(b.entries[0].updated, backlog().entries[0].updated, 'a comment is not an edit of the entry');
    assert.deepEqual(roundTrip(b).entries[0].comments, [comment]);
  });

  it('adds an anonymous comment with no author, its time and the time in its id coarsened to the day', () => {
    const { backlog: b, comment } = ok(addComment(backlog(), ID_A, 'I am afraid to say it', undefined, NOW));
    assert.equal(comment.author, undefined);
    assert.equal(comment.created, '2026-11-20T00:00:00.000Z');
    // A ULID's first 10 characters are its time in milliseconds.
    const idTime = [...comment.id.slice(0, 10)].reduce((t, ch) => t * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch), 0);
    assert.equal(idTime, Date.parse('2026-11-20T00:00:00.000Z'));
    assert.doesNotMatch(serializeBacklog(b), /14:37/);
    assert.deepEqual(Object.keys(roundTrip(b).entries[0].comments[0]), ['id', 'created', 'text']);
  });

  it('refuses an empty, an overlong comment and an unknown entry, saying why', () => {
    assert.match(refused(addComment(backlog(), ID_A, '   ', ada, NOW)), /empty/);
    assert.match(refused(addComment(backlog(), ID_A, 'x'.repeat(20_001), ada, NOW)), /20001 characters/);
    assert.match(refused(addComment(backlog(), '01JH0000000000000000000009', 'Hi', ada, NOW)), /no entry/);
  });
});

describe('comments: edit and delete', () => {
  const withComment = () => ok(addComment(backlog(), ID_A, 'First words', ada, NOW));

  it('lets the author edit a named comment and records when', () => {
    const first = withComment();
    const { backlog: b, comment } = ok(editComment(first.backlog, ID_A, first.comment.id, 'Better words', { name: 'ada lovelace', email: 'ADA@example.com' }, LATER));
    assert.equal(comment.text, 'Better words');
    assert.equal(comment.edited, LATER.toISOString());
    assert.equal(comment.created, NOW.toISOString());
    assert.deepEqual(roundTrip(b).entries[0].comments, [comment]);
  });

  it('refuses an edit or a delete by someone else, of an anonymous comment, or of a deleted one', () => {
    const first = withComment();
    assert.match(refused(editComment(first.backlog, ID_A, first.comment.id, 'Mine now', grace, LATER)), /Only Ada Lovelace/);
    assert.match(refused(deleteComment(first.backlog, ID_A, first.comment.id, grace, LATER)), /Only Ada Lovelace/);
    const anonymous = ok(addComment(backlog(), ID_A, 'Quietly', undefined, NOW));
    assert.match(refused(editComment(anonymous.backlog, ID_A, anonymous.comment.id, 'Edited', ada, LATER)), /anonymous/);
    assert.equal(canChangeComment(anonymous.comment, ada), false);
    const gone = ok(deleteComment(first.backlog, ID_A, first.comment.id, ada, LATER));
    assert.match(refused(editComment(gone.backlog, ID_A, first.comment.id, 'Back', ada, LATER)), /no longer exists/);
    assert.match(refused(editComment(first.backlog, ID_A, first.comment.id, ' ', ada, LATER)), /empty/);
  });

  it('leaves a tombstone when deleting: the id and times stay, the words, the author and their history go', () => {
    const first = withComment();
    const withHistory = { ...first.backlog, entries: [{ ...first.backlog.entries[0], history: [{ field: `comments.${first.comment.id}.text`, value: 'Even older words', updated: NOW.toISOString(), replacedBy: NOW.toISOString() }] }] };
    const { backlog: b, comment } = ok(deleteComment(withHistory, ID_A, first.comment.id, ada, LATER));
    assert.deepEqual(comment, { id: first.comment.id, created: NOW.toISOString(), text: '', deleted: LATER.toISOString() });
    const read = roundTrip(b);
    assert.deepEqual(read.entries[0].comments, [comment]);
    assert.equal(read.entries[0].history, undefined);
    assert.deepEqual(liveComments(read.entries[0]), []);
    assert.doesNotMatch(serializeBacklog(b), /First words|Even older words/);
  });

  it('hides a tombstone from the board: not counted on the card, not found by a search', () => {
    const first = withComment();
    const gone = ok(deleteComment(first.backlog, ID_A, first.comment.id, ada, LATER)).backlog;
    const kept = ok(addComment(gone, ID_A, 'Still here', grace, LATER)).backlog;
    const ctx = { clock: clockAt(LATER.toISOString()), voter: NOBODY, staleDays: 30 };
    const card = (b: Backlog, search = '') => queryBoard(b, { ...defaultQuery(), filter: { ...defaultQuery().filter, search } }, ctx).columns.flatMap((c) => c.cards)[0];
    assert.equal(card(kept).comments, 1);
    assert.equal(card(first.backlog, 'first words')?.id, ID_A);
    assert.equal(card(gone, 'first words'), undefined);
  });
});

describe('comments: merging a duplicate', () => {
  it('gives a copied anonymous comment a new id that carries only its day', () => {
    const copied: Comment = { id: '01JH0000000000000000000009', created: '2026-11-20T00:00:00.000Z', text: 'Quiet words' };
    const b: Backlog = { version: 1, entries: [makeEntry({ id: ID_A, comments: [copied] }), makeEntry({ id: ID_B, comments: [{ ...copied, text: 'Other quiet words' }] })], retros: [] };
    const merged = mergeDuplicate(b, ID_A, ID_B, NOW);
    assert.ok(merged.ok);
    const renamed = merged.backlog.entries[0].comments.find((c) => c.text === 'Other quiet words');
    assert.ok(renamed && renamed.id !== copied.id);
    const idTime = [...renamed.id.slice(0, 10)].reduce((t, ch) => t * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch), 0);
    assert.equal(new Date(idTime).toISOString(), '2026-11-20T00:00:00.000Z');
  });
});

describe('comments: what is new', () => {
  it('counts others\' live comments not yet seen, on entries the reader wrote, voted on or owns a decision for', () => {
    let b = backlog();
    const byGrace = ok(addComment(b, ID_A, 'Grace here', grace, NOW));
    b = byGrace.backlog;
    const byAda = ok(addComment(b, ID_A, 'Ada here', ada, NOW));
    b = byAda.backlog;
    const entry = b.entries[0];
    assert.deepEqual(newComments(entry, new Set(), ['Ada Lovelace', 'ada@example.com']).map((c) => c.text), ['Grace here'], 'Ada wrote the entry; her own comment is not news');
    assert.deepEqual(newComments(entry, new Set([byGrace.comment.id]), ['Ada Lovelace']), [], 'seen');
    assert.deepEqual(newComments(entry, new Set(), ['grace@example.com']).map((c) => c.text), ['Ada here'], 'Grace voted on it');
    assert.deepEqual(newComments(entry, new Set(), ['Alan Turing']), [], 'not Alan\'s business');
    const owned = { ...entry, author: undefined, votes: [], decision: { outcome: 'stop' as const, rationale: '', owner: 'Alan Turing', followUp: 'open' as const, decided: NOW.toISOString() } };
    assert.equal(newComments(owned, new Set(), ['Alan Turing']).length, 2, 'Alan owns its decision');
    const gone = ok(deleteComment(b, ID_A, byAda.comment.id, ada, LATER)).backlog.entries[0];
    assert.deepEqual(newComments(gone, new Set(), ['grace@example.com']), [], 'a tombstone is no news');
  });
});
