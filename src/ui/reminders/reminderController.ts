import * as vscode from 'vscode';
import type { BacklogStore } from '../../adapters/file/backlogStore';
import { reminderSettings, staleAfterDaysSetting } from '../../adapters/workspace/config';
import type { Clock } from '../../core/model/calendar';
import { dueReminders, markShown, pruneShown, snooze, type Shown } from '../../core/retro/reminders';
import type { IdentityCache } from '../shared/identityCache';
import { plainText } from '../../core/text/inertText';
import { showReminder } from './reminderPrompts';

/** Where what was shown is kept: global state, so a backlog open in two windows reminds once, not twice. */
const SHOWN_KEY = 'stupidWork.reminders.shown';

/**
 * How often the timer checks. Reminders change by the day, and a snooze by the hour, so a quarter of
 * an hour is soon enough and costs one pass over backlogs already in memory.
 */
export const CHECK_EVERY_MS = 15 * 60_000;

/**
 * Notifications shown by one check. VS Code stacks them, and more than three hide one another;
 * the rest come with the next check, since only what was shown is recorded.
 */
const AT_ONCE = 3;

export interface ReminderDeps {
  store: BacklogStore;
  identity: IdentityCache;
  clock: Clock;
  /** Global state, where what was shown and snoozed is kept between checks and restarts. */
  memento: vscode.Memento;
  logger: vscode.LogOutputChannel;
}

/**
 * Shows the reminders the core finds due (`dueReminders`): when the backlogs have loaded, after every
 * change of a backlog file or of who you are, and every `CHECK_EVERY_MS`. Untrusted workspaces get
 * none: their backlog is read-only, so no answer could be carried out.
 */
export class ReminderController implements vscode.Disposable {
  /** Checks run one after the other, so two checks never both show the same reminder. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: ReminderDeps) {
    const timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    const later = () => void this.check();
    this.disposables.push(
      new vscode.Disposable(() => clearInterval(timer)),
      deps.store.onDidChange(later),
      deps.identity.onDidChange(later),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('stupidWork.reminders') || event.affectsConfiguration('stupidWork.retro.staleAfterDays')) {
          later();
        }
      }),
    );
  }

  /**
   * One check, as the timer runs it: shows every reminder due now, up to `AT_ONCE`, and records it as
   * shown before it shows. Resolves once each shown reminder was answered or dismissed and its answer
   * carried out, which is what the extension-host tests wait for after moving the clock.
   */
  async check(): Promise<void> {
    const answers: Promise<void>[] = [];
    await this.serially(() => this.showDue(answers));
    await Promise.all(answers);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private serially(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step);
    this.queue = next.catch((error: unknown) => this.deps.logger.error(plainText(`Reminders: ${(error as Error).message}`)));
    return next;
  }

  private async showDue(answers: Promise<void>[]): Promise<void> {
    const { store, identity, clock, memento, logger } = this.deps;
    if (!vscode.workspace.isTrusted) {
      return;
    }
    let shown: Shown = pruneShown(memento.get(SHOWN_KEY), clock);
    const toShow: (() => Promise<void>)[] = [];
    for (const backlog of store.all) {
      const state = backlog.state;
      const identities = state.kind === 'loaded' ? identity.namesFor(backlog.folder) : undefined;
      if (state.kind !== 'loaded' || !identities) {
        continue;
      }
      const staleAfterDays = staleAfterDaysSetting(backlog.folder);
      const due = dueReminders({ backlog: state.backlog, identities, clock, shown, staleAfterDays, ...reminderSettings(backlog.folder) });
      for (const reminder of due.slice(0, AT_ONCE - toShow.length)) {
        shown = markShown(shown, reminder.key, clock);
        toShow.push(() => showReminder(backlog, reminder, { clock, logger, snooze: (key) => this.snooze(key) }, staleAfterDays));
      }
    }
    await memento.update(SHOWN_KEY, shown);
    for (const show of toShow) {
      answers.push(show().catch((error: unknown) => logger.error(plainText(`Reminder failed: ${(error as Error).message}`))));
    }
  }

  private snooze(key: string): Promise<void> {
    const { clock, memento } = this.deps;
    return this.serially(() => Promise.resolve(memento.update(SHOWN_KEY, snooze(pruneShown(memento.get(SHOWN_KEY), clock), key, clock))));
  }
}
