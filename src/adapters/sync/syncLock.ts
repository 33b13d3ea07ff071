import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SyncStop } from './syncStop';

/** How long a sync waits for another one on the same working copy (another window, or the command line). */
const WAIT_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<gitDir>/stupid-work/sync.lock`, so two syncs of one working copy (two windows, or a window and
 * the command line) take turns. A lock whose process is gone (a killed sync) is taken over. Resolves with
 * the function that releases it; stops with `busy` after waiting WAIT_MS.
 */
export async function lockSync(gitDir: string): Promise<() => Promise<void>> {
  const file = path.join(gitDir, 'stupid-work', 'sync.lock');
  await mkdir(path.dirname(file), { recursive: true });
  const end = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    // A lock without a pid is being written, or its writer was killed between creating and filling it.
    const unfilled = !Number.isInteger(holder) || holder <= 0;
    const age = Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? 0);
    if ((unfilled && age > 5000) || (!unfilled && !alive(holder))) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > end) {
      throw new SyncStop('busy', { code: 'sync.busy', pid: holder, seconds: WAIT_MS / 1000 });
    }
    await sleep(100);
  }
}
