/**
 * Files waiting to go onto the backlog branch beside the backlog, such as saved retro summaries
 * (`retros/<date>.md`). They wait in this worktree's own git directory (`stupid-work/outbox/`, where
 * `git rev-parse --git-path` would put a path git does not share between worktrees, git-rev-parse(1)),
 * never in the working tree, so saving one changes nothing `git status` shows. The next sync commits them with the backlog and, once pushed, clears them.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../file/atomicWrite';
import { openRepository, type BacklogRepository } from './repository';

/**
 * A path on the backlog branch that a file beside the backlog may take: relative, with `/`, in a
 * folder (never the branch's root, where the backlog, its README and the host files live), and no
 * part empty, starting with a dot (so no `..`, `.git` or hidden file), or holding a backslash or a
 * control character.
 */
export function isBranchFilePath(branchPath: string): boolean {
  const parts = branchPath.split('/');
  const plain = (part: string) => [...part].every((c) => c.charCodeAt(0) > 0x1f && c !== '\x7f' && c !== '\\');
  return parts.length >= 2 && parts.every((part) => part !== '' && !part.startsWith('.') && plain(part));
}

/** Found without a git call: a sync reads the outbox every time, every few seconds in a live retro. */
function outboxDir(repo: BacklogRepository): string {
  return path.join(repo.gitDir, 'stupid-work', 'outbox');
}

/**
 * Puts `text` at `branchPath` in the outbox of the repository holding the working copy `file`,
 * replacing what waited there. Rejects on a path `isBranchFilePath` refuses, and with the SyncStop of
 * `openRepository` outside a repository or without git.
 */
export async function putInOutbox(file: string, branchPath: string, text: string): Promise<void> {
  if (!isBranchFilePath(branchPath)) throw new Error(`Not a path for the backlog branch: ${branchPath}`);
  const target = path.join(outboxDir(await openRepository(file)), ...branchPath.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, text);
}

/** Every file waiting in the outbox: branch path → text. Temp files of a write under way (dot files) are skipped. */
export async function readOutbox(repo: BacklogRepository): Promise<Map<string, string>> {
  const root = outboxDir(repo);
  const files = new Map<string, string>();
  const names = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of names) {
    if (!entry.isFile()) continue;
    const branchPath = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!isBranchFilePath(branchPath)) continue;
    const text = await readFile(path.join(root, branchPath), 'utf8').catch(() => undefined);
    if (text !== undefined) files.set(branchPath, text);
  }
  return files;
}

/** Removes the files that are now on the branch, each only if it still holds the text that went there (a newer save waits for the next sync). */
export async function clearOutbox(repo: BacklogRepository, sent: Map<string, string>): Promise<void> {
  const root = outboxDir(repo);
  for (const [branchPath, text] of sent) {
    const file = path.join(root, ...branchPath.split('/'));
    if ((await readFile(file, 'utf8').catch(() => undefined)) === text) await unlink(file).catch(() => undefined);
  }
}
