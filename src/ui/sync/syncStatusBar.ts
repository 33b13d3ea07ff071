import * as vscode from 'vscode';
import { syncIndicator, type FolderSyncState } from '../../core/sync/syncIndicator';
import { counted } from '../shared/counted';

export interface SyncStatusInput {
  folders: FolderSyncState[];
  /** A sync started by the person runs; background syncs do not make the item flicker. */
  syncing: boolean;
  live: boolean;
  liveSeconds: number;
  lastSynced?: Date;
}

function lastSyncedText(at: Date | undefined): string {
  return at ? vscode.l10n.t('Last synced at {0}.', at.toLocaleTimeString()) : vscode.l10n.t('Not synced yet in this window.');
}

/** Words the one sync state for the status bar item: its icon and text at a glance, details in the tooltip. */
export function renderSyncStatus(item: vscode.StatusBarItem, input: SyncStatusInput): void {
  const show = (icon: string, text: string, tooltip: string) => {
    item.text = `${icon} ${text}`;
    item.tooltip = tooltip;
  };
  item.backgroundColor = undefined;
  if (input.syncing) {
    show('$(sync~spin)', vscode.l10n.t('Syncing backlog…'), vscode.l10n.t('Syncing the Stupid Work backlog'));
    return;
  }
  const state = syncIndicator(input.folders, input.live, input.lastSynced);
  switch (state.kind) {
    case 'error':
      show('$(warning)', vscode.l10n.t('Backlog'), `${vscode.l10n.t('Sync stopped: {0} Click to sync again.', state.message)} ${lastSyncedText(state.lastSynced)}`);
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      return;
    case 'offline':
      show('$(debug-disconnect)', vscode.l10n.t('Backlog offline'), `${vscode.l10n.t('Offline: {0}', state.message)} ${lastSyncedText(state.lastSynced)}`);
      return;
    case 'not-shared':
      show('$(cloud)', vscode.l10n.t('Backlog'), vscode.l10n.t('The backlog is not shared yet: {0} has no branch {1}. Click to create it.', state.remote, state.branch));
      return;
    case 'live':
      show('$(broadcast)', vscode.l10n.t('Live retro'), `${counted({ one: vscode.l10n.t('A retro is running: the backlog syncs every second, and each change goes out at once.'), other: vscode.l10n.t('A retro is running: the backlog syncs every {0} seconds, and each change goes out at once.') }, input.liveSeconds)} ${lastSyncedText(state.lastSynced)}`);
      return;
    case 'waiting':
      show('$(cloud-upload)', vscode.l10n.t('Backlog: {0} to send', state.count), counted({ one: vscode.l10n.t('{0} changed entry waits to go out. Click to sync.'), other: vscode.l10n.t('{0} changed entries wait to go out. Click to sync.') }, state.count));
      return;
    case 'arriving':
      show('$(cloud-download)', vscode.l10n.t('Backlog: {0} arriving', state.count), counted({ one: vscode.l10n.t('Teammates changed {0} entry. Click to bring it in.'), other: vscode.l10n.t('Teammates changed {0} entries. Click to bring them in.') }, state.count));
      return;
    case 'in-sync':
      show(
        '$(check)',
        vscode.l10n.t('Backlog'),
        state.remote && state.branch ? `${vscode.l10n.t('In sync with {0}/{1}.', state.remote, state.branch)} ${lastSyncedText(state.lastSynced)}` : vscode.l10n.t('Sync the Stupid Work backlog with your team'),
      );
      return;
  }
}
