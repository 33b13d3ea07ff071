/**
 * What follows a command's write, by the editor's rule (`savesGoOut`): with `stupidWork.sync.auto` on,
 * the change goes out at once through a sync of the backlog branch; a backlog that is not shared yet
 * stays local, as it does in the editor, until someone runs `stupid-work sync --yes`.
 */
import { excludeBacklogFile } from '../adapters/sync/backlogStatus';
import { syncBacklog } from '../adapters/sync/backlogSync';
import type { SyncStopReason } from '../adapters/sync/syncStop';
import { savesGoOut } from '../core/sync/syncSchedule';
import { english } from '../core/text/english';
import { EXIT_CODES } from './cliErrors';
import { settingOf, type CliTarget } from './cliTarget';

/** Stops that mean the backlog is not shared (yet), not that sharing failed. */
const LOCAL_ONLY: readonly SyncStopReason[] = ['not-a-repo', 'no-remote', 'not-shared', 'no-git'];

/**
 * Keeps a new backlog file out of `git status`, then syncs when the rule says so and `sync` (the
 * `--no-sync` flag turns it off) agrees. Says on stderr what happened when it is not plain success, and
 * sets exit code 3 when the sync stopped on a shared backlog: the change is saved here, not yet out.
 */
export async function afterWrite(target: CliTarget, sync: boolean): Promise<void> {
  await excludeBacklogFile(target.file);
  if (!sync || !savesGoOut({ auto: settingOf(target, 'stupidWork.sync.auto', true) })) return;
  const outcome = await syncBacklog({ file: target.file, ...target.settings, interactive: Boolean(process.stdin.isTTY), terminal: Boolean(process.stdin.isTTY) });
  if (outcome.ok) return;
  if (LOCAL_ONLY.includes(outcome.reason)) {
    process.stderr.write(`stupid-work: saved here only: ${english(outcome.message)}\n`);
    return;
  }
  process.stderr.write(`stupid-work: saved here, but not shared yet: ${english(outcome.message)}\n`);
  process.exitCode = EXIT_CODES.notShared;
}
