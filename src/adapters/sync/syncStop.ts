import type { GitReply } from '../../core/sync/gitReply';

/**
 * Why a sync stopped. Each comes with a message for people that names the branch and remote where they
 * are known and says what to do; the working copy and the last synced state are kept in every case.
 */
export type SyncStopReason =
  | 'no-git'
  | 'not-a-repo'
  | 'no-remote'
  | 'bad-setting'
  | 'unreadable'
  | 'remote-unreadable'
  | 'not-shared'
  | 'no-backlog'
  | 'cancelled'
  | 'tracked'
  | 'busy'
  | 'offline'
  | 'auth'
  | 'refused'
  | 'throttled'
  | 'no-repository'
  | 'rejected'
  | 'failed';

/** Where the stop happened, when it is known. */
export interface SyncPlace {
  remote?: string;
  branch?: string;
  /** The server's own `remote:` lines, as sent. */
  remoteLines?: string[];
}

/** Thrown inside a sync and turned into its outcome; the message is for people. */
export class SyncStop extends Error {
  constructor(
    readonly reason: SyncStopReason,
    message: string,
    readonly place: SyncPlace = {},
  ) {
    super(message);
  }
}

/** git could not be started at all. */
export function gitMissingStop(): SyncStop {
  return new SyncStop('no-git', 'git is not installed or not on the PATH, so the backlog cannot be shared. Install git, then sync again.');
}

/** Where a backlog branch is, or would go: for the messages, and the question asked before creating it. */
export interface BranchPlace {
  remote: string;
  url: string;
  branch: string;
}

/** Turns a failed fetch or push into a stop that names the branch and remote and says what to do. */
export function remoteStop(reply: GitReply, place: BranchPlace, action: 'push to' | 'fetch'): SyncStop {
  const { remote, branch } = place;
  const said = reply.remoteLines.length > 0 ? ` The server said: ${reply.remoteLines.join(' ')}` : reply.summary ? ` (git: ${reply.summary})` : '';
  const where = { remote, branch, remoteLines: reply.remoteLines };
  switch (reply.kind) {
    case 'refused':
      return new SyncStop(
        'refused',
        `${remote} refused the push to the branch ${branch}: a rule, hook or permission on the server does not allow it, and retrying will not help.${said}${
          reply.aboutIdentity ? ' The server checks who made the commit: set stupidWork.sync.commitAs to "me" so backlog commits carry your own identity.' : ` Ask an admin to allow pushes to ${branch}, or choose another branch name with stupidWork.sync.branch.`
        } Your backlog is kept on this machine.`,
        where,
      );
    case 'auth':
      return new SyncStop('auth', `git could not authenticate to ${remote} (${place.url}) to ${action === 'fetch' ? 'fetch' : 'push'} the branch ${branch}. Check your credentials for that remote (for example with "git fetch ${remote}" in a terminal), then sync again.${said}`, where);
    case 'offline':
      return new SyncStop('offline', `${remote} (${place.url}) cannot be reached, so the branch ${branch} was not synced; you may be offline. Your edits are kept and go out with the next sync.${said}`, where);
    case 'throttled':
      return new SyncStop('throttled', `${remote} is limiting how often it is asked (too many requests). The branch ${branch} will be synced later; your edits are kept.${said}`, where);
    case 'no-repository':
      return new SyncStop('no-repository', `${remote} (${place.url}) has no repository there, so the branch ${branch} cannot be shared. Check the remote's URL with "git remote -v".${said}`, where);
    default:
      return new SyncStop('failed', `git could not ${action} the branch ${branch} on ${remote}.${said}`, where);
  }
}
