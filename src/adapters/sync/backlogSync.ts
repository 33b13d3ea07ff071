/**
 * Sync over the backlog branch: fetch the branch into a private ref, merge base, working copy and remote
 * tip semantically, build one commit on top of the remote tip with git's plumbing, push it as a
 * fast-forward, then replace the working copy. Files waiting in the outbox (branchOutbox.ts), such as
 * saved retro summaries, go into the same commit. It never touches the checked-out branch, HEAD, the index
 * or any file but the working copy, so it works the same from any branch, a detached HEAD, or in the
 * middle of a merge or rebase.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { MergeConflict } from '../../core/merge/merge';
import type { SyncMessage } from '../../core/text/messages';
import { baseRef, branchHostFiles, branchReadme, commitMessage, isValidBranchName, neutralIdent, scratchRef, trackingRef, type ChangeCount, type SyncSettings } from '../../core/sync/backlogBranch';
import { classifyGitReply } from '../../core/sync/gitReply';
import { mergeForSync, type SyncMergeResult, type SyncNote } from '../../core/sync/syncMerge';
import { GitRunner, gitOutput, type PreparedGit } from './gitRunner';
import { chooseRemote, excludeWorkingCopy, isSshUrl, lastLine, openRepository, untrackFromCodeBranch, type BacklogRepository } from './repository';
import { lockSync } from './syncLock';
import { remoteStop, SyncStop, type BranchPlace, type SyncStopReason } from './syncStop';
import { readWorkingCopy, replaceWorkingCopyFile, type ReplaceWorkingCopy } from './workingCopy';
import { CAT_FILE, FAST_IMPORT, fetchBranch, readVersions, writeCommit, type BranchVersions } from './plumbing';
import { clearOutbox, readOutbox } from './branchOutbox';

export interface BacklogSyncOptions extends SyncSettings {
  /** Absolute path of the working copy. */
  file: string;
  /** A person started this sync: their credential helper's or askpass program's prompts may appear. Background syncs never prompt. */
  interactive: boolean;
  /** The person runs this in a terminal, where git itself may ask for a password; never in the editor, which has none. */
  terminal?: boolean;
  /**
   * Asked before a push that creates the branch on the remote; absent, a sync never creates it (a
   * background sync). Resolving false stops with `cancelled`.
   */
  confirmCreate?: (place: BranchPlace) => Promise<boolean>;
  /**
   * Asked when the checked-out branch still tracks the working copy (set up before the backlog had a
   * branch of its own). Resolving true moves it: after the sync, it is unstaged (`git rm --cached`) for
   * the person to commit. Absent or false stops with `tracked`.
   */
  confirmMove?: (place: BranchPlace & { relativePath: string }) => Promise<boolean>;
  /** Replaces the working copy after the merge; by default, an atomic write of the file. */
  replaceWorkingCopy?: ReplaceWorkingCopy;
  /** Pushes that lose a race are merged again and retried, this many times in all. */
  maxAttempts?: number;
}

export type BacklogSyncOutcome =
  | {
      ok: true;
      remote: string;
      /** Where the remote points, as git's config holds it (may carry credentials: show it through remoteLabel). */
      url: string;
      branch: string;
      /** A commit went to the remote. */
      pushed: boolean;
      /** This sync created the branch on the remote. */
      created: boolean;
      /** Teammates' changes reached the working copy. */
      received: boolean;
      /** The working copy was unstaged from the code branch, for the person to commit. */
      moved: boolean;
      /** Outbox files (paths on the branch) that are on the branch now, sorted: this sync took them there, or found them there already. */
      shared: string[];
      /** Concurrent edits of one field: the later was kept, the other went to the entry's history. */
      conflicts: MergeConflict[];
      notes: SyncNote[];
      attempts: number;
    }
  | { ok: false; reason: SyncStopReason; message: SyncMessage; remote?: string; branch: string; remoteLines?: string[] };

const DEFAULT_ATTEMPTS = 8;

/** Full jitter (delay drawn from 0 to an exponential cap), so clones that raced do not race again in step. */
function backoff(attempt: number, throttled: boolean): Promise<void> {
  const cap = throttled ? Math.min(30_000, 2000 * 2 ** attempt) : Math.min(2000, 50 * 2 ** attempt);
  return sleep(Math.random() * cap);
}

/**
 * Shares the working copy through the backlog branch and brings in teammates' changes. Never throws:
 * every stop comes back as `{ ok: false }` with a message that names the branch and remote and says what
 * to do, and with the working copy and the last synced state as they were.
 */
