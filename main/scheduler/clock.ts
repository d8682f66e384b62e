/**
 * Time as the scheduler sees it. Production uses the system clock; tests pass a fake one they can
 * advance (or jump, as a laptop waking from sleep does) to drive schedules through a year in
 * milliseconds.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Calls fn once after ms (never before). */
  setTimer(fn: () => void, ms: number): TimerHandle;
}

/** setTimeout caps delays at 2^31-1 ms; longer waits are re-armed by the caller's next tick. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, Math.max(0, Math.min(ms, MAX_TIMEOUT_MS)));
    // A pending schedule must not keep a CLI process alive.
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};
