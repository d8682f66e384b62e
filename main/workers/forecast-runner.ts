/**
 * Starts forecast.worker (the bundle in dist/workers, built by scripts/build.mjs) for one forecast,
 * relays its progress, and terminates it on abort, which is how a forecast is cancelled: the thread
 * stops wherever it is, with nothing to clean up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromErrorPayload, UdashError } from '../../shared/errors.js';
import type { ForecastAnswer, ForecastRequest } from '../../shared/analytics/forecast/forecast-series.js';
import { projectRoot } from '../assets.js';
import type { ForecastWorkerMessage } from './forecast-protocol.js';

export interface ForecastJob {
  request: Omit<ForecastRequest, 'onProgress' | 'neural'>;
  onProgress?: (p: { phase: string; done: number; total?: number }) => void;
  signal?: AbortSignal;
  /** Unexpected worker failures go here (the caller only sees a generic INTERNAL error). */
  logError?: (message: string) => void;
  /** The bundled worker; defaults to dist/workers/forecast.worker.js under the project root. */
  workerFile?: string;
}

export function forecastWorkerFile(): string {
  return path.join(projectRoot(), 'dist', 'workers', 'forecast.worker.js');
}

export function runForecastInWorker(job: ForecastJob): Promise<ForecastAnswer> {
  const file = job.workerFile ?? forecastWorkerFile();
  if (!fs.existsSync(file)) return Promise.reject(new UdashError('UNAVAILABLE', 'The forecasting worker is not built; run `npm run build` (or `node scripts/build.mjs --only=workers`)'));
  if (job.signal?.aborted) return Promise.reject(new UdashError('CANCELLED', 'The forecast was cancelled'));
  return new Promise<ForecastAnswer>((resolve, reject) => {
    const worker = new Worker(file);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new UdashError('CANCELLED', 'The forecast was cancelled')));
    job.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: ForecastWorkerMessage) => {
      if (m.type === 'progress') job.onProgress?.({ phase: m.phase, done: m.done, ...(m.total !== undefined ? { total: m.total } : {}) });
      else if (m.type === 'result') finish(() => resolve(m.value));
      else {
        if (m.internal) job.logError?.(`forecast worker failed: ${m.internal}`);
        finish(() => reject(fromErrorPayload(m.error)));
      }
    });
    worker.on('error', (e) => {
      job.logError?.(`forecast worker crashed: ${e.stack ?? e.message}`);
      finish(() => reject(new UdashError('INTERNAL', 'The forecast stopped unexpectedly. The details are in the log.')));
    });
    worker.on('exit', (code) => {
      if (!settled) finish(() => reject(new UdashError('INTERNAL', `The forecasting worker exited early (code ${code})`)));
    });
    worker.postMessage(job.request);
  });
}
