import { countChanges } from '../../core/merge/merge';
import type { SyncMessage } from '../../core/text/messages';
import type { Backlog } from '../../core/model/model';
import { parseBacklog } from '../../core/file/parse';
import { baseRef, trackingRef, type ChangeCount, type SyncSettings } from '../../core/sync/backlogBranch';
import { GitRunner, gitOutput } from './gitRunner';
import { fetchBranch, readVersions } from './plumbing';
import { chooseRemote, excludeWorkingCopy, isSshUrl, lastLine, openRepository } from './repository';
import { SyncStop, type SyncStopReason } from './syncStop';
import { readWorkingCopy } from './workingCopy';

/**
 * - `in-sync`: the working copy and the remote branch hold what was last synced.
 * - `outgoing`: the working copy has changes the remote has not seen.
 * - `incoming`: the remote has teammates' changes the working copy has not seen.
 * - `both`: both of the above; a sync merges them.
 * - `not-shared`: the remote has no backlog branch yet.
 * - `no-backlog`: neither a working copy nor a branch exists.
 */
export type BacklogState = 'in-sync' | 'outgoing' | 'incoming' | 'both' | 'not-shared' | 'no-backlog';

export interface BacklogStatus {
  state: BacklogState;
  remote: string;
  branch: string;
  /** The working copy, relative to the repository's top level. */
  relativePath: string;
  /** Entries the working copy adds, changes and removes since the last sync. */
  outgoing: ChangeCount;
  /** Entries the remote branch adds, changes and removes since the last sync. */
  incoming: ChangeCount;
  /** Whether the remote was asked just now; otherwise `incoming` is as of the last fetch. */
  fetched: boolean;
}

export type BacklogStatusOutcome = { ok: true; status: BacklogStatus } | { ok: false; reason: SyncStopReason; message: SyncMessage };

const NONE: ChangeCount = { added: 0, changed: 0, removed: 0 };

function parsed(text: string | undefined): Backlog | undefined {
  if (text === undefined) return undefined;
  const result = parseBacklog(text);
  return result.ok ? result.backlog : undefined;
}

function any(changes: ChangeCount): boolean {
  return changes.added + changes.changed + changes.removed > 0;
}

/**
 * What a sync would do, without doing it: compares the working copy and the remote tip with the state
 * last synced. `fetch` asks the remote first (one fetch of one ref); without it, the remote is as last
 * fetched. Never prompts for credentials, never throws.
 */
export async function backlogStatus(file: string, settings: SyncSettings, fetch: boolean): Promise<BacklogStatusOutcome> {
  try {
    const repo = await openRepository(file);
    const { name: remote, url } = chooseRemote(repo, settings.remote, settings.branch);
    const tracking = trackingRef(remote, settings.branch);
    const place = { remote, url, branch: settings.branch };
    const exists = fetch
      ? await fetchBranch(new GitRunner({ cwd: repo.top, interactive: false, batchSsh: isSshUrl(url) }), place, tracking)
      : (await repo.git.run(['rev-parse', '--verify', '--quiet', tracking]).catch(() => '')).trim() !== '';
    const versions = await readVersions(repo, exists ? tracking : undefined, baseRef(remote, settings.branch, repo.relativePath));
    const oursText = await readWorkingCopy(file);
    const ours = parsed(oursText);
    if (oursText !== undefined && ours === undefined) {
      throw new SyncStop('unreadable', { code: 'sync.unreadableNeedsCheck', relativePath: repo.relativePath });
    }
    const base = parsed(versions.base?.text);
    const theirs = parsed(versions.theirs?.text);
    const outgoing = ours ? countChanges(base, ours) : NONE;
    const incoming = theirs && versions.theirs?.commit !== versions.base?.commit ? countChanges(base, theirs) : NONE;
    const state: BacklogState = !versions.theirs
      ? ours
        ? 'not-shared'
        : 'no-backlog'
      : any(outgoing)
        ? any(incoming)
          ? 'both'
          : 'outgoing'
        : any(incoming)
          ? 'incoming'
          : 'in-sync';
    return { ok: true, status: { state, remote, branch: settings.branch, relativePath: repo.relativePath, outgoing, incoming, fetched: fetch } };
  } catch (error) {
    if (error instanceof SyncStop) return { ok: false, reason: error.reason, message: error.text };
    return { ok: false, reason: 'failed', message: { code: 'sync.gitSaid', detail: lastLine(gitOutput(error)) } };
  }
}

/**
 * Whether this clone already knows of the remote's backlog branch, without asking the remote: a plain
 * clone fetched it as `refs/remotes/<remote>/<branch>`, or an earlier sync left its private ref. Lets a
 * fresh clone receive the team's backlog with no network call in repositories that have none.
 */
export async function knowsBacklogBranch(file: string, settings: SyncSettings): Promise<boolean> {
  try {
    const repo = await openRepository(file);
    const { name } = chooseRemote(repo, settings.remote, settings.branch);
    const refs = await repo.git.run(['for-each-ref', '--format=%(refname)', `refs/remotes/${name}/${settings.branch}`, trackingRef(name, settings.branch)]);
    return refs.trim() !== '';
  } catch {
    return false;
  }
}

/** Keeps a new working copy out of `git status` at once, before any sync. Resolves whether it is now excluded: false outside a repository. */
export async function excludeBacklogFile(file: string): Promise<boolean> {
  try {
    await excludeWorkingCopy(await openRepository(file));
    return true;
  } catch {
    return false;
  }
}
