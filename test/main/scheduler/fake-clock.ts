import type { Clock, TimerHandle } from '../../../main/scheduler/clock.js';

/**
 * A clock tests move by hand. `advance` runs timers in time order as a running machine would;
 * `sleep` jumps without running them (a laptop lid closed), after which overdue timers fire once, late.
 */
export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.timers.push({ at: this.t + Math.max(0, ms), fn, id });
    return { cancel: () => (this.timers = this.timers.filter((x) => x.id !== id)) };
  }

  /** Moves time forward to `until`, firing every timer due on the way at its own time. */
  advanceTo(until: number): void {
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const first = this.timers[0];
      if (!first || first.at > until) break;
      this.timers.shift();
      this.t = Math.max(this.t, first.at);
      first.fn();
    }
    this.t = until;
  }

  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  /** Jumps to `until` without running timers on the way; overdue ones then fire (late) at wake. */
  sleepUntil(until: number): void {
    this.t = until;
    const due = this.timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((x) => x.at > until);
    for (const x of due) x.fn();
  }

  pending(): number {
    return this.timers.length;
  }
}
