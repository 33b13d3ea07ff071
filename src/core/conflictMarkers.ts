/** The two (or, with diff3 markers, three) versions a file with git conflict markers was made from. */
export interface ConflictSides {
  ours: string;
  theirs: string;
  /** Present only when git wrote diff3-style markers (`|||||||`). */
  base?: string;
  hunks: number;
}

const START = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const MIDDLE = /^={7}$/;
const END = /^>{7}(?: |$)/;

/**
 * Splits a conflicted file into its sides, line by line. Returns undefined when the markers are not
 * well formed, so a half-edited file is never guessed at.
 */
export function splitConflictMarkers(text: string): ConflictSides | undefined {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let hasBase = false;
  let hunks = 0;
  let section: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  for (const line of text.split('\n')) {
    const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (START.test(bare)) {
      if (section !== 'common') return undefined;
      section = 'ours';
      hunks++;
    } else if (BASE.test(bare)) {
      if (section !== 'ours') return undefined;
      section = 'base';
      hasBase = true;
    } else if (MIDDLE.test(bare) && (section === 'ours' || section === 'base')) {
      section = 'theirs';
    } else if (END.test(bare)) {
      if (section !== 'theirs') return undefined;
      section = 'common';
    } else if (section === 'common') {
      ours.push(line);
      theirs.push(line);
      base.push(line);
    } else {
      (section === 'ours' ? ours : section === 'base' ? base : theirs).push(line);
    }
  }
  if (section !== 'common' || hunks === 0) {
    return undefined;
  }
  const sides: ConflictSides = { ours: ours.join('\n'), theirs: theirs.join('\n'), hunks };
  if (hasBase) {
    sides.base = base.join('\n');
  }
  return sides;
}