export async function syncBacklog(options: BacklogSyncOptions): Promise<BacklogSyncOutcome> {
  const { branch } = options;
  let remote: string | undefined;
  try {
    if (!isValidBranchName(branch)) {
      throw new SyncStop('bad-setting', { code: 'sync.badBranch', branch });
    }
    const repo = await openRepository(options.file);
    const chosen = chooseRemote(repo, options.remote, branch);
    remote = chosen.name;
    const place: BranchPlace = { remote: chosen.name, url: chosen.url, branch };
    await excludeWorkingCopy(repo);
    const release = await lockSync(repo.gitDir);
    try {
      return await syncLocked(repo, place, options);
    } finally {
      await release();
    }
  } catch (error) {
    if (error instanceof SyncStop) {
      return { ok: false, reason: error.reason, message: error.text, branch, remote: error.place.remote ?? remote, remoteLines: error.place.remoteLines };
    }
    return { ok: false, reason: 'failed', message: { code: 'sync.failed', branch, detail: lastLine(gitOutput(error)) }, branch, remote };
  }
}

/**
 * Asks whether to move a working copy that the checked-out branch still tracks (set up before the
 * backlog had a branch of its own); stops with `tracked` unless the person agrees.
 */
async function agreeToMove(repo: BacklogRepository, place: BranchPlace, options: BacklogSyncOptions): Promise<true> {
  if (await options.confirmMove?.({ ...place, relativePath: repo.relativePath })) return true;
  throw new SyncStop(
    'tracked',
    { code: 'sync.tracked', relativePath: repo.relativePath, remote: place.remote, branch: place.branch },
    place,
  );
}

/** What stays the same across the attempts of one sync: where the backlog lives, and how to reach it. */
interface SyncRun {
  repo: BacklogRepository;
  place: BranchPlace;
  options: BacklogSyncOptions;
  /** Runs the commands that talk to the remote. */
  net: GitRunner;
  /** The remote branch as last fetched, the last synced state, and where a commit is built. */
  refs: { tracking: string; base: string; scratch: string };
  workingCopy: string;
  replace: ReplaceWorkingCopy;
  maxAttempts: number;
}

/** Local git commands started while a fetch or push waits on the network; cancelled when an attempt ends unused. */
interface AheadCommands {
  reader?: PreparedGit;
  writer?: PreparedGit;
  refs?: PreparedGit;
}

/** What earlier attempts of the same sync did, reported once it succeeds. */
interface SyncProgress {
  created: boolean;
  pushed: boolean;
  moved: boolean;
}

type SyncDone = Extract<BacklogSyncOutcome, { ok: true }>;

/** A merge that went through, with text to share. */
type Merged = Extract<SyncMergeResult, { ok: true }> & { text: string };

async function syncLocked(repo: BacklogRepository, place: BranchPlace, options: BacklogSyncOptions): Promise<SyncDone> {
  const run: SyncRun = {
    repo,
    place,
    options,
    net: new GitRunner({ cwd: repo.top, interactive: options.interactive, terminal: options.terminal, batchSsh: isSshUrl(place.url) }),
    refs: {
      tracking: trackingRef(place.remote, place.branch),
      base: baseRef(place.remote, place.branch, repo.relativePath),
      scratch: scratchRef(place.remote, place.branch, repo.relativePath),
    },
    workingCopy: `${repo.top}/${repo.relativePath}`,
    replace: options.replaceWorkingCopy ?? replaceWorkingCopyFile(`${repo.top}/${repo.relativePath}`),
    maxAttempts: options.maxAttempts ?? DEFAULT_ATTEMPTS,
  };
  const progress: SyncProgress = { created: false, pushed: false, moved: false };
  for (let attempt = 1; ; attempt++) {
    const ahead: AheadCommands = {};
    try {
      const done = await attemptSync(run, progress, attempt, ahead);
      if (done) return done;
    } finally {
      ahead.reader?.cancel();
      ahead.writer?.cancel();
      ahead.refs?.cancel();
    }
  }
}

/**
 * One attempt: fetch, merge, commit and push when the remote lacks something, write the merge back,
 * record it as synced. Resolves undefined when a retry may succeed (a push lost a race, or the working
 * copy changed meanwhile); stops when out of attempts.
 */
