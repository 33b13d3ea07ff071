/**
 * The backlog file as commands read and write it: the same parser as the editor, and the same write
 * as the editor's (`FolderBacklog.update` in src/adapters/file/backlogStore.ts): the change is applied
 * to the file as it is on disk at that moment, a file that does not parse is never overwritten, and the
 * new text replaces the old atomically (`writeFileAtomic`).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../adapters/file/atomicWrite';
import { parseBacklog } from '../core/file/parse';
import { serializeBacklog } from '../core/file/serialize';
import { emptyBacklog, MAX_FILE_BYTES, type Backlog } from '../core/model/model';
import { english } from '../core/text/english';
import { Stop } from './cliErrors';

/** Reads before a write are retried this many times when the file changes under the command. */
const WRITE_ATTEMPTS = 5;

/** The file's text, or undefined when it does not exist. Throws `Stop` when it is too large or unreadable. */
async function readText(file: string, shown: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) throw new Stop(english({ code: 'parse.fileTooLarge', megabytes: Math.round(info.size / 1048576), limit: MAX_FILE_BYTES / 1048576 }));
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (error instanceof Stop) throw error;
    throw new Stop(english({ code: 'parse.cannotRead', relativePath: shown, detail: (error as Error).message }));
  }
}

/** The backlog in `text`, or a `Stop` that gives the file, line and column of the problem. */
function parsed(text: string, shown: string, doing: string): Backlog {
  const result = parseBacklog(text);
  if (result.ok) return result.backlog;
  const { problem } = result;
  throw new Stop(`${shown}${doing}: line ${problem.line}, column ${problem.column}: ${english(problem.message)} Run "stupid-work check" for details${problem.code === 'conflict' ? ', or "stupid-work repair"' : ''}.`);
}

/** The path to show for `file`: relative to the current folder. */
export function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Reads and parses the backlog; a missing file reads as an empty backlog. Throws `Stop` on a problem. */
export async function readBacklogFile(file: string): Promise<Backlog> {
  const shown = shownPath(file);
  const text = await readText(file, shown);
  return text === undefined ? emptyBacklog() : parsed(text, shown, '');
}

/**
 * Applies `mutate` to the backlog as it is on disk now and writes the result atomically. If the file
 * changes between the read and the write (the editor or a sync wrote it), the change is applied again
 * to the newer file, so nobody's edit is lost. `mutate` may throw (a `Stop` for a refused change), and
 * the file is then left as it was. Resolves with the backlog written.
 */
export async function updateBacklogFile(file: string, mutate: (current: Backlog) => Backlog): Promise<Backlog> {
  const shown = shownPath(file);
  for (let attempt = 1; ; attempt++) {
    const before = await readText(file, shown);
    const next = mutate(before === undefined ? emptyBacklog() : parsed(before, shown, ' was not changed'));
    const text = serializeBacklog(next);
    if ((await readText(file, shown)) !== before) {
      if (attempt < WRITE_ATTEMPTS) continue;
      throw new Stop(`${shown} kept changing while this command tried to write it, so it was not changed. Run the command again.`);
    }
    if (text === before) return next;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
    return next;
  }
}
