/**
 * What the status bar says about the backlog's sync, as data: one state for all folders, the most
 * urgent first. The UI words it. Pure.
 */

/** One folder's last known sync state. `message` is a stop's one-line reason, for people; `reason` its code. */
export type FolderSyncState =
  | { kind: 'unknown' }
  | { kind: 'not-shared'; remote: string; branch: string }
  | { kind: 'changes'; outgoing: number; incoming: number }
  | { kind: 'synced'; remote: string; branch: string }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string; reason?: string };

/**
 * Exactly one of, most urgent first:
 * - `error`: a sync stopped; its one-line reason. Cleared by the next sync that succeeds.
 * - `offline`: the remote could not be reached; the last successful sync, if any.
 * - `not-shared`: the remote has no backlog branch yet.
 * - `live`: a retro runs and this window follows it live; `waiting` entries not yet out.
 * - `waiting`: `count` changed entries wait to go out.
 * - `arriving`: teammates changed `count` entries the working copy has not received yet.
 * - `in-sync`: nothing waits either way; the last successful sync, if any this session.
 */
export type SyncIndicator =
  | { kind: 'error'; message: string; lastSynced?: Date }
  | { kind: 'offline'; message: string; lastSynced?: Date }
  | { kind: 'not-shared'; remote: string; branch: string }
  | { kind: 'live'; waiting: number; lastSynced?: Date }
  | { kind: 'waiting'; count: number; lastSynced?: Date }
  | { kind: 'arriving'; count: number; lastSynced?: Date }
  | { kind: 'in-sync'; remote?: string; branch?: string; lastSynced?: Date };

/** Picks the one state to show for all folders; `lastSynced` is the latest successful sync of any folder. */
export function syncIndicator(folders: readonly FolderSyncState[], live: boolean, lastSynced: Date | undefined): SyncIndicator {
  const error = folders.find((s) => s.kind === 'error');
  if (error) return { kind: 'error', message: error.message, lastSynced };
  const offline = folders.find((s) => s.kind === 'offline');
  if (offline) return { kind: 'offline', message: offline.message, lastSynced };
  const notShared = folders.find((s) => s.kind === 'not-shared');
  if (notShared) return { kind: 'not-shared', remote: notShared.remote, branch: notShared.branch };
  let outgoing = 0;
  let incoming = 0;
  for (const s of folders) {
    if (s.kind === 'changes') {
      outgoing += s.outgoing;
      incoming += s.incoming;
    }
  }
  // During a live retro each change goes out within a second: "waiting" would only flicker.
  if (live) return { kind: 'live', waiting: outgoing, lastSynced };
  if (outgoing > 0) return { kind: 'waiting', count: outgoing, lastSynced };
  if (incoming > 0) return { kind: 'arriving', count: incoming, lastSynced };
  const synced = folders.find((s) => s.kind === 'synced');
  return synced ? { kind: 'in-sync', remote: synced.remote, branch: synced.branch, lastSynced } : { kind: 'in-sync', lastSynced };
}

/** Stops a background sync leaves to the status bar: they pass by themselves, or only mean the folder is not shared. */
const QUIET_STOPS: ReadonlySet<string> = new Set(['offline', 'throttled', 'rejected', 'busy', 'cancelled', 'not-shared', 'no-backlog', 'not-a-repo', 'no-remote', 'no-git']);

/**
 * Whether a background sync's failure deserves a notification: only the first since the last
 * success, so a stop that lasts is shown once, not at every check, and only a stop that needs the
 * person (credentials, a refusing server, an unreadable file…). `announced` says whether one was
 * already shown since the last successful sync.
 */
export function announceFailure(announced: boolean, reason: string): boolean {
  return !announced && !QUIET_STOPS.has(reason);
}

/** Stops that only mean this folder is not shared through git at all: not a failure to show in the background. */
export function meansUnshared(reason: string): boolean {
  return reason === 'not-a-repo' || reason === 'no-remote';
}
