/**
 * The running statistics jobs of one process, by taskId: each gets an AbortController so
 * `analytics.cancel` (or the caller going away) can stop it, and its progress is published as
 * `progress` events under that taskId. Built by the analytics handlers; stopped on close.
 */
import { UdashError } from '../../shared/errors.js';
import type { AnalyticsAnswer, AnalyticsJob } from '../../shared/analytics/run-job.js';
import type { EventBus } from '../events.js';
import { runAnalyticsInWorker } from './worker-runner.js';

export interface JobRunner {
  (job: AnalyticsJob, opts: { signal?: AbortSignal; onProgress?: (phase: string, fraction: number) => void; logError?: (m: string) => void }): Promise<AnalyticsAnswer>;
}

export class AnalyticsJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly events: EventBus,
    private readonly logError: (message: string) => void,
    private readonly runner: JobRunner = runAnalyticsInWorker,
  ) {}

  /**
   * Runs a job; with a taskId it can be cancelled and reports progress. `signal` is the caller's own.
   * `job` may be a function that prepares it (reads the dataset's columns): the task is cancellable
   * from the start, so a Cancel pressed while a million rows are read stops the read too.
   */
  async run(job: AnalyticsJob | ((signal: AbortSignal, onProgress: (phase: string, fraction: number) => void) => Promise<AnalyticsJob>), taskId: string | undefined, signal?: AbortSignal): Promise<AnalyticsAnswer> {
    const ctrl = new AbortController();
    if (taskId !== undefined) {
      if (this.running.has(taskId)) throw new UdashError('CONFLICT', `A task with id "${taskId}" is already running`, { field: 'taskId' });
      this.running.set(taskId, ctrl);
    }
    const onCallerGone = () => ctrl.abort();
    signal?.addEventListener('abort', onCallerGone, { once: true });
    if (signal?.aborted) ctrl.abort();
    const onProgress = (phase: string, fraction: number) => {
      if (taskId !== undefined) this.events.emit('progress', { taskId, phase, done: Math.round(fraction * 100), total: 100 });
    };
    try {
      const prepared = typeof job === 'function' ? await job(ctrl.signal, onProgress) : job;
      if (ctrl.signal.aborted) throw new UdashError('CANCELLED', 'The analysis was cancelled');
      return await this.runner(prepared, {
        signal: ctrl.signal,
        logError: this.logError,
        ...(taskId !== undefined ? { onProgress } : {}),
      });
    } finally {
      signal?.removeEventListener('abort', onCallerGone);
      if (taskId !== undefined) this.running.delete(taskId);
    }
  }

  /** True when a job with this taskId was running and is now being stopped. */
  cancel(taskId: string): boolean {
    const ctrl = this.running.get(taskId);
    if (!ctrl) return false;
    ctrl.abort();
    return true;
  }

  stopAll(): void {
    for (const ctrl of this.running.values()) ctrl.abort();
  }
}
