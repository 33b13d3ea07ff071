import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../core/model/model';
import { writeFileAtomic } from '../file/atomicWrite';
import { SyncStop } from './syncStop';

/** What replacing the working copy did: `changed-meanwhile` means it was not what the merge started from, so nothing was written. */
export type ReplaceResult = 'written' | 'unchanged' | 'changed-meanwhile';

/**
 * Replaces the working copy with `next` only if it still holds `expected` (undefined: it did not exist).
 * The extension passes its own, which runs in the backlog's write queue; the command line uses the file.
 */
export type ReplaceWorkingCopy = (expected: string | undefined, next: string) => Promise<ReplaceResult>;

/** The working copy's text, or undefined when there is none. Stops with `unreadable` on a file too large or that cannot be read. */
export async function readWorkingCopy(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) {
      throw new SyncStop('unreadable', { code: 'sync.tooLarge', name: path.basename(file), megabytes: Math.round(info.size / 1048576), limit: MAX_FILE_BYTES / 1048576 });
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof SyncStop) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SyncStop('unreadable', { code: 'sync.cannotRead', file, detail: (error as Error).message });
  }
}

/** The plain-file ReplaceWorkingCopy: re-reads the file, then writes atomically (temp file and rename). */
export function replaceWorkingCopyFile(file: string): ReplaceWorkingCopy {
  return async (expected, next) => {
    const current = await readWorkingCopy(file);
    if (current !== expected) return 'changed-meanwhile';
    if (current === next) return 'unchanged';
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, next);
    return 'written';
  };
}
