import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes through a temp file in the same folder and renames it over the target, so a crash or a
 * full disk never leaves a half-written backlog behind.
 */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
