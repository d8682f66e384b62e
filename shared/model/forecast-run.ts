/**
 * A saved forecast run ("revision"): what was forecast and how (kept in the workspace Y.Doc's
 * `forecastRuns` collection, so the team shares it), while the forecast values themselves are local
 * rows in SQLite (table forecast_run_points). Later actuals are compared with each run's values to
 * show how far past forecasts were off.
 */
import { z } from 'zod';
import { MODEL_KINDS } from '../analytics/forecast/model-kinds.js';

export const FORECAST_RUNS_COLLECTION = 'forecastRuns';

const Id = z.string().min(1).max(128);
const ColumnName = z.string().min(1).max(500);
const Num = z.number().nullable();
const TimeLabel = z.union([z.string().max(64), z.number()]);

/** The forecast request as the user made it (enough to run it again). */
export const ForecastRunConfig = z.object({
  datasetId: Id,
  timeColumn: ColumnName,
  valueColumn: ColumnName,
  horizon: z.union([z.number().int(), z.string().trim().min(1).max(20)]),
  model: z.enum(MODEL_KINDS).default('auto'),
  season: z.union([z.number().int().min(1).max(10_000), z.enum(['auto', 'off'])]).default('auto'),
  levels: z.array(z.number().gt(0).lt(100)).min(1).max(10).default([80, 95]),
  fill: z.enum(['linear', 'zero', 'forward']).default('linear'),
  aggregate: z.enum(['mean', 'sum', 'last']).default('mean'),
});
export type ForecastRunConfig = z.infer<typeof ForecastRunConfig>;

export const ForecastRun = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  createdAt: z.string(),
  config: ForecastRunConfig,
  /** The model the run used (for `auto`, the one it chose). */
  model: z.object({ name: z.string(), spec: z.string(), family: z.string(), aicc: Num }),
  frequency: z.object({ unit: z.string(), label: z.string() }),
  season: z.number().int(),
  /** Steps forecast. */
  horizon: z.number().int(),
  levels: z.array(z.number()),
  /** The last period of history the run saw; actuals after it are compared with the forecast. */
  lastHistoryTime: TimeLabel,
  historyPoints: z.number().int(),
  firstForecastTime: TimeLabel,
  lastForecastTime: TimeLabel,
  backtest: z.object({ mae: Num, rmse: Num, mape: Num, smape: Num, mase: Num }).nullable(),
});
export type ForecastRun = z.infer<typeof ForecastRun>;
