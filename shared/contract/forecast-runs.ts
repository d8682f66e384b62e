/**
 * Saved forecast runs (revisions): save what a forecast said, list and delete runs, and compare each
 * run with the actuals that arrived after it. The run's configuration lives in the workspace doc
 * (shared with the team), its values in the local store; see shared/model/forecast-run.ts.
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';
import { ForecastResult } from './forecast.js';
import { ForecastRun, ForecastRunConfig } from '../model/forecast-run.js';

const TimeLabel = z.union([z.string(), z.number()]);
const Num = z.number().nullable();
const Bound = z.record(z.string(), z.number());

export const ForecastRunPoint = z.object({ step: z.number().int(), time: TimeLabel, mean: z.number(), lower: Bound, upper: Bound });
export type ForecastRunPoint = z.infer<typeof ForecastRunPoint>;

export const ForecastRunSummary = ForecastRun.extend({
  /** False when this machine does not hold the run's values (a teammate saved it). */
  hasValues: z.boolean(),
});
export type ForecastRunSummary = z.infer<typeof ForecastRunSummary>;

/** How far a run's forecasts were from the actuals seen since; null fields when nothing matched yet. */
export const RevisionError = z.object({
  /** Forecast periods that now have an actual value. */
  matched: z.number().int(),
  mae: Num,
  rmse: Num,
  /** Mean absolute percentage error in percent (periods with an actual of 0 left out). */
  mape: Num,
  /** Mean of forecast − actual: positive means the run forecast too high. */
  bias: Num,
  /** Share (0–1) of actuals inside each interval level. */
  coverage: Bound,
});
export type RevisionError = z.infer<typeof RevisionError>;

export const RevisionComparison = z.object({
  run: ForecastRunSummary,
  points: z.array(ForecastRunPoint.extend({ actual: Num, error: Num })),
  error: RevisionError,
});
export type RevisionComparison = z.infer<typeof RevisionComparison>;

export const forecastRunMethods = {
  'forecastRuns.save': method(
    'Keep a forecast as a revision: its configuration in the workspace document, its values in the local store',
    z.object({ workspaceId: Id, name: z.string().trim().min(1).max(200), config: ForecastRunConfig, result: ForecastResult }),
    ForecastRunSummary,
  ),
  'forecastRuns.list': method('Saved forecast runs, newest first; optionally of one dataset', z.object({ workspaceId: Id, datasetId: Id.optional() }), z.array(ForecastRunSummary)),
  'forecastRuns.get': method('One saved run with its forecast values', z.object({ workspaceId: Id, runId: Id }), z.object({ run: ForecastRunSummary, points: z.array(ForecastRunPoint) })),
  'forecastRuns.delete': method('Delete a saved run and its values', z.object({ workspaceId: Id, runId: Id }), Ok),
  'forecastRuns.compare': method(
    'Compare saved runs with the actuals that arrived after each was made: per-period error and summary accuracy',
    z.object({ workspaceId: Id, datasetId: Id.optional(), runIds: z.array(Id).min(1).max(50).optional() }),
    z.object({ revisions: z.array(RevisionComparison) }),
  ),
} as const;