async function attemptSync(run: SyncRun, progress: SyncProgress, attempt: number, ahead: AheadCommands): Promise<SyncDone | undefined> {
  const { repo, place, maxAttempts } = run;
  const { remote, url, branch } = place;
  const outbox = await readOutbox(repo);
  const { fetched, versions } = await fetchVersions(run, ahead, [...outbox.keys()]);
  progress.moved ||= versions.tracked && (await agreeToMove(repo, place, run.options));
  const ours = await readWorkingCopy(run.workingCopy);
  const merged = mergeOrStop(run, versions.base?.text, ours, versions.theirs?.text);
  const files = new Map([...outbox].filter(([file, text]) => versions.theirFiles.get(file) !== text));
  let commit = versions.theirs?.commit;
  if (versions.theirs === undefined || merged.text !== versions.theirs.text || files.size > 0) {
    if (!fetched) await agreeToCreate(run);
    const backlogChanged = versions.theirs === undefined || merged.text !== versions.theirs.text;
    const message = commitMessageWithFiles(repo.relativePath, backlogChanged ? merged.changes : null, files, versions.theirFiles);
    commit = await commitBacklog(repo, run.options, ahead.writer as PreparedGit, run.refs.scratch, versions.theirs?.commit, merged.text, files, message);
    const refused = await pushAhead(run, commit, ahead);
    if (refused) {
      if (attempt >= maxAttempts) {
        throw new SyncStop('rejected', { code: 'sync.lostRaces', remote, branch, attempts: attempt }, { remote, branch });
      }
      await backoff(attempt, refused === 'throttled');
      return undefined;
    }
    progress.created ||= !fetched;
    progress.pushed = true;
  }
  const written = await writeBack(run, ours, merged.text, attempt);
  if (written === undefined) return undefined;
  await recordSynced(run, commit as string, ahead);
  if (progress.moved) await untrackFromCodeBranch(repo);
  await clearOutbox(repo, outbox);
  const { created, pushed, moved } = progress;
  const shared = [...outbox.keys()].sort();
  return { ok: true, remote, url, branch, pushed, created, received: written === 'written', moved, shared, conflicts: merged.conflicts, notes: merged.notes, attempts: attempt };
}

/** Fetches the branch and reads the three versions, and the remote's version of each of `files`; the local readers start while the fetch waits on the network. */
async function fetchVersions(run: SyncRun, ahead: AheadCommands, files: readonly string[]): Promise<{ fetched: boolean; versions: BranchVersions }> {
  const { repo, refs } = run;
  const fetched = await alongside(fetchBranch(run.net, run.place, refs.tracking), () => {
    ahead.reader = repo.git.prepare(CAT_FILE);
    ahead.writer = repo.git.prepare(FAST_IMPORT);
  });
  const versions = await readVersions(repo, fetched ? refs.tracking : undefined, refs.base, ahead.reader, files);
  return { fetched, versions };
}

/** Merges base, working copy and remote file; stops when one of the two sides cannot be read, or there is no backlog at all. */
function mergeOrStop(run: SyncRun, base: string | undefined, ours: string | undefined, theirs: string | undefined): Merged {
  const { repo } = run;
  const { remote, branch } = run.place;
  const merged = mergeForSync(base, ours, theirs);
  if (!merged.ok) {
    throw merged.side === 'ours'
      ? new SyncStop('unreadable', { code: 'sync.unreadable', relativePath: repo.relativePath, line: merged.line, column: merged.column, problem: merged.message, remote, branch }, { remote, branch })
      : new SyncStop('remote-unreadable', { code: 'sync.remoteUnreadable', relativePath: repo.relativePath, line: merged.line, column: merged.column, problem: merged.message, remote, branch }, { remote, branch });
  }
  if (merged.text === undefined) {
    throw new SyncStop('no-backlog', { code: 'sync.noBacklog', relativePath: repo.relativePath, remote, branch }, { remote, branch });
  }
  return merged as Merged;
}

/** The remote has no backlog branch yet: only a person who agrees creates it; a background sync never does. */
async function agreeToCreate(run: SyncRun): Promise<void> {
  const { remote, branch } = run.place;
  const { confirmCreate } = run.options;
  if (!confirmCreate) {
    throw new SyncStop('not-shared', { code: 'sync.notShared', remote, branch }, { remote, branch });
  }
  if (!(await confirmCreate(run.place))) {
    throw new SyncStop('cancelled', { code: 'sync.cancelled', remote, branch }, { remote, branch });
  }
}

/** Pushes the commit; the ref update that records the sync starts while the push waits on the network. */
function pushAhead(run: SyncRun, commit: string, ahead: AheadCommands): Promise<'race' | 'throttled' | undefined> {
  return alongside(push(run.net, run.place, commit), () => {
    ahead.refs = run.repo.git.prepare(UPDATE_REF);
  });
}

/**
 * Replaces the working copy with the merge. Resolves undefined when an edit arrived during the sync:
 * the caller merges again from the same base, so the edit is kept, not overwritten.
 */
