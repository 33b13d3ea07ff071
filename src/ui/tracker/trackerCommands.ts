/**
 * Create Issue…, Link Issue…, Open Issue and Remove Link for a decision. Each takes a Backlog tree
 * item, a `(folderKey, entryId)` pair as the board passes it, or nothing (the Command Palette), when
 * it asks which decision. The work is loaded on first use from `trackerActions`.
 */
import * as vscode from 'vscode';
import type { BacklogStore, FolderBacklog } from '../../adapters/file/backlogStore';
import type { Clock } from '../../core/model/calendar';
import type { Labels } from '../../core/model/displayNames';
import type { Decision, Entry } from '../../core/model/model';
import { plainText } from '../../core/text/inertText';
import { reportWriteFailure } from '../shared/messageText';
import type { DecisionTarget } from './trackerActions';

export interface TrackerCommandDeps {
  store: BacklogStore;
  labels: Labels;
  clock: Clock;
  logger: vscode.LogOutputChannel;
}

function decided(entry: Entry | undefined): entry is Entry & { decision: Decision } {
  return entry?.decision !== undefined && entry.status !== 'archived';
}

/** The decision a command was given: a tree item (`{ backlog, entry }`), or a folder key and an entry id. */
function given(store: BacklogStore, arg: unknown, id: unknown): DecisionTarget | undefined {
  let backlog: FolderBacklog | undefined;
  let entryId: unknown = id;
  if (typeof arg === 'object' && arg !== null && 'backlog' in arg && 'entry' in arg) {
    backlog = (arg as { backlog: FolderBacklog }).backlog;
    entryId = (arg as { entry: Entry }).entry.id;
  } else if (typeof arg === 'string') {
    backlog = store.get(arg);
  }
  // Read again from the store: a tree item or a board may be older than the file.
  const state = backlog?.state;
  const entry = state?.kind === 'loaded' && typeof entryId === 'string' ? state.backlog.entries.find((e) => e.id === entryId) : undefined;
  return backlog && decided(entry) ? { backlog, entry } : undefined;
}

/** Decisions of every readable backlog that pass `filter`, for a command run from the Command Palette. */
async function pickDecision(store: BacklogStore, placeHolder: string, filter: (entry: Entry & { decision: Decision }) => boolean): Promise<DecisionTarget | undefined> {
  const several = store.all.length > 1;
  const items: (vscode.QuickPickItem & { target: DecisionTarget })[] = [];
  for (const backlog of store.all) {
    if (backlog.state.kind !== 'loaded') {
      continue;
    }
    for (const entry of backlog.state.backlog.entries) {
      if (decided(entry) && entry.decision.followUp !== 'done' && filter(entry)) {
        const link = entry.decision.trackingUrl;
        items.push({
          label: plainText(entry.title),
          description: several ? backlog.folder.name : undefined,
          detail: link === undefined ? plainText(entry.decision.owner) : `${plainText(entry.decision.owner)} · ${plainText(link)}`,
          target: { backlog, entry },
        });
      }
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No open decision fits. Record a decision on the Retro Board first.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true }))?.target;
}


/** Registers the four tracker commands. */
export function registerTrackerCommands(deps: TrackerCommandDeps): vscode.Disposable[] {
  const { store, labels, clock, logger } = deps;
  const actions = () => import('./trackerActions');
  const hasLink = (entry: Entry & { decision: Decision }) => entry.decision.trackingUrl !== undefined;

  const command = (
    id: string,
    placeHolder: string,
    filter: (entry: Entry & { decision: Decision }) => boolean,
    action: (module: typeof import('./trackerActions'), target: DecisionTarget) => Promise<void>,
  ) =>
    vscode.commands.registerCommand(id, async (arg?: unknown, entryId?: unknown) => {
      try {
        const target = arg === undefined ? await pickDecision(store, placeHolder, filter) : given(store, arg, entryId);
        if (arg !== undefined && !target) {
          void vscode.window.showWarningMessage(vscode.l10n.t('This decision is no longer in the backlog, or the entry was archived; a teammate may have changed the file.'));
          return;
        }
        if (target) {
          await action(await actions(), target);
        }
      } catch (error) {
        reportWriteFailure(logger, error);
      }
    });

  return [
    command('stupidWork.decision.createIssue', vscode.l10n.t('Create an issue for which decision?'), () => true, (m, target) => m.createIssue(target, labels, clock)),
    command('stupidWork.decision.linkIssue', vscode.l10n.t('Link an issue to which decision?'), () => true, (m, target) => m.linkIssue(target, clock)),
    command('stupidWork.decision.openIssue', vscode.l10n.t('Open the issue of which decision?'), hasLink, (m, target) => m.openIssue(target)),
    command('stupidWork.decision.unlinkIssue', vscode.l10n.t('Remove the tracking link of which decision?'), hasLink, (m, target) => m.unlinkIssue(target, clock)),
  ];
}
