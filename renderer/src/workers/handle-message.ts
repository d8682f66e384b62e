/**
 * What the analytics worker does with one message: run the job with the shared engine, reporting
 * progress, and answer the result or a typed error. Pure of any worker global, so tests run it in
 * Node and the worker entry (analytics.worker.ts) only wires it to `self`.
 */
import { forecastSeries } from '../../../shared/analytics/forecast/forecast-series.js';
import { runAnalyticsJob } from '../../../shared/analytics/run-job.js';
import { UdashError } from '../../../shared/errors.js';
import type { FromWorker, ToWorker } from './protocol.js';

export function handleMessage(msg: ToWorker, post: (m: FromWorker) => void): void {
  if (msg?.type !== 'run') return;
  const { id, job } = msg;
  let lastPost = 0;
  const progress = (phase: string, fraction: number) => {
    // Progress is throttled so a tight engine loop does not flood the page with messages.
    const now = Date.now();
    if (fraction < 1 && now - lastPost < 50) return;
    lastPost = now;
    post({ type: 'progress', id, phase, fraction });
  };
  try {
    const value =
      job.kind === 'forecast'
        ? forecastSeries({ ...job.request, onProgress: (phase, done, total) => progress(phase, total ? done / total : 0) })
        : runAnalyticsJob(job, progress);
    post({ type: 'result', id, value });
  } catch (e) {
    const error = e instanceof UdashError ? e.toPayload() : { code: 'INTERNAL' as const, message: `The analysis stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}` };
    post({ type: 'error', id, error });
  }
}
