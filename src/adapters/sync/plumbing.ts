/** The git plumbing a sync is made of: one fetch of one ref, one batch read of objects, trees built without an index. */
import * as path from 'node:path';
import { classifyGitReply } from '../../core/sync/gitReply';
import { GitRunner, gitOutput } from './gitRunner';
import type { BacklogRepository } from './repository';
import { remoteStop, type BranchPlace } from './syncStop';

let fetchFlags: Promise<string[]> | undefined;

/**
 * Flags that keep a fetch to the one ref: no tags, no submodules, and from git 2.29 on, no FETCH_HEAD
 * rewrite (which wakes up editors' git views) and no background maintenance (git-fetch(1)).
 */
function quietFetchFlags(git: GitRunner): Promise<string[]> {
  fetchFlags ??= git.run(['version']).then(
    (text) => {
      const [major, minor] = (/(\d+)\.(\d+)/.exec(text) ?? ['', '0', '0']).slice(1).map(Number);
      const modern = major > 2 || (major === 2 && minor >= 29);
      return ['--no-tags', '--no-recurse-submodules', ...(modern ? ['--no-write-fetch-head', '--no-auto-maintenance'] : [])];
    },
    () => ['--no-tags', '--no-recurse-submodules'],
  );
  return fetchFlags;
}

/**
 * Fetches the remote's backlog branch into `tracking`, with an explicit destination so a single-branch
 * or narrowed clone's refspecs do not matter. Resolves false when the remote has no such branch.
 * `--verbose`: git then always prints, and simple-git waits 50 ms on a command that prints nothing.
 */
export async function fetchBranch(git: GitRunner, place: BranchPlace, tracking: string): Promise<boolean> {
  const flags = await quietFetchFlags(git);
  try {
    // An empty --refmap: the remote's configured refspecs map nothing, so refs/remotes/ is left as it was.
    await git.remote(['fetch', '--verbose', '--refmap=', ...flags, place.remote, `+refs/heads/${place.branch}:${tracking}`]);
    return true;
  } catch (error) {
    const reply = classifyGitReply(gitOutput(error));
    if (reply.kind === 'no-branch') return false;
    throw remoteStop(reply, place, 'fetch');
  }
}

/** One version of the backlog on the branch: its commit, and the file's text there (undefined when the commit lacks the file). */
export interface BranchVersion {
  commit: string;
  text: string | undefined;
}

/**
 * Reads the remote tip and the last synced commit, each with the backlog file in it, in one
 * `git cat-file --batch` (git-cat-file(1)): each answer is `<oid> <type> <size>` then the content, or `<name> missing`.
 */
export async function readVersions(repo: BacklogRepository, tracking: string | undefined, base: string): Promise<{ theirs?: BranchVersion; base?: BranchVersion }> {
  const names = [base, `${base}:${repo.relativePath}`, ...(tracking ? [tracking, `${tracking}:${repo.relativePath}`] : [])];
  const answers = parseBatch(await repo.git.catFileBatch(`${names.join('\n')}\n`), names.length);
  const version = (i: number): BranchVersion | undefined => (answers[i] ? { commit: answers[i].oid, text: answers[i + 1]?.content.toString('utf8') } : undefined);
  return { base: version(0), theirs: tracking ? version(2) : undefined };
}

function parseBatch(output: Buffer, count: number): ({ oid: string; type: string; content: Buffer } | undefined)[] {
  const answers: ({ oid: string; type: string; content: Buffer } | undefined)[] = [];
  let at = 0;
  while (answers.length < count && at < output.length) {
    const eol = output.indexOf(10, at);
    const header = output.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const match = /^([0-9a-f]{40,64}) (\S+) (\d+)$/.exec(header);
    if (!match) {
      answers.push(undefined);
      continue;
    }
    const size = Number(match[3]);
    answers.push({ oid: match[1], type: match[2], content: output.subarray(at, at + size) });
    at += size + 1;
  }
  return answers;
}

/** A tree's entries by name: `<mode> <type> <oid>`, as ls-tree prints and mktree reads them. */
async function treeEntries(git: GitRunner, commit: string | undefined, dir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  if (!commit) return entries;
  let listing: string;
  try {
    listing = await git.run(['ls-tree', '-z', `${commit}:${dir}`]);
  } catch {
    return entries;
  }
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab > 0) entries.set(record.slice(tab + 1), record.slice(0, tab));
  }
  return entries;
}

/**
 * Writes the tree of `commit` with `blobs` (path → blob id) put in, directory by directory from the
 * deepest up, with `ls-tree` and `mktree` (no index, so the person's index and its lock are never used).
 * Resolves with the root tree's id.
 */
export async function writeTree(git: GitRunner, commit: string | undefined, blobs: Map<string, string>): Promise<string> {
  const dirs = new Set<string>(['']);
  for (const file of blobs.keys()) {
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const parentOf = (p: string) => (path.posix.dirname(p) === '.' ? '' : path.posix.dirname(p));
  const written = new Map<string, string>();
  const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);
  for (const dir of [...dirs].sort((a, b) => depth(b) - depth(a))) {
    const entries = await treeEntries(git, commit, dir);
    for (const [file, oid] of blobs) if (parentOf(file) === dir) entries.set(path.posix.basename(file), `100644 blob ${oid}`);
    for (const [sub, oid] of written) if (sub !== '' && parentOf(sub) === dir) entries.set(path.posix.basename(sub), `040000 tree ${oid}`);
    const input = [...entries].map(([name, spec]) => `${spec}\t${name}\0`).join('');
    written.set(dir, (await git.runWithInput(['mktree', '-z'], input)).trim());
  }
  return written.get('') as string;
}
