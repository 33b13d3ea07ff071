import * as vscode from 'vscode';

export type GroupBy = 'status' | 'kind' | 'triage';

/** Settings are read per resource at the moment they are needed, never cached. */
export function dataFileSetting(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('stupidWork', folder.uri).get<string>('dataFile', 'stupid-work.json');
}

export function groupBySetting(): GroupBy {
  const value = vscode.workspace.getConfiguration('stupidWork').get<string>('backlog.groupBy', 'status');
  return value === 'kind' || value === 'triage' ? value : 'status';
}

export async function setGroupBy(value: GroupBy): Promise<void> {
  await vscode.workspace.getConfiguration('stupidWork').update('backlog.groupBy', value, vscode.ConfigurationTarget.Global);
}

export function anonymousByDefault(folder: vscode.WorkspaceFolder): boolean {
  return vscode.workspace.getConfiguration('stupidWork', folder.uri).get<boolean>('anonymousByDefault', false);
}

export function authorNameSetting(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('stupidWork', folder.uri).get<string>('authorName', '').trim();
}