async function writeBack(run: SyncRun, ours: string | undefined, text: string, attempt: number): Promise<'written' | 'unchanged' | undefined> {
  const result = await run.replace(ours, text);
  if (result !== 'changed-meanwhile') return result;
  if (attempt >= run.maxAttempts) {
    const { remote, branch } = run.place;
    throw new SyncStop('rejected', { code: 'sync.keptChanging', relativePath: run.repo.relativePath }, { remote, branch });
  }
  return undefined;
}

/** Records `commit` as both the fetched remote branch and the last synced state, and drops the scratch ref, in one transaction. */
async function recordSynced(run: SyncRun, commit: string, ahead: AheadCommands): Promise<void> {
  const { tracking, base, scratch } = run.refs;
  await (ahead.refs ?? run.repo.git.prepare(UPDATE_REF)).run(`start\nupdate ${tracking} ${commit}\nupdate ${base} ${commit}\ndelete ${scratch}\ncommit\n`);
}

const UPDATE_REF = ['update-ref', '--stdin'];

/**
 * Waits for `waited` (a fetch or push) and meanwhile starts the local commands that come after it. They
 * start one event-loop turn later, once `waited` has spawned its git: a spawn blocks the loop, so started
 * first they would delay the network command instead of overlapping it.
 */
async function alongside<T>(waited: Promise<T>, start: () => void): Promise<T> {
  // Handled here too, so a rejection during that turn is not reported as unhandled.
  waited.catch(() => undefined);
  await nextTurn();
  start();
  return waited;
}

/**
 * The commit message: the backlog's change in counts (`changes` null when the backlog is as on the
 * branch), then each outbox file added or updated, by its path on the branch.
 */
function commitMessageWithFiles(relativePath: string, changes: ChangeCount | undefined | null, files: Map<string, string>, theirFiles: Map<string, string | undefined>): string {
  const added = [...files.keys()].filter((file) => theirFiles.get(file) === undefined).sort();
  const updated = [...files.keys()].filter((file) => theirFiles.get(file) !== undefined).sort();
  const parts = [added.length > 0 ? `add ${added.join(', ')}` : '', updated.length > 0 ? `update ${updated.join(', ')}` : ''].filter(Boolean).join('; ');
  if (changes === null) return parts.charAt(0).toUpperCase() + parts.slice(1);
  const message = commitMessage(relativePath, changes);
  return parts === '' ? message : `${message}; ${parts}`;
}

/** Builds the commit on top of `parent` (a new orphan branch when undefined) that holds `text` at the working copy's path, and `extra` (branch path → text) beside it. */
async function commitBacklog(repo: BacklogRepository, options: BacklogSyncOptions, writer: PreparedGit, scratch: string, parent: string | undefined, text: string, extra: Map<string, string>, message: string): Promise<string> {
  const files = new Map<string, string>(extra);
  files.set(repo.relativePath, text);
  if (!parent) {
    files.set('README.md', branchReadme(options.branch));
    for (const [name, content] of Object.entries(branchHostFiles())) files.set(name, content);
  }
  if (options.commitAs === 'neutral') {
    return writeCommit(writer, scratch, parent, files, message, neutralIdent(new Date()));
  }
  try {
    const ident = (await repo.git.run(['var', 'GIT_AUTHOR_IDENT'])).trim();
    const commit = await writeCommit(writer, scratch, parent, files, message, ident);
    // fast-import cannot sign; a person who signs their commits (commit.gpgSign) gets the same tree signed by commit-tree.
    const sign = (await repo.git.run(['config', '--bool', 'commit.gpgSign']).catch(() => '')).trim() === 'true';
    return sign ? (await repo.git.run(['commit-tree', `${commit}^{tree}`, ...(parent ? ['-p', parent] : []), '-m', message, '-S'])).trim() : commit;
  } catch (error) {
    throw new SyncStop('failed', { code: 'sync.commitAsMe', branch: options.branch, detail: lastLine(gitOutput(error)) }, { branch: options.branch });
  }
}

/** Pushes `commit` as a fast-forward of the backlog branch. Resolves with `race` or `throttled` when a retry may succeed, undefined on success; stops otherwise. */
async function push(git: GitRunner, place: BranchPlace, commit: string): Promise<'race' | 'throttled' | undefined> {
  const { remote, branch } = place;
  try {
    // --no-verify: the person's pre-push hooks are for their code; the server's own rules still apply.
    await git.remote(['push', '--porcelain', '--no-verify', remote, `${commit}:refs/heads/${branch}`]);
    return undefined;
  } catch (error) {
    const reply = classifyGitReply(gitOutput(error));
    if (reply.kind === 'race' || reply.kind === 'throttled') return reply.kind;
    throw remoteStop(reply, place, 'push to');
  }
}
