import type { GitReply } from '../../core/sync/gitReply';
import type { GitSaid, SyncMessage } from '../../core/text/messages';

/**
 * Why a sync stopped. Each comes with a message for people (a code the UI renders) that names the branch and remote where they
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

/** Thrown inside a sync and turned into its outcome; `text` is for people, the Error's own message is its code. */
export class SyncStop extends Error {
  constructor(
    readonly reason: SyncStopReason,
    readonly text: SyncMessage,
    readonly place: SyncPlace = {},
  ) {
    super(text.code);
  }
}

/** git could not be started at all. */
export function gitMissingStop(): SyncStop {
  return new SyncStop('no-git', { code: 'sync.gitMissing' });
}

/** Where a backlog branch is, or would go: for the messages, and the question asked before creating it. */
export interface BranchPlace {
  remote: string;
  url: string;
  branch: string;
}

/** Turns a failed fetch or push into a stop that names the branch and remote and says what to do. */
export function remoteStop(reply: GitReply, place: BranchPlace, action: 'push to' | 'fetch'): SyncStop {
  const { remote, branch, url } = place;
  const said: GitSaid = reply.remoteLines.length > 0 ? { code: 'said.server', lines: reply.remoteLines.join(' ') } : reply.summary ? { code: 'said.git', summary: reply.summary } : { code: 'said.nothing' };
  const where = { remote, branch, remoteLines: reply.remoteLines };
  const verb = action === 'fetch' ? 'fetch' : 'push';
  switch (reply.kind) {
    case 'refused':
      return new SyncStop('refused', { code: 'sync.refused', remote, branch, said, aboutIdentity: reply.aboutIdentity }, where);
    case 'auth':
      return new SyncStop('auth', { code: 'sync.auth', remote, url, branch, action: verb, said }, where);
    case 'offline':
      return new SyncStop('offline', { code: 'sync.offline', remote, url, branch, said }, where);
    case 'throttled':
      return new SyncStop('throttled', { code: 'sync.throttled', remote, branch, said }, where);
    case 'no-repository':
      return new SyncStop('no-repository', { code: 'sync.noRepository', remote, url, branch, said }, where);
    default:
      return new SyncStop('failed', { code: 'sync.gitFailed', remote, branch, action: verb, said }, where);
  }
}
