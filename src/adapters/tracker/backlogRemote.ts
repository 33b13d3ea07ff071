/** The URL of the remote the backlog is shared through, as Sync chooses it, for finding the team's issue tracker. */
import type { Message } from '../../core/text/messages';
import { chooseRemote, openRepository } from '../sync/repository';
import { SyncStop } from '../sync/syncStop';

export type RemoteLookup = { ok: true; remote: string; url: string } | { ok: false; message: Message };

/**
 * The backlog remote of the working copy `file`: the one named in `remote` (the `stupidWork.sync.remote`
 * setting), else the only remote, else `origin`, as Sync picks it (`chooseRemote`). Reads the
 * repository's config only; nothing is fetched. A stop (no git, no repository, no remote) comes back
 * as its message. Runs git, so the caller checks workspace trust first.
 */
export async function backlogRemote(file: string, remote: string | undefined, branch: string): Promise<RemoteLookup> {
  try {
    const repo = await openRepository(file);
    const chosen = chooseRemote(repo, remote, branch);
    return { ok: true, remote: chosen.name, url: chosen.url };
  } catch (error) {
    if (error instanceof SyncStop) return { ok: false, message: error.text };
    throw error;
  }
}
