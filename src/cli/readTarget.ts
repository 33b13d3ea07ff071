import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Stop } from './cliErrors';
import { targetOf } from './cliTarget';

/** The file a `check` or `repair` names (else the folder's backlog), as shown and in full, and its text (undefined: missing). */
export async function readTarget(command: Command, fileArg: string | undefined): Promise<{ shown: string; full: string; text: string | undefined }> {
  const full = fileArg ? path.resolve(process.cwd(), fileArg) : targetOf(command).file;
  const shown = path.relative(process.cwd(), full) || full;
  try {
    return { shown, full, text: await readFile(full, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { shown, full, text: undefined };
    throw new Stop(`${shown} cannot be read: ${(error as Error).message}`);
  }
}
