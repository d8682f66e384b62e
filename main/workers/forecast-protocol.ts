/** Messages between main and forecast.worker. */
import type { ErrorPayload } from '../../shared/errors.js';
import type { ForecastAnswer } from '../../shared/analytics/forecast/forecast-series.js';

export type ForecastWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total?: number }
  | { type: 'result'; value: ForecastAnswer }
  /** `internal` carries an unexpected error's stack for the log only; it never reaches a user. */
  | { type: 'error'; error: ErrorPayload; internal?: string };
