import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** How many commits back renames are looked for, so a long history never makes opening a file slow. */
const HISTORY = 1000;
/** git is stopped when it prints nothing for this long. */
const TIMEOUT_MS = 15000;

interface Rename {
  from: string;
  to: string;
}

/** Reads `--name-status -z` output restricted to renames: a status such as `R087`, then both paths. */
function parseRenames(output: string): Rename[] {
  const fields = output.split('\0');
  const renames: Rename[] = [];
  for (let i = 0; i + 2 < fields.length; i++) {
    // In `log` output a newline parts each commit's hash from its first status.
    if (/^R\d*$/.test(fields[i].slice(fields[i].lastIndexOf('\n') + 1))) {
      renames.push({ from: fields[i + 1], to: fields[i + 2] });
      i += 2;
    }
  }
  return renames;
}

/** Renames in the last HISTORY commits, oldest first; none on a branch with no commits yet. */
async function committedRenames(git: SimpleGit): Promise<Rename[]> {
  const head = (await git.raw(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '')).trim();
  if (!head) return [];
  // `log -n` would count only the commits shown, so the history is cut at the commit HISTORY back.
  const boundary = (await git.raw(['rev-list', `--skip=${HISTORY}`, '--max-count=1', head])).trim();
  const range = boundary ? [head, `^${boundary}`] : [head];
  return parseRenames(
    await git.raw(['log', '-M', '--diff-filter=R', '--name-status', '-z', '--no-show-signature', '--topo-order', '--reverse', '--format=%H', ...range, '--']),
  );
}

async function stagedRenames(git: SimpleGit): Promise<Rename[]> {
  return parseRenames(await git.raw(['diff', '--cached', '-M', '--diff-filter=R', '--name-status', '-z']));
}

/**
 * Follows `start` through renames in time order. The latest rename away from `start` is taken: if
 * the path was reused for a new file that moved on too, that newer file is the one still known by it.
 */
function follow(renames: readonly Rename[], start: string): string | undefined {
  let first = renames.length - 1;
  while (first >= 0 && renames[first].from !== start) first--;
  if (first < 0) return undefined;
  let current = renames[first].to;
  for (let i = first + 1; i < renames.length; i++) {
    if (renames[i].from === current) current = renames[i].to;
  }
  return current === start ? undefined : current;
}

/**
 * The path (relative to folderPath, with '/') that relPath was renamed to in git, following chains
 * of renames: committed history (rename detection) and staged renames. undefined when there is no
 * rename, git is missing, or the folder is not a repository; also when the file was renamed out of
 * the folder or is no longer in the working tree. Never throws. Runs git: callers check workspace trust.
 */
export async function followRenames(folderPath: string, relPath: string): Promise<string | undefined> {
  try {
    const git = simpleGit({ baseDir: folderPath, timeout: { block: TIMEOUT_MS } });
    // The folder may sit below the repository's root; git speaks in paths from the root.
    const prefix = (await git.raw(['rev-parse', '--show-prefix'])).replace(/\n$/, '');
    const renamed = follow([...(await committedRenames(git)), ...(await stagedRenames(git))], prefix + relPath);
    if (renamed === undefined || !renamed.startsWith(prefix)) return undefined;
    const relative = renamed.slice(prefix.length);
    return (await stat(path.join(folderPath, relative))).isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}
