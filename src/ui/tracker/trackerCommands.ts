/**
 * Create Issue…, Link Issue…, Open Issue and Remove Link for a decision. Each takes a Backlog tree
 * item, a `(folderKey, entryId)` pair as the board passes it, or nothing (the Command Palette), when
 * it asks which decision. The work is loaded on first use from `trackerActions`.
 */
import * as vscode from 'vscode';
import type { BacklogStore } from '../../adapters/file/backlogStore';
import type { Clock } from '../../core/model/calendar';
import type { Labels } from '../../core/model/displayNames';
import type { Decision, Entry } from '../../core/model/model';
import { resolveEntry } from '../shared/entryTarget';
import { reportWriteFailure } from '../shared/messageText';
import type { DecisionTarget } from './trackerActions';

export interface TrackerCommandDeps {
  store: BacklogStore;
  labels: Labels;
  clock: Clock;
  logger: vscode.LogOutputChannel;
}

function decided(entry: Entry): entry is Entry & { decision: Decision } {
  return entry.decision !== undefined && entry.status !== 'archived';
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
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        const found = await resolveEntry(store, args, {
          placeHolder,
          accepts: decided,
          offers: (entry) => entry.decision.followUp !== 'done' && filter(entry),
          detail: (entry) => [entry.decision.owner, entry.decision.trackingUrl].filter((part) => part !== undefined).join(' · '),
          none: vscode.l10n.t('No open decision fits. Record a decision on the Retro Board first.'),
        });
        if (found.kind === 'gone') {
          void vscode.window.showWarningMessage(vscode.l10n.t('This decision is no longer in the backlog, or the entry was archived; a teammate may have changed the file.'));
        }
        if (found.kind === 'found') {
          await action(await actions(), { backlog: found.backlog, entry: found.entry });
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
