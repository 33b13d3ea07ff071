import { isolateBidi, shorten } from '../core/text/inertText';

/**
 * Text from the backlog file for a terminal, on one line: control characters (escape sequences that
 * could move the cursor, recolour or retitle the terminal, or hide what follows) become spaces, and
 * right-to-left or bidi-controlled text is isolated so it cannot reorder the line around it.
 */
export function terminalLine(text: string, maxLength?: number): string {
  return isolateBidi(shorten(text, maxLength));
}

/** Text from the file over several lines, each made inert as `terminalLine` does; its line breaks stay. */
export function terminalBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => terminalLine(line))
    .join('\n')
    .trim();
}
