/**
 * Runs one statistics job in a fresh worker_thread (dist/workers/analytics.worker.js, built by
 * scripts/build.mjs) through comlink: the job's column buffers are transferred, not copied; progress
 * comes back through a comlink proxy; an abort terminates the thread, which is how a job is
 * cancelled — it stops wherever it is, with nothing to clean up. One thread per job keeps
 * cancellation that simple; starting one costs about 30 ms, small beside the work it carries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { fromErrorPayload, UdashError } from '../../shared/errors.js';
import type { AnalyticsAnswer, AnalyticsJob } from '../../shared/analytics/run-job.js';
import { projectRoot } from '../assets.js';
import type { AnalyticsWorkerApi } from './worker-protocol.js';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (phase: string, fraction: number) => void;
  /** Unexpected worker failures go here (the caller only sees a generic INTERNAL error). */
  logError?: (message: string) => void;
  /** Defaults to dist/workers/analytics.worker.js under the project root. */
  workerFile?: string;
}

export function analyticsWorkerFile(): string {
  return path.join(projectRoot(), 'dist', 'workers', 'analytics.worker.js');
}

/** Every Float64Array buffer in the job, so postMessage moves them instead of copying. */
function buffersOf(job: AnalyticsJob): ArrayBuffer[] {
  const cols = job.kind === 'regress' ? [job.y, ...job.x] : job.kind === 'distribution' ? [job.column] : job.kind === 'trend' ? [job.time, job.value] : job.columns;
  const set = new Set<ArrayBuffer>();
  for (const c of cols) if (c.values.buffer instanceof ArrayBuffer && c.values.byteLength === c.values.buffer.byteLength) set.add(c.values.buffer);
  return [...set];
}

export async function runAnalyticsInWorker(job: AnalyticsJob, opts: RunOptions = {}): Promise<AnalyticsAnswer> {
  const file = opts.workerFile ?? analyticsWorkerFile();
  if (!fs.existsSync(file)) throw new UdashError('UNAVAILABLE', 'The statistics worker is not built; run `npm run build` (or `node scripts/build.mjs --only=workers`)');
  try {
    return await runOnce(file, job, opts);
  } catch (e) {
    // A thread that ends cleanly without answering loaded an incomplete bundle (a build rewriting
    // dist/workers at that moment, as parallel test runs do). The job's buffers were not sent yet
    // in that case, so one retry is safe; a real failure repeats and is reported.
    if (e instanceof EarlyExit && !e.sent) return runOnce(file, job, opts);
    throw e instanceof EarlyExit ? new UdashError('INTERNAL', `The statistics worker exited early (code ${e.code})`) : e;
  }
}

class EarlyExit extends Error {
  constructor(
    readonly code: number,
    readonly sent: boolean,
  ) {
    super(`worker exited with code ${code}`);
  }
}

async function runOnce(file: string, job: AnalyticsJob, opts: RunOptions): Promise<AnalyticsAnswer> {
  if (opts.signal?.aborted) throw new UdashError('CANCELLED', 'The analysis was cancelled');
  const worker = new Worker(file);
  const api = Comlink.wrap<AnalyticsWorkerApi>(nodeEndpoint(worker));
  let sent = false;
  let onAbort: (() => void) | undefined;
  let onError: ((e: Error) => void) | undefined;
  let onExit: ((code: number) => void) | undefined;
  try {
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => reject(new UdashError('CANCELLED', 'The analysis was cancelled'));
      onError = (e) => {
        opts.logError?.(`analytics worker crashed: ${e.stack ?? e.message}`);
        reject(new UdashError('INTERNAL', 'The analysis stopped unexpectedly. The details are in the log.'));
      };
      onExit = (code) => reject(new EarlyExit(code, sent));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
    // Wait until the thread has loaded its module (it answers a comlink ping) before moving buffers.
    await Promise.race([api.ready(), stopped]);
    sent = true;
    const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
    const answer = await Promise.race([api.run(Comlink.transfer(job, buffersOf(job)), progress), stopped]);
    if (answer.ok) return answer.value;
    if (answer.internal) opts.logError?.(`analytics worker failed: ${answer.internal}`);
    throw fromErrorPayload(answer.error);
  } finally {
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    if (onError) worker.off('error', onError);
    if (onExit) worker.off('exit', onExit);
    api[Comlink.releaseProxy]();
    await worker.terminate();
  }
}
