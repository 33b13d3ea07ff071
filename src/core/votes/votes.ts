/**
 * "Me too" votes (DESIGN.md, "Honest anonymity"). Each item of `Entry.votes` is one of:
 * - an anonymous vote: a token, `anon:` and 32 lower-case hex digits (128 random bits), minted afresh
 *   for every vote, so the file ties neither a vote to a person nor two votes to each other. Only the
 *   voter's own extension knows which tokens are theirs (the `Voter`'s `tokens`);
 * - a named vote ("+1, I'll help"): the voter's email, else their name (`voterId`). Every vote that
 *   earlier versions wrote is of this kind, and stays named: nothing here turns one into a token.
 *
 * The vote budget is counted and enforced on the voter's side, from the tokens they hold. Pure: the
 * token is minted by the caller (`newVoteToken`), and time comes in as `now`.
 */
import { coarseTime, touch } from '../model/anonymity';
import type { Backlog, Entry, Person } from '../model/model';
import { plainText } from '../text/inertText';
import type { RetroMessage } from '../text/messages';

/** The schema's limit on one item of `votes` (an email may be 320 characters long, RFC 5321). */
export const MAX_VOTER_LENGTH = 320;

const TOKEN = /^anon:[0-9a-f]{32}$/;

/** Whether a stored vote is an anonymous token rather than a named voter. */
export function isVoteToken(vote: string): boolean {
  return TOKEN.test(vote);
}

