import { englishCount } from '../core/text/english';
import type { Backlog, Entry } from '../core/model/model';
import { terminalLine } from './terminalText';
import { Stop } from './cliErrors';

/** Shortest prefix accepted for an id: a ULID's first 10 characters are its time, so shorter ones rarely pick one entry. */
const MIN_PREFIX = 4;

/**
 * The entry that `ref` names: its whole id, or a prefix of it that no other entry has (as git accepts
 * an abbreviated commit), case ignored since ULIDs are case-insensitive (Crockford base32). Throws
 * `Stop` when there is none, or when the prefix fits several, naming them.
 */
export function entryByRef(b: Backlog, ref: string): Entry {
  const wanted = ref.trim().toUpperCase();
  const exact = b.entries.find((e) => e.id.toUpperCase() === wanted);
  if (exact) return exact;
  const matches = wanted.length >= MIN_PREFIX ? b.entries.filter((e) => e.id.toUpperCase().startsWith(wanted)) : [];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    const some = matches.slice(0, 5).map((e) => `${e.id} "${terminalLine(e.title, 40)}"`);
    throw new Stop(`"${terminalLine(ref)}" fits ${englishCount(matches.length, '{0} entry', '{0} entries')}: ${some.join(', ')}${matches.length > 5 ? ', …' : ''}. Type more of the id.`);
  }
  throw new Stop(`There is no entry with id "${terminalLine(ref)}" in the backlog. "stupid-work list --status all" shows every id.`);
}
