import * as vscode from 'vscode';
import type { FolderBacklog } from '../../adapters/file/backlogStore';
import { reportWriteFailure } from '../shared/messageText';
import { pickBacklog } from '../shared/folderPicker';
import type { BoardDeps, RetroBoards } from './retroBoardPanel';

/** The retro commands open boards, so they need what a board needs. */
export type RetroCommandDeps = BoardDeps;

const VIEW_TYPE = 'stupidWork.retroBoard';

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
      const backlog = await pickBacklog(store, arg, { placeHolder });
      if (!backlog) {
        if (store.all.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the backlog lives in a workspace folder.'));
        }
        return;
      }
      try {
        await action(backlog);
      } catch (error) {
        reportWriteFailure(logger, error);
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
