import * as vscode from 'vscode';
import { SyncScheduler, type Rhythm, type SchedulerTimer } from '../../core/sync/syncSchedule';
import { syncRhythmSettings } from '../../adapters/workspace/config';
import type { LiveRetroWatch } from './liveRetro';

const realTimer: SchedulerTimer = {
  now: () => Date.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RhythmActions {
  check(): Promise<void>;
  push(): Promise<void>;
  /** The rhythm changed (live or not); the status bar says so. */
  onRhythm(): void;
}

/**
 * The scheduler fed by VS Code's signals: the settings, this window's focus, and whether a retro runs
 * with its board or the Backlog open. Nothing runs in an untrusted workspace.
 */
export class SyncRhythm implements vscode.Disposable {
  private unfocusedSince: number | undefined;
  private readonly scheduler: SyncScheduler;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly live: LiveRetroWatch,
    private readonly actions: RhythmActions,
    timer: SchedulerTimer = realTimer,
  ) {
    this.unfocusedSince = vscode.window.state.focused ? undefined : timer.now();
    this.scheduler = new SyncScheduler(timer, { check: () => actions.check(), push: () => actions.push() }, () => ({
      settings: vscode.workspace.isTrusted ? syncRhythmSettings() : { auto: false, intervalMinutes: 0, liveSeconds: 0 },
      signals: { focused: vscode.window.state.focused, unfocusedSince: this.unfocusedSince, retroRunning: live.retroRunning, viewOpen: live.viewOpen },
    }));
    this.disposables.push(
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.unfocusedSince = undefined;
        else this.unfocusedSince ??= timer.now();
        this.update();
      }),
    );
    live.setLive(this.isLive);
  }

  /** This window follows a running retro at the live rhythm. */
  get isLive(): boolean {
    return this.scheduler.rhythm.mode === 'live';
  }

  /** The live interval as set now, for the status bar's tooltip. */
  get liveSeconds(): number {
    return syncRhythmSettings().liveSeconds;
  }

  /** Re-reads settings and signals; a change of rhythm reaches the board and the status bar. */
  update(): void {
    const before: Rhythm = this.scheduler.rhythm;
    const after = this.scheduler.update();
    if (before.mode !== after.mode) {
      this.live.setLive(after.mode === 'live');
      this.actions.onRhythm();
    }
  }

  /** This window saved a change: it goes out after the rhythm's delay. */
  saved(): void {
    this.scheduler.saved();
  }

  /** A sync ended, started by anyone: the next check is a whole interval away. */
  synced(): void {
    this.scheduler.synced();
  }

  dispose(): void {
    this.scheduler.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
