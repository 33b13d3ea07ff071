import * as vscode from 'vscode';
import type { Person } from '../../core/model/model';
import { authorNameSetting } from './config';
import { gitPerson, systemAccount } from './gitIdentity';

/**
 * Who is writing: the `stupidWork.authorName` setting, else git's user.name/user.email, else the OS
 * account. Git is asked only in trusted workspaces, because it reads the repository's own config.
 */
export async function currentAuthor(folder: vscode.WorkspaceFolder): Promise<Person> {
  const configured = authorNameSetting(folder);
  if (configured) {
    return { name: configured };
  }
  const fromGit = vscode.workspace.isTrusted ? await gitPerson(folder.uri.fsPath) : undefined;
  return fromGit ?? { name: systemAccount(vscode.l10n.t('Unknown user')) };
}
