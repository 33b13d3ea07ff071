import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Person } from '../core/model/model';
import { settingOf, type CliTarget } from './cliTarget';

function gitConfig(cwd: string, key: string): string {
  try {
    return execFileSync('git', ['config', '--get', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return '';
  }
}

/**
 * Who is writing, found as the editor finds it (`currentAuthor` in src/adapters/workspace/identity.ts):
 * the folder's `stupidWork.authorName` setting, else git's user.name and user.email, else the OS account.
 */
export function currentPerson(target: CliTarget): Person {
  const configured = settingOf(target, 'stupidWork.authorName', '').trim();
  if (configured) return { name: configured };
  const name = gitConfig(target.folder, 'user.name');
  const email = gitConfig(target.folder, 'user.email');
  if (name) return email ? { name, email } : { name };
  try {
    return { name: userInfo().username || 'Unknown user' };
  } catch {
    return { name: process.env.USER ?? process.env.USERNAME ?? 'Unknown user' };
  }
}
