import * as vscode from 'vscode';
import { BacklogWriteError, type FolderBacklog } from '../../adapters/file/backlogStore';
import { today, type Clock } from '../../core/model/calendar';
import type { Backlog, FollowUp } from '../../core/model/model';
import { SNOOZE_HOURS, type DecisionReminder, type Reminder, type StaleReminder } from '../../core/retro/reminders';
import { setFollowUp, type Change } from '../../core/retro/retro';
import { stillHappening, stoppedHappening } from '../../core/retro/staleAnswers';
import { QUOTE_LENGTH, STATUS_BAR_QUOTE_LENGTH, plainText } from '../../core/text/inertText';
import { OPEN_LINKED_ENTRY } from '../codeLinks/flaggedCodeLens';
import { messageText, reportWriteFailure } from '../shared/messageText';
import { counted, daysText } from '../shared/counted';

export interface PromptDeps {
  clock: Clock;
  logger: vscode.LogOutputChannel;
  /** Puts the reminder off for `SNOOZE_HOURS`. */
  snooze: (key: string) => Promise<void>;
}

/** Writes one change to the entry, re-reading the file first so a teammate's change that arrived meanwhile is kept. */
async function write(backlog: FolderBacklog, change: (current: Backlog) => Change, done: string, logger: vscode.LogOutputChannel): Promise<void> {
  try {
    await backlog.update((current) => {
      const result = change(current);
      if (!result.ok) {
        throw new BacklogWriteError(messageText(result.message));
      }
      return result.backlog;
    });
  } catch (error) {
    reportWriteFailure(logger, error);
    return;
  }
  vscode.window.setStatusBarMessage(done, 5000);
}

function open(backlog: FolderBacklog, entryId: string): Thenable<unknown> {
  return vscode.commands.executeCommand(OPEN_LINKED_ENTRY, backlog.key, entryId);
}

/** "Your decision … is due": Open, Mark In Progress (unless it already is), Mark Done, Snooze. */
async function decisionPrompt(backlog: FolderBacklog, reminder: DecisionReminder, { clock, logger, snooze }: PromptDeps): Promise<void> {
  const title = plainText(reminder.entry.title, QUOTE_LENGTH);
  const short = plainText(reminder.entry.title, STATUS_BAR_QUOTE_LENGTH);
  const days = reminder.overdueDays;
  const message = days > 0
    ? vscode.l10n.t('Your decision on “{0}” is {1} overdue: it was due on {2}.', title, daysText(days), reminder.due)
    : reminder.due === today(clock)
      ? vscode.l10n.t('Your decision on “{0}” is due today.', title)
      : vscode.l10n.t('Your decision on “{0}” is due tomorrow, {1}.', title, reminder.due);
  const openLabel = vscode.l10n.t('Open');
  const inProgress = vscode.l10n.t('Mark In Progress');
  const doneLabel = vscode.l10n.t('Mark Done');
  const snoozeLabel = counted({ one: vscode.l10n.t('Snooze {0} Hour'), other: vscode.l10n.t('Snooze {0} Hours') }, SNOOZE_HOURS);
  const actions = reminder.entry.decision.followUp === 'in-progress' ? [openLabel, doneLabel, snoozeLabel] : [openLabel, inProgress, doneLabel, snoozeLabel];
  const choice = await vscode.window.showInformationMessage(message, ...actions);
  const mark = (followUp: FollowUp, done: string) => write(backlog, (current) => setFollowUp(current, reminder.entry.id, followUp, clock.now()), done, logger);
  switch (choice) {
    case openLabel:
      await open(backlog, reminder.entry.id);
      return;
    case inProgress:
      await mark('in-progress', vscode.l10n.t('“{0}” is in progress.', short));
      return;
    case doneLabel:
      await mark('done', vscode.l10n.t('“{0}” is done.', short));
      return;
    case snoozeLabel:
      await snooze(reminder.key);
      return;
  }
}

/** "Still happening?": Yes touches the entry, "No, it stopped" archives it with that reason, Open shows it. */
async function stalePrompt(backlog: FolderBacklog, reminder: StaleReminder, { clock, logger }: PromptDeps, staleAfterDays: number): Promise<void> {
  const title = plainText(reminder.entry.title, QUOTE_LENGTH);
  const short = plainText(reminder.entry.title, STATUS_BAR_QUOTE_LENGTH);
  const yes = vscode.l10n.t('Yes');
  const stopped = vscode.l10n.t('No, it stopped');
  const openLabel = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Still happening? Nobody has touched “{0}” for {1} or more.', title, daysText(staleAfterDays)),
    yes,
    stopped,
    openLabel,
  );
  const id = reminder.entry.id;
  switch (choice) {
    case yes:
      await write(backlog, (current) => stillHappening(current, id, clock.now()), vscode.l10n.t('Kept “{0}” on the backlog.', short), logger);
      return;
    case stopped:
      await write(backlog, (current) => stoppedHappening(current, id, clock.now()), vscode.l10n.t('Archived “{0}”: it stopped happening.', short), logger);
      return;
    case openLabel:
      await open(backlog, id);
      return;
  }
}

/** Shows one reminder as a notification and carries out the answer; resolves once it is answered (or dismissed) and acted on. */
export function showReminder(backlog: FolderBacklog, reminder: Reminder, deps: PromptDeps, staleAfterDays: number): Promise<void> {
  return reminder.kind === 'decision' ? decisionPrompt(backlog, reminder, deps) : stalePrompt(backlog, reminder, deps, staleAfterDays);
}
