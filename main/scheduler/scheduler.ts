/**
 * The scheduling engine: fires jobs when they are due, and copes with a laptop.
 *
 * It does not keep one timer per job. Each tick asks every job for its next run after the last time
 * it was due (persisted), fires those at or before now, then sleeps until the earliest next run, but
 * never longer than `maxSleepMs`. Timers do not run while a machine sleeps, so after a wake (or a
 * start after the machine was off) the first tick finds runs in the past: each such job fires ONCE,
 * marked late with the number of runs it folds together, and its next run is computed from now, so a
 * week asleep never sends seven copies. `wake()` lets the desktop shell tick at once on resume.
 *
 * The persisted "last due" is written in the same transaction as whatever `onFire` records (a run
 * row), so a crash cannot lose a run or fire it twice.
 */
import type { Clock, TimerHandle } from './clock.js';

export interface ScheduledJob {
  key: string;
  /** Runs before this instant are never fired (the job's creation or last edit). */
  anchorMs: number;
  next(after: Date): Date | null;
}

export interface FireEvent {
  key: string;
  /** The latest due time this firing stands for (its own time when on time). */
  dueAt: Date;
  /** The earliest due time folded into this firing (equals dueAt when on time). */
  firstDueAt: Date;
  late: boolean;
  /** How many due times this one firing stands for (1 when on time). */
  occurrences: number;
}

export interface ScheduleStateStore {
  lastDue(key: string): number | null;
  setLastDue(key: string, dueMs: number): void;
}

export interface SchedulerOptions {
  clock: Clock;
  jobs: () => ScheduledJob[];
  state: ScheduleStateStore;
  /** Records the run; called inside `atomically` together with the state update. */
  onFire: (e: FireEvent) => void;
  atomically?: (fn: () => void) => void;
  onError?: (err: unknown, key: string) => void;
  /** A run this much after its time counts as late. */
  lateAfterMs?: number;
  /** The longest sleep between ticks, so clock changes and edits from teammates are noticed. */
  maxSleepMs?: number;
  /** Also run on every tick (retries, tracking pulls). */
  onTick?: (nowMs: number) => void;
}

const MAX_FOLDED = 10_000;

export class Scheduler {
  private timer: TimerHandle | null = null;
  private running = false;
  private ticking = false;
  private readonly lateAfterMs: number;
  private readonly maxSleepMs: number;

  constructor(private readonly opts: SchedulerOptions) {
    this.lateAfterMs = opts.lateAfterMs ?? 120_000;
    this.maxSleepMs = opts.maxSleepMs ?? 60_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = null;
  }

  /** Tick now: after a wake from sleep, a clock change, or an edit of the schedules. */
  wake(): void {
    if (this.running) this.tick();
  }

  /** The next run of a job as the scheduler will fire it (for "next run" in lists). */
  nextRunOf(job: ScheduledJob): Date | null {
    return job.next(new Date(this.afterMs(job)));
  }

  private afterMs(job: ScheduledJob): number {
    const last = this.opts.state.lastDue(job.key);
    // The anchor is exclusive of itself minus one ms: a run exactly at creation time still counts.
    return Math.max(last ?? -Infinity, job.anchorMs - 1);
  }

  private tick(): void {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    this.timer?.cancel();
    this.timer = null;
    const now = this.opts.clock.now();
    let wakeAt = now + this.maxSleepMs;
    try {
      try {
        this.opts.onTick?.(now);
      } catch (e) {
        this.opts.onError?.(e, '(tick)');
      }
      for (const job of this.opts.jobs()) {
        try {
          const next = this.fireIfDue(job, now);
          if (next !== null && next < wakeAt) wakeAt = next;
        } catch (e) {
          this.opts.onError?.(e, job.key);
        }
      }
    } finally {
      this.ticking = false;
    }
    if (this.running) this.timer = this.opts.clock.setTimer(() => this.tick(), Math.max(0, wakeAt - this.opts.clock.now()));
  }

  /** Fires the job once when due; returns its next run time in ms, or null when it has none. */
  private fireIfDue(job: ScheduledJob, now: number): number | null {
    const first = job.next(new Date(this.afterMs(job)));
    if (!first) return null;
    if (first.getTime() > now) return first.getTime();
    let latest = first;
    let occurrences = 1;
    for (let n = job.next(first); n && n.getTime() <= now && occurrences < MAX_FOLDED; n = job.next(n)) {
      latest = n;
      occurrences++;
    }
    const event: FireEvent = { key: job.key, dueAt: latest, firstDueAt: first, late: now - latest.getTime() > this.lateAfterMs || occurrences > 1, occurrences };
    const commit = () => {
      this.opts.state.setLastDue(job.key, latest.getTime());
      this.opts.onFire(event);
    };
    if (this.opts.atomically) this.opts.atomically(commit);
    else commit();
    return job.next(latest)?.getTime() ?? null;
  }
}
