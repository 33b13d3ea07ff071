/**
 * Who a person is to git and to the OS, for the editor (./identity.ts) and the command line alike.
 * No `vscode` here: the command line runs it too.
 */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import type { Person } from '../../core/model/model';

function gitConfig(cwd: string, key: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 5000 }, (error, stdout) => {
      resolve(error ? '' : stdout.trim());
    });
  });
}

/** git's `user.name` and `user.email` as seen from `cwd` (git-config(1)); undefined when no name is set or git is missing. */
export async function gitPerson(cwd: string): Promise<Person | undefined> {
  const [name, email] = await Promise.all([gitConfig(cwd, 'user.name'), gitConfig(cwd, 'user.email')]);
  if (!name) return undefined;
  return email ? { name, email } : { name };
}

/** The OS account's name, or `unknown`: `userInfo` throws where the process's user has no account entry, as in some containers. */
export function systemAccount(unknown: string): string {
  try {
    return userInfo().username || unknown;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? unknown;
  }
}
