/**
 * The versions a file with git conflict markers was made from, in every style git writes (see
 * git-merge(1), "How conflicts are presented", and gitattributes(5), `conflict-marker-size`):
 * - `merge`: `<<<<<<<`, ours, `=======`, theirs, `>>>>>>>`;
 * - `diff3` and `zdiff3`: the same with `|||||||` and the base between ours and theirs (zdiff3 moves
 *   lines common to both sides out of the hunk, so the base rebuilt from it may not be the real one);
 * - a criss-cross history: git merges the merge bases into a virtual base first, and its conflicts
 *   show up inside the base section with markers 2 characters longer ("Temporary merge branch 1/2").
 */
export interface ConflictSides {
  ours: string;
  theirs: string;
  /** Present only when every hunk has a base section (diff3 or zdiff3 style). */
  base?: string;
  hunks: number;
  /** Length of this level's markers: 7 unless `conflict-marker-size` says otherwise. */
  markerSize: number;
}

const DEFAULT_MARKER_SIZE = 7;

/** The length of the run of `char` that opens `line`, when the run is a marker: followed by a space or nothing. */
function markerRun(line: string, char: string): number {
  let n = 0;
  while (line[n] === char) n++;
  return n >= DEFAULT_MARKER_SIZE && (n === line.length || line[n] === ' ') ? n : 0;
}

/**
 * Offset (UTF-16 units) of the first line that is a conflict marker of any length git writes, or -1:
 * `<<<<<<<`, `|||||||` or `>>>>>>>` followed by a space or the line's end, or a line of `=` only, each
 * at least 7 characters (`conflict-marker-size` in gitattributes(5) can make them longer).
 */
export function firstConflictMarker(text: string): number {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const bare = text.slice(start, text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
    if (markerRun(bare, '<') || markerRun(bare, '|') || markerRun(bare, '>') || (bare.length >= DEFAULT_MARKER_SIZE && /^=+$/.test(bare))) {
      return start;
    }
    start = stop + 1;
  }
  return -1;
}

/**
 * Splits a conflicted file into its sides, line by line. The first `<<<<<<<` line sets the marker
 * length; markers of any other length are content of this level (a nested conflict in a virtual base
 * stays in `base`, for the caller to resolve). Returns undefined when this level's markers are not
 * well formed, or there are none, so a half-edited file is never guessed at.
 */
export function splitConflictMarkers(text: string): ConflictSides | undefined {
  const ours: string[] = [];
  const theirs: string[] = [];
  const base: string[] = [];
  let size = 0;
  let hunks = 0;
  let hunksWithBase = 0;
  let section: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  for (const line of text.split('\n')) {
    const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
    const start = markerRun(bare, '<');
    if (size === 0 && start > 0) size = start;
    if (size > 0 && start === size) {
      if (section !== 'common') return undefined;
      section = 'ours';
      hunks++;
    } else if (size > 0 && markerRun(bare, '|') === size) {
      if (section !== 'ours') return undefined;
      section = 'base';
      hunksWithBase++;
    } else if (size > 0 && bare === '='.repeat(size) && (section === 'ours' || section === 'base')) {
      section = 'theirs';
    } else if (size > 0 && markerRun(bare, '>') === size) {
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
  const sides: ConflictSides = { ours: ours.join('\n'), theirs: theirs.join('\n'), hunks, markerSize: size };
  if (hunksWithBase === hunks) {
    sides.base = base.join('\n');
  }
  return sides;
}

