/** The git plumbing a sync is made of: one fetch of one ref, one batch read of objects, trees built without an index. */
import { classifyGitReply } from '../../core/sync/gitReply';
import { GitRunner, gitOutput, isGitMissing, type PreparedGit } from './gitRunner';
import type { BacklogRepository } from './repository';
import { gitMissingStop, remoteStop, type BranchPlace } from './syncStop';

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
    if (isGitMissing(error)) throw gitMissingStop();
    const reply = classifyGitReply(gitOutput(error));
    if (reply.kind === 'no-branch') return false;
    throw remoteStop(reply, place, 'fetch');
  }
}

/** The command `readVersions` reads with; a sync starts it ahead (see `GitRunner.prepare`). */
export const CAT_FILE = ['cat-file', '--batch'];

/**
 * The command `writeCommit` writes with. `--force`: the scratch ref is rewritten each time, never
 * fast-forwarded. No `--done`: a prepared fast-import whose sync stops, or whose process is killed,
 * sees its input end before any command, and with `--done` it would leave a crash report in the git dir.
 */
export const FAST_IMPORT = ['fast-import', '--quiet', '--force'];

/** One version of the backlog on the branch: its commit, and the file's text there (undefined when the commit lacks the file). */
export interface BranchVersion {
  commit: string;
  text: string | undefined;
}

/** The versions a sync starts from, and whether the code branch's index still tracks the working copy. */
export interface BranchVersions {
  theirs?: BranchVersion;
  base?: BranchVersion;
  tracked: boolean;
  /** The remote tip's text of each file asked for beside the backlog (undefined where it has none). */
  theirFiles: Map<string, string | undefined>;
}

/**
 * Reads the last synced commit and the remote tip, each with the backlog file in it, whether the
 * index tracks the file (`:<path>`, stage 0), and the remote tip's version of each of `files` (paths
 * on the branch), in one `git cat-file --batch` (git-cat-file(1)): each answer is
 * `<oid> <type> <size>` then the content, or `<name> missing`.
 */
export async function readVersions(
  repo: BacklogRepository,
  tracking: string | undefined,
  base: string,
  reader: PreparedGit = repo.git.prepare(CAT_FILE),
  files: readonly string[] = [],
): Promise<BranchVersions> {
  const names = [`:${repo.relativePath}`, base, `${base}:${repo.relativePath}`, ...(tracking ? [tracking, `${tracking}:${repo.relativePath}`, ...files.map((file) => `${tracking}:${file}`)] : [])];
  const answers = parseBatch(await reader.run(`${names.join('\n')}\n`), names.length);
  const version = (i: number): BranchVersion | undefined => (answers[i] ? { commit: answers[i].oid, text: answers[i + 1]?.content.toString('utf8') } : undefined);
  const theirFiles = new Map(files.map((file, i) => [file, tracking ? answers[5 + i]?.content.toString('utf8') : undefined]));
  return { tracked: answers[0] !== undefined, base: version(1), theirs: tracking ? version(3) : undefined, theirFiles };
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

/** Who a commit names, as git-fast-import(1) reads it: `Name <email> <seconds since the epoch> <+hhmm>`. */
export type Ident = string;

/** A C-style quoted path, which git-fast-import(1) accepts everywhere and needs for a leading quote or a line feed. */
function quotedPath(file: string): string {
  return `"${file.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
}

/**
 * Writes one commit on top of `parent` (an orphan when undefined) whose tree is the parent's with
 * `files` (path → content) put in, with one git-fast-import(1): blobs, trees and the commit in one
 * process, without an index, so the person's index and its lock are never used. fast-import must name
 * a ref to update; it is `scratch`, a private one the caller deletes. `writer` is a prepared `FAST_IMPORT`.
 * Resolves with the commit id; rejects when git fails or writes no commit.
 */
export async function writeCommit(writer: PreparedGit, scratch: string, parent: string | undefined, files: Map<string, string>, message: string, ident: Ident): Promise<string> {
  const stream = [
    `commit ${scratch}\n`,
    'mark :1\n',
    `author ${ident}\n`,
    `committer ${ident}\n`,
    data(message),
    parent ? `from ${parent}\n` : '',
    ...[...files].map(([file, text]) => `M 100644 inline ${quotedPath(file)}\n${data(text)}`),
    '\n',
    'get-mark :1\n',
    'done\n',
  ].join('');
  const commit = (await writer.run(stream)).toString('utf8').trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`git fast-import wrote no commit: ${commit}`);
  return commit;
}
