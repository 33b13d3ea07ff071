import * as vscode from 'vscode';
import { plainText } from '../../core/text/inertText';
import type { BacklogStore } from '../../adapters/file/backlogStore';
import { messageText } from '../shared/messageText';

/** Tells the user once per distinct problem that a backlog file cannot be read, and where. */
export function notifyProblems(store: BacklogStore): vscode.Disposable {
  const shown = new Map<string, string>();
  return store.onDidChange((backlog) => {
    if (!backlog) {
      return;
    }
    const state = backlog.state;
    if (state.kind !== 'problem') {
      shown.delete(backlog.key);
      return;
    }
    const { line, column } = state.problem;
    const message = messageText(state.problem.message);
    // The message quotes the bad value from the file, which a teammate may have written.
    const text = vscode.l10n.t('Stupid Work: {0} in {1} cannot be read (line {2}, column {3}): {4} The file is left untouched.', backlog.relativePath, backlog.folder.name, line, column, plainText(message));
    if (shown.get(backlog.key) === text) {
      return;
    }
    shown.set(backlog.key, text);
    const open = vscode.l10n.t('Open File');
    const resolve = vscode.l10n.t('Resolve Conflicts');
    const actions = state.problem.code === 'conflict' ? [resolve, open] : [open];
    void vscode.window.showWarningMessage(text, ...actions).then((choice) => {
      if (choice === open) {
        void vscode.commands.executeCommand('stupidWork.openDataFile', backlog.key);
      } else if (choice === resolve) {
        void vscode.commands.executeCommand('stupidWork.resolveConflicts', backlog.key);
      }
    });
  });
}
