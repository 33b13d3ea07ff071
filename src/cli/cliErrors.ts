/**
 * How a command ends when it cannot do what it was asked, and the exit codes the help and the README
 * document: 0 done; 1 the command ran but found a problem (a refused change, an unknown entry, a sync
 * that stopped, a check that found errors); 2 the command line itself is wrong (an unknown flag, a value
 * that is not one of the choices, a question that needs a terminal when there is none); 3 the change was
 * saved, but the sync that follows it stopped, so it has not reached the team yet.
 */
export const EXIT_CODES = { done: 0, problem: 1, usage: 2, notShared: 3 } as const;

/** The exit codes in the words of `--help`. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  the command ran but found a problem (a refused change, an unknown entry, a stopped sync, a failed check)
  2  the command line is wrong (an unknown flag or value, or a question asked with no terminal)
  3  the change was saved here, but the sync after it stopped: run "stupid-work sync" later`;

/** Ends a command with exit code 1 and a one-line reason on stderr. */
export class Stop extends Error {}

/** Ends a command with exit code 2: what was typed cannot be run, and the message says what to type. */
export class UsageError extends Error {}
