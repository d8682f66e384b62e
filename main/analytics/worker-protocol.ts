/**
 * What crosses between main and analytics.worker (through comlink): the job in, a settled answer
 * out. Failures come back as data rather than as a thrown error, because comlink would keep only an
 * Error's message and lose the UdashError code and details.
 */
import type { ErrorPayload } from '../../shared/errors.js';
import type { AnalyticsAnswer, AnalyticsJob } from '../../shared/analytics/run-job.js';

export type WorkerAnswer = { ok: true; value: AnalyticsAnswer } | { ok: false; error: ErrorPayload; internal?: string };

export interface AnalyticsWorkerApi {
  /** Answers once the worker's module has loaded. */
  ready(): boolean;
  run(job: AnalyticsJob, onProgress?: (phase: string, fraction: number) => void): WorkerAnswer;
}
