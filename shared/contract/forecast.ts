/**
 * Forecasting calls. The engine lives in shared/analytics/forecast; main runs it in a worker_thread,
 * reports `progress` events under the caller's taskId and stops it on `analytics.forecast.cancel`.
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok, TaskId } from './common.js';
import { MODEL_KINDS } from '../analytics/forecast/model-kinds.js';

export const ForecastModelKind = z.enum(MODEL_KINDS);

export const ForecastOptions = z.object({
  /** Steps ahead, or an amount with a calendar unit: "30d", "8w", "6mo", "2q", "1y", "48h". */
  horizon: z.union([z.number().int(), z.string().trim().min(1).max(20)]),
  model: ForecastModelKind.default('auto'),
  /** Season length in periods, "auto" (from the time column's frequency) or "off". */
  season: z.union([z.number().int().min(1).max(10_000), z.enum(['auto', 'off'])]).default('auto'),
  /** Central prediction interval levels in percent. */
  levels: z.array(z.number().gt(0).lt(100)).min(1).max(10).default([80, 95]),
  /** How periods without a value are filled. */
  fill: z.enum(['linear', 'zero', 'forward']).default('linear'),
  /** How several values in one period are combined. */
  aggregate: z.enum(['mean', 'sum', 'last']).default('mean'),
  /** With auto: also backtest a neural network (NNAR) and offer it beside the chosen model if it does better. */
  neural: z.boolean().default(false),
});

const Bound = z.record(z.string(), z.number());
const Nullable = z.number().nullable();

export const ForecastResult = z.object({
  model: z.object({ name: z.string(), spec: z.string(), aicc: Nullable, family: z.string(), params: z.record(z.string(), z.number()) }),
  frequency: z.object({ unit: z.string(), label: z.string() }),
  season: z.number().int(),
  horizon: z.number().int(),
  levels: z.array(z.number()),
  history: z.array(z.object({ time: z.union([z.string(), z.number()]), value: z.number(), fitted: Nullable })),
  forecast: z.array(z.object({ time: z.union([z.string(), z.number()]), mean: z.number(), lower: Bound, upper: Bound })),
  backtest: z
    .object({ mae: Nullable, rmse: Nullable, mape: Nullable, smape: Nullable, mase: Nullable, origins: z.number().int(), horizon: z.number().int(), coverage: Bound })
    .nullable(),
  candidates: z.array(z.object({ name: z.string(), family: z.string(), aicc: Nullable, mase: Nullable })),
  notices: z.array(z.object({ code: z.string(), message: z.string() })),
  /** A neural network that beat the chosen model on the backtest: offered, never chosen by itself. */
  offer: z
    .object({
      model: z.object({ name: z.string(), spec: z.string(), family: z.string() }),
      backtest: z.object({ mae: Nullable, rmse: Nullable, mape: Nullable, smape: Nullable, mase: Nullable, origins: z.number().int(), horizon: z.number().int(), coverage: Bound }),
      forecast: z.array(z.object({ time: z.union([z.string(), z.number()]), mean: z.number(), lower: Bound, upper: Bound })),
      message: z.string(),
    })
    .optional(),
});
export type ForecastResult = z.infer<typeof ForecastResult>;

export const forecastMethods = {
  'analytics.forecast': method(
    'Forecast a dataset column over time: model (auto or named), prediction intervals and rolling-origin backtest accuracy',
    ForecastOptions.extend({ workspaceId: Id, datasetId: Id, timeColumn: z.string().min(1), valueColumn: z.string().min(1), taskId: TaskId }),
    ForecastResult,
  ),
  'analytics.forecast.cancel': method('Stop a running forecast; its call fails with CANCELLED', z.object({ taskId: Id }), Ok),
} as const;
