/** The runtime and the program a registered merge driver starts. */
export interface DriverProgram {
  /** A JavaScript runtime: VS Code's own executable, run as Node through ELECTRON_RUN_AS_NODE. */
  runtime: string;
  /** The driver program, copied into the repository's common git directory. */
  program: string;
}

/** A registered driver command read back: `guarded` when it falls back to a line merge by itself. */
export interface RegisteredDriver extends DriverProgram {
  guarded: boolean;
}

/** Given as the only argument, the program only proves that its runtime can run it, and exits 0. */
export const SELF_TEST = '--self-test';

/** Single-quotes a word for a POSIX shell, which takes everything literally inside '…'. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function shellUnquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/'\\''/g, "'");
}

/**
 * The `merge.stupid-work.driver` command line. git runs it with `sh` after replacing %O, %A and %B
 * with temporary files holding the base, ours and theirs, %L with the conflict marker size and %P with
 * the path, each already quoted for the shell (gitattributes(5), "Defining a custom merge driver").
 * The program exits 0 only after writing the merge into %A. Any other outcome (its runtime or the
 * program gone, a crash, a version it cannot read) ends in `git merge-file`, so git reports an
 * ordinary conflict with markers in the configured conflict style, never a one-sided file that looks clean.
 */
export function driverCommand({ runtime, program }: DriverProgram): string {
  return [
    `r=${shellQuote(runtime)} p=${shellQuote(program)}`,
    'if test -x "$r" && test -f "$p"; then ELECTRON_RUN_AS_NODE=1 "$r" "$p" %O %A %B %P && exit 0; ' +
      'else echo "stupid-work: the merge driver cannot start, $r or $p is missing; run Install Git Merge Driver for the Backlog again" >&2; fi',
    'echo "stupid-work: line merge with conflict markers for" %P >&2',
    'git merge-file --marker-size=%L -L ours -L base -L theirs %A %O %B',
    'exit 1',
  ].join('; ');
}

const QUOTED = String.raw`('(?:[^']|'\\'')*')`;
const CURRENT = new RegExp(`^r=${QUOTED} p=${QUOTED}; `);
/** The form earlier versions registered: without a fallback, so a driver that could not start left ours alone. */
const EARLIER = new RegExp(`^ELECTRON_RUN_AS_NODE=1 ${QUOTED} ${QUOTED} %O %A %B$`);

/** Reads back a command this extension registered, in this version's form or the earlier one; undefined for any other. */
export function registeredDriver(command: string): RegisteredDriver | undefined {
  const current = CURRENT.exec(command);
  if (current) return { runtime: shellUnquote(current[1]), program: shellUnquote(current[2]), guarded: true };
  const earlier = EARLIER.exec(command);
  if (earlier) return { runtime: shellUnquote(earlier[1]), program: shellUnquote(earlier[2]), guarded: false };
  return undefined;
}
