import * as vscode from 'vscode';
import { FORGES, type Forge } from '../../core/tracker/forges';
import { DEFAULT_BRANCH, type SyncSettings } from '../../core/sync/backlogBranch';
import type { RhythmSettings } from '../../core/sync/syncSchedule';

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

/** Votes per person per retro; undefined when unlimited (0 or an unusable value). */
export function voteBudgetSetting(folder: vscode.WorkspaceFolder): number | undefined {
  const value = vscode.workspace.getConfiguration('stupidWork', folder.uri).get<number>('retro.voteBudget', 5);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Days without an update after which an entry is flagged stale; 0 turns the flag off. */
export function staleAfterDaysSetting(folder: vscode.WorkspaceFolder): number {
  const value = vscode.workspace.getConfiguration('stupidWork', folder.uri).get<number>('retro.staleAfterDays', 30);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Which reminders the folder's backlog may show (`stupidWork.reminders.decisions` and `.stillHappening`); both on unless turned off. */
export function reminderSettings(folder: vscode.WorkspaceFolder): { decisions: boolean; stale: boolean } {
  const config = vscode.workspace.getConfiguration('stupidWork.reminders', folder.uri);
  return { decisions: config.get<boolean>('decisions', true) !== false, stale: config.get<boolean>('stillHappening', true) !== false };
}

/** Whether CSV exports start with a UTF-8 byte order mark; on unless turned off. */
export function csvByteOrderMarkSetting(folder: vscode.WorkspaceFolder): boolean {
  return vscode.workspace.getConfiguration('stupidWork', folder.uri).get<boolean>('export.csvByteOrderMark', true) !== false;
}

/** The path in the code tree that retro summaries are saved at; empty (the default) keeps them on the backlog branch. */
export function retroSummaryPathSetting(folder: vscode.WorkspaceFolder): string {
  return vscode.workspace.getConfiguration('stupidWork', folder.uri).get<string>('retro.summaryPath', '');
}

export function codeLensEnabled(resource: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('stupidWork', resource).get<boolean>('codeLinks.codeLens', true);
}

export function decorationsEnabled(resource: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('stupidWork', resource).get<boolean>('codeLinks.decorations', true);
}

/** Where and as whom a folder's backlog is shared (`stupidWork.sync.branch`, `.remote`, `.commitAs`). */
export function syncSettings(folder: vscode.WorkspaceFolder): SyncSettings {
  const config = vscode.workspace.getConfiguration('stupidWork.sync', folder.uri);
  const remote = config.get<string>('remote', '').trim();
  return {
    branch: config.get<string>('branch', DEFAULT_BRANCH).trim() || DEFAULT_BRANCH,
    remote: remote === '' ? undefined : remote,
    commitAs: config.get<string>('commitAs', 'neutral') === 'me' ? 'me' : 'neutral',
  };
}

/** On by default: Sync only ever writes to the backlog branch, so it cannot disturb anyone's code. */
export function autoSyncSetting(): boolean {
  return vscode.workspace.getConfiguration('stupidWork.sync').get<boolean>('auto', true);
}

/** The background rhythm (`stupidWork.sync.auto`, `.intervalMinutes`, `.liveSeconds`); a value that is not a positive number turns its part off. */
export function syncRhythmSettings(): RhythmSettings {
  const config = vscode.workspace.getConfiguration('stupidWork.sync');
  const minutes = config.get<number>('intervalMinutes', 5);
  const seconds = config.get<number>('liveSeconds', 5);
  return {
    auto: autoSyncSetting(),
    intervalMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 0,
    liveSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0,
  };
}

/** Which hosting site runs the backlog remote (`stupidWork.tracker.forge`); undefined for `auto`, which tells it from the host name. */
export function trackerForgeSetting(folder: vscode.WorkspaceFolder): Forge | undefined {
  const value = vscode.workspace.getConfiguration('stupidWork.tracker', folder.uri).get<string>('forge', 'auto');
  return (FORGES as readonly string[]).includes(value) ? (value as Forge) : undefined;
}