/** A fresh anonymous vote: `anon:` and 128 bits from Web Crypto (available in Node and webviews), in hex. */
export function newVoteToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `anon:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The id a named vote is stored under: the email when there is one (it is unique), else the name. */
export function voterId(p: Person): string {
  const email = p.email?.trim();
  return email ? email : p.name.trim();
}

/**
 * Who is voting, as their own extension knows them: `id` is their named-vote id (`voterId`, '' when
 * they have no name yet), `tokens` the anonymous votes they cast and still hold.
 */
export interface Voter {
  id: string;
  tokens: ReadonlySet<string>;
}

/** A voter with no name and no tokens: sees counts only, and owns no vote. */
export const NOBODY: Voter = { id: '', tokens: new Set() };

/** The votes on `e` that are `voter`'s own: their named vote and any of their tokens. */
export function votesOf(e: Entry, voter: Voter): string[] {
  return e.votes.filter((v) => voter.tokens.has(v) || (voter.id !== '' && v === voter.id));
}

/** How `voter` voted on `e`: not at all, anonymously or by name (a named vote wins when they left both). */
export function voteOf(e: Entry, voter: Voter): 'none' | 'anonymous' | 'named' {
  const mine = votesOf(e, voter);
  if (mine.length === 0) return 'none';
  return mine.some((v) => !isVoteToken(v)) ? 'named' : 'anonymous';
}

/** The named votes on `e` (emails or names), in stored order: what teammates may see besides the count. */
export function namedVotes(e: Entry): string[] {
  return e.votes.filter((v) => !isVoteToken(v));
}

/** Entries a vote budget applies to: open and not yet decided. */
function inBudget(e: Entry): boolean {
  return e.status === 'open' && e.decision === undefined;
}

function votesUsed(b: Backlog, voter: Voter): number {
  return b.entries.filter((e) => inBudget(e) && votesOf(e, voter).length > 0).length;
}

function limited(budget: number | undefined): budget is number {
  return budget !== undefined && Number.isFinite(budget) && budget > 0;
}

/** Votes `voter` has left under `budget` (votes per person on open, undecided entries); undefined when unlimited. */
export function votesLeft(b: Backlog, voter: Voter, budget: number | undefined): number | undefined {
  if (!limited(budget)) return undefined;
  return Math.max(0, Math.floor(budget) - votesUsed(b, voter));
}

/** How to vote: by name, or anonymously with `token` (from `newVoteToken`, minted by the caller). */
export interface Ballot {
  named: boolean;
  token: string;
}

/**
 * A vote change: what happened, the backlog, the token now stored (for the voter's extension to
 * keep) and the tokens taken out (for it to forget); or the refusal as a message the UI renders.
 */
export type VoteChange =
  | { ok: true; outcome: 'cast' | 'withdrawn' | 'unchanged'; backlog: Backlog; added?: string; removed: string[] }
  | { ok: false; message: RetroMessage };

function fail(message: RetroMessage): VoteChange {
  return { ok: false, message };
}

function titleOf(e: Entry): string {
  return plainText(e.title.length > 60 ? `${e.title.slice(0, 57)}…` : e.title);
}

/**
 * The entry after a vote changed on it. A named vote moves `updated` as any change does (`touch`); an
 * anonymous one moves it to no later than the start of today (UTC), so the entry does not record the
 * minute someone agreed with it. Either way "Still happening?" sees the entry as active today.
 */
function withVotes(e: Entry, votes: string[], named: boolean, now: Date): Entry {
  if (named) return { ...touch(e, now), votes };
  const day = coarseTime(now);
  return { ...e, votes, updated: e.updated > day ? e.updated : day };
}

function replaceEntry(b: Backlog, next: Entry): Backlog {
  return { ...b, entries: b.entries.map((e) => (e.id === next.id ? next : e)) };
}

/**
 * Casts `voter`'s vote on entry `entryId` as `ballot` says. A voter who already voted the other way
 * has that vote replaced (the budget is not charged twice); one who already voted this way changes
 * nothing. Refused: an unknown, archived or done entry; a named vote without a name, or one that
 * looks like a token or passes `MAX_VOTER_LENGTH`; a vote past `budget` (0 or undefined: no cap).
 */
export function castVote(b: Backlog, entryId: string, voter: Voter, ballot: Ballot, budget: number | undefined, now: Date): VoteChange {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return fail({ code: 'retro.missing', entryId });
  const id = voter.id.trim();
  if (ballot.named) {
    if (id === '' || isVoteToken(id)) return fail({ code: 'retro.noVoter' });
    if (id.length > MAX_VOTER_LENGTH) return fail({ code: 'retro.voterTooLong', length: id.length, limit: MAX_VOTER_LENGTH });
  } else if (!isVoteToken(ballot.token)) {
    throw new Error('castVote: the ballot token is not one newVoteToken makes');
  }
  const mine = votesOf(e, voter);
  const already = voteOf(e, voter);
  if (already === (ballot.named ? 'named' : 'anonymous') && mine.length === 1) return { ok: true, outcome: 'unchanged', backlog: b, removed: [] };
  if (already === 'none') {
    if (e.status === 'archived') return fail({ code: 'retro.archivedNoVotes', title: titleOf(e) });
    if (e.status === 'done') return fail({ code: 'retro.doneNoVotes', title: titleOf(e) });
    if (limited(budget) && inBudget(e) && votesUsed(b, voter) >= Math.floor(budget)) return fail({ code: 'retro.outOfVotes', budget: Math.floor(budget) });
  }
  const vote = ballot.named ? id : ballot.token;
  const votes = [...e.votes.filter((v) => !mine.includes(v)), vote];
  const removed = mine.filter(isVoteToken);
  return { ok: true, outcome: 'cast', backlog: replaceEntry(b, withVotes(e, votes, ballot.named, now)), removed, ...(ballot.named ? {} : { added: vote }) };
}

/** Takes back every vote of `voter`'s on entry `entryId` (always allowed, archived or not); nothing to take back changes nothing. */
export function withdrawVote(b: Backlog, entryId: string, voter: Voter, now: Date): VoteChange {
  const e = b.entries.find((x) => x.id === entryId);
  if (!e) return fail({ code: 'retro.missing', entryId });
  const mine = votesOf(e, voter);
  if (mine.length === 0) return { ok: true, outcome: 'unchanged', backlog: b, removed: [] };
  const named = mine.some((v) => !isVoteToken(v));
  const next = withVotes(e, e.votes.filter((v) => !mine.includes(v)), named, now);
  return { ok: true, outcome: 'withdrawn', backlog: replaceEntry(b, next), removed: mine.filter(isVoteToken) };
}

/** "Me too" as a switch: withdraws `voter`'s vote when they have one on the entry, else casts `ballot`. */
export function toggleVote(b: Backlog, entryId: string, voter: Voter, ballot: Ballot, budget: number | undefined, now: Date): VoteChange {
  const e = b.entries.find((x) => x.id === entryId);
  return e && votesOf(e, voter).length > 0 ? withdrawVote(b, entryId, voter, now) : castVote(b, entryId, voter, ballot, budget, now);
}

/**
 * Display names for named votes: each email that an entry or a comment of `b` names an author by,
 * mapped to that author's name (the first one found). A named vote whose email is not in it is shown as stored.
 */
export function voterNames(b: Backlog): Map<string, string> {
  const names = new Map<string, string>();
  const add = (p: Person | undefined): void => {
    const email = p?.email?.trim();
    if (p && email && !names.has(email) && p.name.trim() !== '') names.set(email, p.name.trim());
  };
  for (const e of b.entries) {
    add(e.author);
    for (const c of e.comments) add(c.author);
  }
  return names;
}

/** The names behind `e`'s named votes, as `voterNames` knows them, in stored order. */
export function namedVoters(e: Entry, names: ReadonlyMap<string, string>): string[] {
  return namedVotes(e).map((v) => names.get(v) ?? v);
}
