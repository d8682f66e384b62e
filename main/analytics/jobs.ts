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

  /** Runs a job; with a taskId it can be cancelled and reports progress. `signal` is the caller's own. */
  async run(job: AnalyticsJob, taskId: string | undefined, signal?: AbortSignal): Promise<AnalyticsAnswer> {
    const ctrl = new AbortController();
    if (taskId !== undefined) {
      if (this.running.has(taskId)) throw new UdashError('CONFLICT', `A task with id "${taskId}" is already running`, { field: 'taskId' });
      this.running.set(taskId, ctrl);
    }
    const onCallerGone = () => ctrl.abort();
    signal?.addEventListener('abort', onCallerGone, { once: true });
    if (signal?.aborted) ctrl.abort();
    try {
      return await this.runner(job, {
        signal: ctrl.signal,
        logError: this.logError,
        ...(taskId !== undefined ? { onProgress: (phase: string, fraction: number) => this.events.emit('progress', { taskId, phase, done: Math.round(fraction * 100), total: 100 }) } : {}),
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
