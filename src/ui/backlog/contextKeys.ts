import * as vscode from 'vscode';
import type { BacklogStore } from '../../adapters/file/backlogStore';

/** Keeps the `when`-clause context (welcome view, menus, walkthrough) in step with the files. */
export function trackContextKeys(store: BacklogStore): vscode.Disposable {
  const update = () => {
    const backlogs = store.all;
    const hasBacklog = backlogs.some((backlog) => backlog.state.kind !== 'missing');
    const hasEntries = backlogs.some((backlog) => backlog.state.kind === 'loaded' && backlog.state.backlog.entries.length > 0);
    void vscode.commands.executeCommand('setContext', 'stupidWork.hasBacklog', hasBacklog);
    void vscode.commands.executeCommand('setContext', 'stupidWork.hasEntries', hasEntries);
    void vscode.commands.executeCommand('setContext', 'stupidWork.ready', true);
  };
  return store.onDidChange(update);
}
