/**
 * When the backlog is synced in the background: the rhythm (how often to ask the remote, how soon a
 * saved change goes out) and a scheduler that keeps to it. Pure: every moment and every wait comes from
 * an injected timer, so tests run the policy in virtual time.
 */

/** The settings that shape the rhythm (`stupidWork.sync.auto`, `.intervalMinutes`, `.liveSeconds`). */
export interface RhythmSettings {
  /** Off: nothing is pushed without the Sync command, and no retro runs live. */
  auto: boolean;
  /** Minutes between quiet checks of the remote while the window is focused; 0 turns them off. */
  intervalMinutes: number;
  /** Seconds between checks during a live retro; 0 turns the live rhythm off. */
  liveSeconds: number;
}

/** What the window and the backlog say right now. */
export interface RhythmSignals {
  focused: boolean;
  /** When the window last lost focus (ms since the epoch); ignored while it is focused. */
  unfocusedSince?: number;
  /** A retro has started and not finished, according to the shared file. */
  retroRunning: boolean;
  /** This window shows the Retro Board or the Backlog view. */
  viewOpen: boolean;
}

/**
 * - `live`: a retro runs and this window shows it: check every `liveSeconds`, push each change at once.
 * - `normal`: check every `intervalMinutes` while focused, `UNFOCUSED_FACTOR` times slower otherwise.
 * - `idle`: unfocused for `IDLE_AFTER_MS` or more: no check until the window gets focus again.
 * - `off`: no background check (an interval of 0); saves still go out when `auto` is on.
 */
export type RhythmMode = 'live' | 'normal' | 'idle' | 'off';

export interface Rhythm {
  mode: RhythmMode;
  /** Milliseconds between two checks of the remote; undefined: none. */
  checkEveryMs?: number;
  /** Milliseconds from a saved change to its sync; undefined: saves wait for the Sync command. */
  pushAfterMs?: number;
}

/** A burst of edits (a form saved, then a vote) within this time makes one commit. */
export const PUSH_DELAY_MS = 2000;
/** During a live retro a change goes out "at once": this only gathers the file events of one change. */
export const LIVE_PUSH_DELAY_MS = 250;
/** An unfocused window checks this many times less often. */
export const UNFOCUSED_FACTOR = 3;
/** A window unfocused this long is taken as left alone: it stops checking until focused again. */
export const IDLE_AFTER_MS = 30 * 60_000;

/**
 * Whether a saved change goes out on its own, whatever saved it (the editor or `stupid-work`): when
 * `stupidWork.sync.auto` is on, which it is by default. Off, changes wait for the Sync command.
 */
export function savesGoOut(settings: Pick<RhythmSettings, 'auto'>): boolean {
  return settings.auto;
}

/** The rhythm for these settings and signals at `now` (ms since the epoch). */
export function rhythmOf(settings: RhythmSettings, signals: RhythmSignals, now: number): Rhythm {
  const idle = !signals.focused && signals.unfocusedSince !== undefined && now - signals.unfocusedSince >= IDLE_AFTER_MS;
  if (settings.auto && settings.liveSeconds > 0 && signals.retroRunning && signals.viewOpen && !idle) {
    return { mode: 'live', checkEveryMs: settings.liveSeconds * 1000, pushAfterMs: LIVE_PUSH_DELAY_MS };
  }
  const pushAfterMs = savesGoOut(settings) ? PUSH_DELAY_MS : undefined;
  if (!(settings.intervalMinutes > 0)) return { mode: 'off', pushAfterMs };
  if (idle) return { mode: 'idle', pushAfterMs };
  const every = settings.intervalMinutes * 60_000;
  return { mode: 'normal', checkEveryMs: signals.focused ? every : every * UNFOCUSED_FACTOR, pushAfterMs };
}

/** Time for the scheduler: the real one in the extension, a virtual one in tests. */
export interface SchedulerTimer {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What the scheduler does; each resolves when done and never rejects (a failed sync is an outcome). */
export interface SchedulerActions {
  /** A check of the remote: a full sync with auto on, otherwise a quiet fetch for the status bar. */
  check(): Promise<void>;
  /** A sync that sends a saved change. */
  push(): Promise<void>;
}

/**
 * Keeps to the rhythm: one check every `checkEveryMs` counted from the end of the last sync, a push
 * `pushAfterMs` after the last save, and never two at once: a save during a sync goes out right after
 * it, so no change waits for the next check. Call `update` whenever a setting or signal changes.
 */
export class SyncScheduler {
  private checkTimer: unknown;
  private pushTimer: unknown;
  private lastCheck: number;
  private busy: Promise<void> | undefined;
  private pushAgain = false;
  private current: Rhythm;
  private disposed = false;

  constructor(
    private readonly timer: SchedulerTimer,
    private readonly actions: SchedulerActions,
    private readonly read: () => { settings: RhythmSettings; signals: RhythmSignals },
  ) {
    this.lastCheck = timer.now();
    this.current = this.evaluate();
    this.arm();
  }

  get rhythm(): Rhythm {
    return this.current;
  }

  /** A change was saved: it goes out after the rhythm's delay, a burst of saves as one sync. */
  saved(): void {
    const delay = this.current.pushAfterMs;
    if (delay === undefined || this.disposed) return;
    this.timer.clear(this.pushTimer);
    this.pushTimer = this.timer.set(() => {
      this.pushTimer = undefined;
      void this.run(() => this.actions.push(), true);
    }, delay);
  }

  /** Settings, focus, the retro or the open views changed: takes the new rhythm; a check that is due now runs now. */
  update(): Rhythm {
    const before = this.current;
    this.current = this.evaluate();
    if (before.mode !== this.current.mode || before.checkEveryMs !== this.current.checkEveryMs) this.arm();
    return this.current;
  }

  /** Any sync that ended, the Sync command's too, counts as a check. */
  synced(): void {
    this.lastCheck = this.timer.now();
    this.arm();
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear(this.checkTimer);
    this.timer.clear(this.pushTimer);
  }

  private evaluate(): Rhythm {
    const { settings, signals } = this.read();
    return rhythmOf(settings, signals, this.timer.now());
  }

  private arm(): void {
    this.timer.clear(this.checkTimer);
    this.checkTimer = undefined;
    const every = this.current.checkEveryMs;
    if (every === undefined || this.disposed) return;
    const wait = Math.max(0, this.lastCheck + every - this.timer.now());
    this.checkTimer = this.timer.set(() => {
      this.checkTimer = undefined;
      // Focus may have been away long enough meanwhile to make this window idle.
      if (this.update().checkEveryMs === undefined) return;
      void this.run(() => this.actions.check(), false);
    }, wait);
  }

  private async run(action: () => Promise<void>, isPush: boolean): Promise<void> {
    if (this.busy) {
      // A check already under way brings teammates' changes in; a push must still follow it.
      if (isPush) this.pushAgain = true;
      return;
    }
    this.busy = action();
    try {
      await this.busy;
    } finally {
      this.busy = undefined;
      this.lastCheck = this.timer.now();
      if (this.pushAgain && !this.disposed) {
        this.pushAgain = false;
        void this.run(() => this.actions.push(), true);
      } else {
        this.arm();
      }
    }
  }
}
