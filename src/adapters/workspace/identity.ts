import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { Person } from '../../core/model/model';
import { authorNameSetting } from './config';

function gitConfig(cwd: string, key: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 5000 }, (error, stdout) => {
      resolve(error ? '' : stdout.trim());
    });
  });
}

/**
 * Who is writing: the `stupidWork.authorName` setting, else git's user.name/user.email, else the OS
 * account. Git is asked only in trusted workspaces, because it reads the repository's own config.
 */
export async function currentAuthor(folder: vscode.WorkspaceFolder): Promise<Person> {
  const configured = authorNameSetting(folder);
  if (configured) {
    return { name: configured };
  }
  if (vscode.workspace.isTrusted) {
    const [name, email] = await Promise.all([
      gitConfig(folder.uri.fsPath, 'user.name'),
      gitConfig(folder.uri.fsPath, 'user.email'),
    ]);
    if (name) {
      return email ? { name, email } : { name };
    }
  }
  return { name: systemAccount() };
}

/** `userInfo` throws where the process's user has no account entry, as in some containers. */
function systemAccount(): string {
  try {
    return userInfo().username || vscode.l10n.t('Unknown user');
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? vscode.l10n.t('Unknown user');
  }
}
