/**
 * worker_thread entry for statistics: exposes runAnalyticsJob through comlink. Progress is throttled
 * to about ten messages a second; failures are returned as data (see main/analytics/worker-protocol.ts).
 * Cancellation is the parent terminating the thread.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { isUdashError, toErrorPayload } from '../../shared/errors.js';
import { runAnalyticsJob, type AnalyticsJob } from '../../shared/analytics/run-job.js';
import type { AnalyticsWorkerApi, WorkerAnswer } from '../analytics/worker-protocol.js';

if (!parentPort) throw new Error('analytics.worker must run as a worker_thread');

const api: AnalyticsWorkerApi = {
  ready: () => true,
  run(job: AnalyticsJob, onProgress?: (phase: string, fraction: number) => void): WorkerAnswer {
    let last = 0;
    try {
      const value = runAnalyticsJob(job, (phase, fraction) => {
        const now = Date.now();
        if (!onProgress || (now - last < 100 && fraction < 1)) return;
        last = now;
        void onProgress(phase, fraction);
      });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorPayload(e), ...(isUdashError(e) ? {} : { internal: e instanceof Error ? (e.stack ?? e.message) : String(e) }) };
    }
  },
};

Comlink.expose(api, nodeEndpoint(parentPort));
