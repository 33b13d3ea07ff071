import assert from 'node:assert/strict';
import { IDLE_AFTER_MS, LIVE_PUSH_DELAY_MS, PUSH_DELAY_MS, rhythmOf, SyncScheduler, UNFOCUSED_FACTOR, type RhythmSettings, type RhythmSignals, type SchedulerTimer } from '../../src/core/sync/syncSchedule';
import { announceFailure, syncIndicator } from '../../src/core/sync/syncIndicator';

/** Virtual time: `advance` runs every timer that falls due, in order, and lets their promises settle. */
class VirtualTimer implements SchedulerTimer {
  private time = 1_000_000;
  private next = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  set(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const AUTO: RhythmSettings = { auto: true, intervalMinutes: 5, liveSeconds: 5 };
const FOCUSED: RhythmSignals = { focused: true, retroRunning: false, viewOpen: false };

function harness(settings: RhythmSettings, signals: RhythmSignals, syncMs = 0) {
  const timer = new VirtualTimer();
  const log: { what: 'check' | 'push'; at: number }[] = [];
  const state = { settings, signals };
  const act = (what: 'check' | 'push') => () => {
    log.push({ what, at: timer.now() });
    return new Promise<void>((resolve) => timer.set(resolve, syncMs));
  };
  const scheduler = new SyncScheduler(timer, { check: act('check'), push: act('push') }, () => state);
  return { timer, log, state, scheduler, start: timer.now() };
}

describe('sync rhythm', () => {
  it('checks every interval while focused, slower unfocused, and not at all once idle', () => {
    const now = 10_000_000;
    assert.deepEqual(rhythmOf(AUTO, FOCUSED, now), { mode: 'normal', checkEveryMs: 300_000, pushAfterMs: PUSH_DELAY_MS });
    const away = { ...FOCUSED, focused: false, unfocusedSince: now - 60_000 };
    assert.equal(rhythmOf(AUTO, away, now).checkEveryMs, 300_000 * UNFOCUSED_FACTOR);
    const idle = { ...away, unfocusedSince: now - IDLE_AFTER_MS };
    assert.deepEqual(rhythmOf(AUTO, idle, now), { mode: 'idle', pushAfterMs: PUSH_DELAY_MS });
  });

  it('runs live while a retro runs and a board or the Backlog is open, focused or not, and only with auto-sync', () => {
    const live = { ...FOCUSED, retroRunning: true, viewOpen: true };
    assert.deepEqual(rhythmOf(AUTO, live, 0), { mode: 'live', checkEveryMs: 5000, pushAfterMs: LIVE_PUSH_DELAY_MS });
    assert.equal(rhythmOf(AUTO, { ...live, focused: false, unfocusedSince: 0 }, 60_000).mode, 'live', 'a shared board in a window without focus');
    assert.equal(rhythmOf(AUTO, { ...live, viewOpen: false }, 0).mode, 'normal');
    assert.equal(rhythmOf(AUTO, { ...live, retroRunning: false }, 0).mode, 'normal');
    assert.deepEqual(rhythmOf({ ...AUTO, auto: false }, live, 0), { mode: 'normal', checkEveryMs: 300_000, pushAfterMs: undefined }, 'auto off: a quiet check only, no push');
    assert.deepEqual(rhythmOf({ ...AUTO, intervalMinutes: 0 }, FOCUSED, 0), { mode: 'off', pushAfterMs: PUSH_DELAY_MS });
  });
});

describe('sync scheduler', () => {
  it('sends a burst of saves as one push, a moment after the last', async () => {
    const { timer, log, scheduler, start } = harness(AUTO, FOCUSED);
    for (let i = 0; i < 5; i++) {
      scheduler.saved();
      await timer.advance(500);
    }
    await timer.advance(PUSH_DELAY_MS);
    assert.deepEqual(log, [{ what: 'push', at: start + 2000 + PUSH_DELAY_MS }]);
  });

  it('with auto-sync off, pushes nothing and only checks', async () => {
    const { timer, log, scheduler } = harness({ ...AUTO, auto: false }, FOCUSED);
    scheduler.saved();
    await timer.advance(300_000);
    assert.deepEqual(
      log.map((l) => l.what),
      ['check'],
    );
  });

  it('checks at the live rhythm during a retro and goes back to normal when it finishes', async () => {
    const { timer, log, state, scheduler, start } = harness(AUTO, FOCUSED);
    state.signals = { ...FOCUSED, retroRunning: true, viewOpen: true };
    assert.equal(scheduler.update().mode, 'live');
    await timer.advance(20_000);
    assert.deepEqual(
      log.map((l) => l.at - start),
      [5000, 10_000, 15_000, 20_000],
    );
    state.signals = FOCUSED;
    scheduler.update();
    log.length = 0;
    await timer.advance(299_000);
    assert.deepEqual(log, [], 'the next check comes a whole interval after the last');
    await timer.advance(1000);
    assert.equal(log.length, 1);
  });

  it('stops checking once idle, and checks at once when focus returns', async () => {
    const { timer, log, state, scheduler, start } = harness(AUTO, FOCUSED);
    state.signals = { ...FOCUSED, focused: false, unfocusedSince: start };
    scheduler.update();
    await timer.advance(4 * 60 * 60_000);
    assert.deepEqual(
      log.map((l) => l.at - start),
      [15 * 60_000],
      'one slow check while away, none once idle',
    );
    log.length = 0;
    state.signals = FOCUSED;
    scheduler.update();
    await timer.advance(0);
    assert.equal(log.length, 1, 'a check as soon as the window is focused again');
  });

  it('pushes a change saved during a sync right after it, not at the next check', async () => {
    const { timer, log, state, scheduler, start } = harness(AUTO, { ...FOCUSED, retroRunning: true, viewOpen: true }, 1000);
    assert.equal(state.signals.retroRunning, true);
    await timer.advance(5000);
    assert.equal(log[0].what, 'check');
    scheduler.saved();
    await timer.advance(3000);
    assert.deepEqual(
      log.map((l) => [l.what, l.at - start]),
      [
        ['check', 5000],
        ['push', 6000],
      ],
    );
  });

  it('counts the Sync command as a check', async () => {
    const { timer, log, scheduler, start } = harness(AUTO, FOCUSED);
    await timer.advance(200_000);
    scheduler.synced();
    await timer.advance(200_000);
    assert.equal(log.length, 0);
    await timer.advance(100_000);
    assert.deepEqual(
      log.map((l) => l.at - start),
      [500_000],
    );
  });
});

describe('sync indicator', () => {
  const at = new Date('2026-11-30T10:00:00Z');

  it('shows exactly one state, the most urgent', () => {
    const changes = { kind: 'changes', outgoing: 2, incoming: 3 } as const;
    assert.deepEqual(syncIndicator([changes, { kind: 'error', message: 'Denied.' }, { kind: 'offline', message: 'No network.' }], true, at), { kind: 'error', message: 'Denied.', lastSynced: at });
    assert.deepEqual(syncIndicator([changes, { kind: 'offline', message: 'No network.' }], false, at), { kind: 'offline', message: 'No network.', lastSynced: at });
    assert.deepEqual(syncIndicator([changes], true, at), { kind: 'live', waiting: 2, lastSynced: at });
    assert.deepEqual(syncIndicator([changes], false, at), { kind: 'waiting', count: 2, lastSynced: at });
    assert.deepEqual(syncIndicator([{ ...changes, outgoing: 0 }], false, at), { kind: 'arriving', count: 3, lastSynced: at });
    assert.deepEqual(syncIndicator([{ kind: 'synced', remote: 'origin', branch: 'stupid-work' }, { kind: 'unknown' }], false, at), { kind: 'in-sync', remote: 'origin', branch: 'stupid-work', lastSynced: at });
  });

  it('announces a background failure once until a sync succeeds, and never a passing one', () => {
    assert.equal(announceFailure(false, 'auth'), true);
    assert.equal(announceFailure(true, 'auth'), false);
    assert.equal(announceFailure(true, 'refused'), false);
    assert.equal(announceFailure(false, 'offline'), false);
    assert.equal(announceFailure(false, 'not-a-repo'), false);
  });
});
