import * as vscode from 'vscode';
import type { Clock } from '../../core/model/calendar';
import type { Labels } from '../../core/model/displayNames';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import type { RetroBoards } from './retroBoardPanel';
import type { LiveRetroSource } from '../sync/liveRetro';

export interface RetroCommandDeps {
  extensionUri: vscode.Uri;
  store: BacklogStore;
  labels: Labels;
  clock: Clock;
  logger: vscode.LogOutputChannel;
  /** Whether a retro is followed live, for the board to say so. */
  live?: LiveRetroSource;
}

const VIEW_TYPE = 'stupidWork.retroBoard';

/** A folder key from a command argument, else the only folder with a backlog, else the person's pick. */
async function pickBacklog(store: BacklogStore, arg: unknown, placeHolder: string): Promise<FolderBacklog | undefined> {
  if (typeof arg === 'string') {
    return store.get(arg);
  }
  const withFile = store.all.filter((b) => b.state.kind !== 'missing');
  const candidates = withFile.length > 0 ? withFile : store.all;
  if (candidates.length <= 1) {
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the backlog lives in a workspace folder.'));
    }
    return candidates[0];
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((backlog) => ({ label: backlog.folder.name, description: backlog.relativePath, backlog })),
    { placeHolder },
  );
  return picked?.backlog;
}

/**
 * The Retro Board's commands and its serializer. Only these registrations happen at activation: the
 * board, the retro and the exports are loaded on first use.
 */
export function registerRetroCommands(deps: RetroCommandDeps): vscode.Disposable[] {
  const { store, labels, clock, logger } = deps;
  let boards: Promise<RetroBoards> | undefined;
  const getBoards = () => (boards ??= import('./retroBoardPanel').then(({ RetroBoards }) => new RetroBoards(deps)));
  const actions = () => import('./retroBoardActions');

  const run = (id: string, placeHolder: string, action: (backlog: FolderBacklog) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      const backlog = await pickBacklog(store, arg, placeHolder);
      if (!backlog) {
        return;
      }
      try {
        await action(backlog);
      } catch (error) {
        (await actions()).reportError(logger, error);
      }
    });

  return [
    run('stupidWork.openRetroBoard', vscode.l10n.t('Open the Retro Board of which folder?'), async (backlog) => (await getBoards()).open(backlog)),
    run('stupidWork.startRetro', vscode.l10n.t('Start a retro in which folder?'), async (backlog) => (await actions()).startRetroIn(backlog, clock)),
    run('stupidWork.finishRetro', vscode.l10n.t('Finish the retro in which folder?'), async (backlog) => (await actions()).finishRetroIn(backlog, labels, clock, logger)),
    run('stupidWork.exportRetroSummary', vscode.l10n.t('Export the retro summary of which folder?'), async (backlog) => {
      const copy = vscode.l10n.t('Copy to Clipboard');
      const save = vscode.l10n.t('Save to Repository');
      const picked = await vscode.window.showQuickPick([copy, save], { placeHolder: vscode.l10n.t('Export the latest retro summary') });
      if (picked) {
        await (await actions()).exportSummary(backlog, labels, clock, picked === copy ? 'copy' : 'save');
      }
    }),
    run('stupidWork.exportBacklogCsv', vscode.l10n.t('Export the backlog of which folder?'), async (backlog) => (await actions()).exportBacklog(backlog, labels, 'csv')),
    run('stupidWork.exportBacklogJson', vscode.l10n.t('Export the backlog of which folder?'), async (backlog) => (await actions()).exportBacklog(backlog, labels, 'json')),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => (await getBoards()).revive(panel, state),
    }),
    new vscode.Disposable(() => void boards?.then((b) => b.dispose())),
  ];
}
