/**
 * Entries a new title may repeat, so Quick Capture can offer a "me too" instead of a duplicate.
 * Fuzzy matching is Fuse.js's token search (TF-IDF over words, each word matched fuzzily), which
 * finds "Friday deploy freeze" in "Deploy freeze on Fridays". Pure; loaded on first use (its own chunk).
 */
import Fuse from 'fuse.js';
import type { Backlog, Entry } from '../model/model';

/** Fuse scores run from 0 (the same) to 1 (nothing alike); past this, matches were mostly noise in our titles. */
export const SIMILAR_SCORE = 0.65;

/** A title shorter than this (in UTF-16 units, trimmed) says too little to match on. */
export const MIN_TITLE_LENGTH = 4;

/**
 * Words of four characters and more that start with a letter: "a", "the" and "for" match nearly
 * everything, and a number alone (a year, a ticket, a count) says nothing about the work, while two
 * numbers of the same length match each other fuzzily.
 */
const WORD = /\p{L}[\p{L}\p{N}]{3,}/gu;

/**
 * Open and decided entries whose title is like `title`, the most alike first, at most `limit` of
 * them. Archived and done entries take no votes, so they are never offered.
 */
export function similarEntries(b: Backlog, title: string, limit = 3): Entry[] {
  const query = title.trim();
  if (query.length < MIN_TITLE_LENGTH) return [];
  const votable = b.entries.filter((e) => e.status === 'open' || e.status === 'decided');
  if (votable.length === 0) return [];
  const fuse = new Fuse(votable, { keys: ['title'], includeScore: true, useTokenSearch: true, tokenize: WORD, ignoreLocation: true, threshold: SIMILAR_SCORE });
  return fuse
    .search(query)
    .filter((r) => (r.score ?? 1) <= SIMILAR_SCORE)
    .slice(0, limit)
    .map((r) => r.item);
}
