import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { mergeBacklogTexts, type MergeConflict } from '../core/merge';
import { parseBacklog } from '../core/parse';

export type SyncFailure =
  | 'no-git'
  | 'not-a-repo'
  | 'detached'
  | 'in-progress'
  | 'no-remote'
  | 'no-upstream'
  | 'unreadable'
  | 'staged-changes'
  | 'other-conflicts'
  | 'offline'
  | 'auth'
  | 'rejected'
  | 'failed';

export type SyncOutcome =
  | { ok: true; committed: boolean; pulled: boolean; pushed: boolean; merged: MergeConflict[]; attempts: number }
  | { ok: false; reason: SyncFailure; message: string; committed: boolean };

export interface SyncOptions {
  /** Absolute path of the backlog file. */
  file: string;
  message?: string;
  /** How many times a push that lost a race is retried after merging again. */
  maxAttempts?: number;
}

class SyncStop extends Error {
  constructor(
    readonly reason: SyncFailure,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE = /could not resolve host|failed to connect|couldn't connect|connection refused|network is unreachable|timed out|unable to access|could not read from remote repository/i;
const AUTH = /authentication failed|permission denied|could not read username|terminal prompts disabled|403|401/i;
const REJECTED = /\[rejected\]|non-fast-forward|fetch first|failed to push some refs/i;

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns git's words into a reason a person can act on. Auth is checked first: its messages also say "could not read". */
function classifyRemote(error: unknown, action: string): SyncStop {
  const detail = text(error).trim().split('\n').slice(-3).join(' ');
  if (AUTH.test(detail)) {
    return new SyncStop('auth', `git could not authenticate to ${action}. Check your credentials for the remote, then sync again. (${detail})`);
  }
  if (OFFLINE.test(detail)) {
    return new SyncStop('offline', `The remote cannot be reached to ${action}; you may be offline. Your backlog is committed locally and will go out with the next sync. (${detail})`);
  }
  return new SyncStop('failed', `git failed to ${action}: ${detail}`);
}

async function stage(git: SimpleGit, rev: string): Promise<string | undefined> {
  try {
    return await git.show([rev]);
  } catch {
    return undefined;
  }
}

/**
 * Commits only the backlog file, fetches, merges the upstream (resolving a conflict in the backlog
 * semantically from git's index stages), and pushes, retrying when the push loses a race. Any other
 * situation stops cleanly with the repository as it was, apart from the local commit of the backlog.
 */
export async function syncBacklog({ file, message, maxAttempts = 3 }: SyncOptions): Promise<SyncOutcome> {
  let committed = false;
  // simple-git drops ambient GIT_* variables and editors; every command here passes --no-edit instead.
  const git = simpleGit({ baseDir: path.dirname(file), timeout: { block: 60000 } });
  try {
    try {
      await git.raw(['--version']);
    } catch (error) {
      throw new SyncStop('no-git', `git is not installed or not on the PATH, so the backlog cannot be synced. (${text(error)})`);
    }
    const root = (await git.raw(['rev-parse', '--show-toplevel']).catch(() => '')).trim();
    if (!root) {
      throw new SyncStop('not-a-repo', `${path.dirname(file)} is not in a git repository. Initialise one and add a remote to share the backlog.`);
    }
    const relative = path.relative(root, file).split(path.sep).join('/');
    const gitDir = (await git.raw(['rev-parse', '--absolute-git-dir'])).trim();
    const branch = (await git.raw(['symbolic-ref', '-q', '--short', 'HEAD']).catch(() => '')).trim();
    if (!branch) {
      throw new SyncStop('detached', 'HEAD is detached (no branch is checked out). Check out a branch, then sync.');
    }
    for (const marker of ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) {
      if (existsSync(path.join(gitDir, marker))) {
        throw new SyncStop('in-progress', `A ${marker.startsWith('rebase') ? 'rebase' : marker === 'MERGE_HEAD' ? 'merge' : 'cherry-pick or revert'} is in progress. Finish or abort it, then sync.`);
      }
    }
    const remotes = await git.getRemotes();
    if (remotes.length === 0) {
      throw new SyncStop('no-remote', 'This repository has no remote, so there is nobody to sync with. Add one with `git remote add origin <url>`.');
    }
    const upstream = (await git.raw(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']).catch(() => '')).trim();
    if (!upstream) {
      throw new SyncStop('no-upstream', `Branch ${branch} has no upstream. Push it once with \`git push -u <remote> ${branch}\`, then sync.`);
    }
    const remote = upstream.slice(0, upstream.indexOf('/'));

    if (existsSync(file)) {
      const parsed = parseBacklog(await readFile(file, 'utf8'));
      if (!parsed.ok) {
        throw new SyncStop('unreadable', `${relative} cannot be read (line ${parsed.problem.line}, column ${parsed.problem.column}: ${parsed.problem.message}), so it is not committed.`);
      }
      const status = (await git.raw(['status', '--porcelain', '--', relative])).trim();
      if (status) {
        await git.raw(['add', '--', relative]);
        // --only: the user's other staged and unstaged work stays exactly as it was.
        await git.raw(['commit', '--only', '--no-verify', '-m', message ?? `Update ${relative} (Stupid Work)`, '--', relative]);
        committed = true;
      }
    }

    let pulled = false;
    const merged: MergeConflict[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        await git.fetch(remote);
      } catch (error) {
        throw classifyRemote(error, 'fetch');
      }
      const behind = Number((await git.raw(['rev-list', '--count', 'HEAD..@{u}'])).trim());
      if (behind > 0) {
        const staged = (await git.raw(['diff', '--cached', '--name-only'])).trim();
        if (staged) {
          throw new SyncStop('staged-changes', `Teammates' changes must be merged, but you have staged changes (${staged.split('\n').join(', ')}). Commit or unstage them, then sync.`);
        }
        merged.push(...(await integrate(git, relative, root, await prefersRebase(git))));
        pulled = true;
      }
      const ahead = Number((await git.raw(['rev-list', '--count', '@{u}..HEAD'])).trim());
      if (ahead === 0) {
        return { ok: true, committed, pulled, pushed: false, merged, attempts: attempt };
      }
      try {
        await git.raw(['push', '--no-verify', remote, `HEAD:${upstream.slice(remote.length + 1)}`]);
        return { ok: true, committed, pulled, pushed: true, merged, attempts: attempt };
      } catch (error) {
        if (!REJECTED.test(text(error))) {
          throw classifyRemote(error, 'push');
        }
        if (attempt >= maxAttempts) {
          throw new SyncStop('rejected', `The remote rejected the push ${attempt} times while teammates kept pushing. Your backlog is committed locally; sync again in a moment. (${text(error).trim().split('\n').pop() ?? ''})`);
        }
      }
    }
  } catch (error) {
    if (error instanceof SyncStop) {
      return { ok: false, reason: error.reason, message: error.message, committed };
    }
    return { ok: false, reason: 'failed', message: `Sync failed: ${text(error)}`, committed };
  }
}

/**
 * Follows the user's `pull.rebase` where that is safe: a rebase needs a clean working tree, so with
 * uncommitted work in other files the upstream is merged instead, which leaves that work untouched.
 */
async function prefersRebase(git: SimpleGit): Promise<boolean> {
  const setting = (await git.raw(['config', '--get', 'pull.rebase']).catch(() => '')).trim();
  if (setting !== 'true' && setting !== 'merges') {
    return false;
  }
  return (await git.raw(['status', '--porcelain', '--untracked-files=no'])).trim() === '';
}

async function conflictedFiles(git: SimpleGit): Promise<string[]> {
  return (await git.raw(['diff', '--name-only', '--diff-filter=U'])).trim().split('\n').filter(Boolean);
}

/** Resolves a conflict confined to the backlog from git's index stages; anything else is for a person. */
async function resolveFromStages(git: SimpleGit, relative: string, root: string, abort: string[]): Promise<MergeConflict[]> {
  const conflicted = await conflictedFiles(git);
  const others = conflicted.filter((name) => name !== relative);
  if (others.length > 0) {
    await git.raw(abort);
    throw new SyncStop('other-conflicts', `Teammates' changes conflict with yours in ${others.join(', ')}. The ${abort[0]} was aborted and nothing was changed; merge those files yourself, then sync.`);
  }
  const [base, ours, theirs] = await Promise.all([stage(git, `:1:${relative}`), stage(git, `:2:${relative}`), stage(git, `:3:${relative}`)]);
  const result = mergeBacklogTexts(base, ours ?? '', theirs ?? '');
  if (!result.ok) {
    await git.raw(abort);
    throw new SyncStop('unreadable', `The backlog could not be merged because one version cannot be read (${result.message}). The ${abort[0]} was aborted.`);
  }
  await writeFile(path.join(root, relative), result.text);
  await git.raw(['add', '--', relative]);
  return result.conflicts;
}

/** Brings in the upstream by merge or rebase. git reports conflicts on stdout, so the index is checked, not the exit alone. */
async function integrate(git: SimpleGit, relative: string, root: string, rebase: boolean): Promise<MergeConflict[]> {
  const abort = rebase ? ['rebase', '--abort'] : ['merge', '--abort'];
  let failure: unknown;
  try {
    await git.raw(rebase ? ['rebase', '@{u}'] : ['merge', '--no-edit', '--no-verify', '@{u}']);
  } catch (error) {
    failure = error;
  }
  const merged: MergeConflict[] = [];
  // A rebase replays one local commit at a time, and each may stop on the backlog.
  for (let step = 0; step < 1000; step++) {
    if ((await conflictedFiles(git)).length === 0) {
      if (failure === undefined) {
        return merged;
      }
      await git.raw(abort).catch(() => undefined);
      throw new SyncStop('failed', `git could not bring in teammates' changes: ${text(failure).trim().split('\n').slice(-2).join(' ')}. Nothing was changed.`);
    }
    merged.push(...(await resolveFromStages(git, relative, root, abort)));
    failure = undefined;
    try {
      // Committing first (with the message git prepared) lets a rebase continue without an editor.
      await git.raw(['commit', '--no-edit', '--no-verify']);
      if (rebase) {
        await git.raw(['rebase', '--continue']);
      }
    } catch (error) {
      failure = error;
    }
  }
  await git.raw(abort).catch(() => undefined);
  throw new SyncStop('failed', 'The rebase did not finish. It was aborted and nothing was changed.');
}

/**
 * Fetches quietly and tells how far the backlog's branch is behind its upstream, for the status bar.
 * Undefined when that cannot be known (no upstream, offline, …); a sync explains those cases.
 */
export async function commitsBehind(file: string): Promise<number | undefined> {
  const git = simpleGit({ baseDir: path.dirname(file), timeout: { block: 60000 } });
  try {
    const upstream = (await git.raw(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}'])).trim();
    await git.fetch(upstream.slice(0, upstream.indexOf('/')));
    const relative = path.relative((await git.raw(['rev-parse', '--show-toplevel'])).trim(), file).split(path.sep).join('/');
    return Number((await git.raw(['rev-list', '--count', 'HEAD..@{u}', '--', relative])).trim());
  } catch {
    return undefined;
  }
}
