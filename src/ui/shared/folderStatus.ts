import * as vscode from 'vscode';
import { plainText } from '../../core/text/inertText';
import { messageText } from './messageText';
import type { FolderBacklog } from '../../adapters/file/backlogStore';
import { folderStatus, type FolderStatus, type FolderStatusTexts } from '../../protocol/folderStatus';

function texts(): FolderStatusTexts {
  return {
    untrusted: vscode.l10n.t('This workspace is not trusted, so the backlog is read-only.'),
    missing: (folderName, relativePath) => vscode.l10n.t('There is no backlog in {0} yet: saving an entry creates {1}.', folderName, relativePath),
    // The parser's message may quote the file, which a teammate wrote.
    problem: (relativePath, line, column, message) => vscode.l10n.t('{0}, line {1}, column {2}: {3}', relativePath, line, column, plainText(messageText(message))),
  };
}

/** A folder's status for the Log form and the Retro Board, under the workspace's trust as it is now. */
export function folderStatusOf(backlog: FolderBacklog): FolderStatus {
  return folderStatus({ key: backlog.key, name: backlog.folder.name, relativePath: backlog.relativePath, state: backlog.state }, vscode.workspace.isTrusted, texts());
}
