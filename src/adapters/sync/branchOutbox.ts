/**
 * Files waiting to go onto the backlog branch beside the backlog, such as saved retro summaries
 * (`retros/<date>.md`). They wait in this worktree's own git directory (`stupid-work/outbox/`, where
 * `git rev-parse --git-path` would put a path git does not share between worktrees, git-rev-parse(1)),
 * never in the working tree, so saving one changes nothing `git status` shows. The next sync commits them with the backlog and, once pushed, clears them.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { trackingRef, type SyncSettings } from '../../core/sync/backlogBranch';
import { writeFileAtomic } from '../file/atomicWrite';
import type { SyncMessage } from '../../core/text/messages';
import { chooseRemote, openRepository, type BacklogRepository } from './repository';
import { SyncStop } from './syncStop';

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
 * replacing what waited there. Rejects with a RangeError on a path `isBranchFilePath` refuses, and with the SyncStop of
 * `openRepository` outside a repository or without git.
 */
export async function putInOutbox(file: string, branchPath: string, text: string): Promise<void> {
  // The extension builds these paths itself: a refused one is a defect, not a person's input.
  if (!isBranchFilePath(branchPath)) throw new RangeError(branchPath);
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

/** Where a file for the backlog branch stands, as `branchFileState` finds it. */
export interface BranchFileState {
  /** The remote a sync would push to; undefined when the repository has none that fits (see `chooseRemote`). */
  remote?: string;
  branch: string;
  /** The text waiting in the outbox; undefined when nothing waits. */
  waiting?: string;
  /** The text on the backlog branch as last fetched; undefined when the branch, as known here, lacks the file. */
  onBranch?: string;
}

/**
 * Where `branchPath` stands for the working copy `file` under `settings`, from local state only (no
 * fetch). Rejects with the SyncStop of `openRepository` outside a repository or without git.
 */
export async function branchFileState(file: string, settings: SyncSettings, branchPath: string): Promise<BranchFileState> {
  const repo = await openRepository(file);
  const waiting = await readFile(path.join(outboxDir(repo), ...branchPath.split('/')), 'utf8').catch(() => undefined);
  let remote: string | undefined;
  try {
    remote = chooseRemote(repo, settings.remote, settings.branch).name;
  } catch {
    return { branch: settings.branch, waiting };
  }
  const onBranch = await repo.git.run(['cat-file', 'blob', `${trackingRef(remote, settings.branch)}:${branchPath}`]).catch(() => undefined);
  return { remote, branch: settings.branch, waiting, onBranch };
}

/** The message of a stop raised here (no git, no repository), for the caller to render; undefined for any other error. This chunk's own SyncStop class is the one its functions throw. */
export function stopMessage(error: unknown): SyncMessage | undefined {
  return error instanceof SyncStop ? error.text : undefined;
}
