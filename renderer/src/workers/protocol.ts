/**
 * Messages between the page and the analytics Web Worker. A job is one of the engine's statistics
 * jobs (shared/analytics/run-job.ts, columns as Float64Arrays) or a forecast; answers are the same
 * JSON shapes the contract gives, so a panel draws either. Failures come back as an ErrorPayload so a
 * UdashError keeps its code and message across the boundary.
 */
import type { ErrorPayload } from '../../../shared/errors.js';
import type { AnalyticsAnswer, AnalyticsJob } from '../../../shared/analytics/run-job.js';
import type { ForecastAnswer, ForecastRequest } from '../../../shared/analytics/forecast/forecast-series.js';

export type ForecastJob = { kind: 'forecast'; request: Omit<ForecastRequest, 'onProgress'> };
export type WorkerJob = AnalyticsJob | ForecastJob;
export type WorkerAnswer<J extends WorkerJob> = J extends ForecastJob ? ForecastAnswer : AnalyticsAnswer;

export type ToWorker = { type: 'run'; id: number; job: WorkerJob };

export type FromWorker =
  | { type: 'progress'; id: number; phase: string; fraction: number }
  | { type: 'result'; id: number; value: AnalyticsAnswer | ForecastAnswer }
  | { type: 'error'; id: number; error: ErrorPayload };

/** The part of a Worker the client uses (a real Worker, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}
