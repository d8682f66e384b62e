/**
 * Starts an analytics Web Worker. Vite recognises this exact `new Worker(new URL(...))` form and
 * bundles the worker (with the analytics engine) as its own chunk, loaded only when a job runs.
 */
import type { WorkerLike } from './protocol.js';

export function spawnAnalyticsWorker(): WorkerLike {
  return new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module', name: 'udash-analytics' }) as unknown as WorkerLike;
}
