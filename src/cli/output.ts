/**
 * What commands print: colour only when the stream is a terminal and `NO_COLOR` is unset or empty
 * (no-color.org), tables through cli-table3, data as JSON.
 */
import Table from 'cli-table3';
import pc from 'picocolors';

/** The colour functions for one stream; each returns its text unchanged when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Whether to colour what goes to `stream`: a terminal, `NO_COLOR` unset or empty, and not a dumb terminal. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Colours for standard output. */
export function stdoutColors(): Colors {
  return pc.createColors(wantsColor(process.stdout));
}

/** A table of rows under a header, drawn with box characters on a terminal and plain spaces elsewhere. */
export function table(head: string[], rows: string[][], colors: Colors, alignRight: number[] = []): string {
  const boxed = wantsColor(process.stdout);
  const t = new Table({
    head: head.map((h) => colors.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (alignRight.includes(i) ? 'right' : 'left')),
    wordWrap: false,
    ...(boxed ? {} : { chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' } }),
  });
  t.push(...rows);
  return t.toString();
}

/** Writes `value` as one JSON document and a line break. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
