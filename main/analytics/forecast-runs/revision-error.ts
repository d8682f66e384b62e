/**
 * How far a forecast was from what happened: MAE, RMSE, MAPE (periods whose actual is 0 left out, as
 * the percentage is undefined there), bias (mean of forecast − actual) and, per interval level, the
 * share of actuals that fell inside the interval.
 */
import type { RevisionError } from '../../../shared/contract/forecast-runs.js';

export interface MatchedPoint {
  mean: number;
  actual: number;
  lower: Record<string, number>;
  upper: Record<string, number>;
}

/**
 * @example
 * revisionError([{ mean: 10, actual: 8, lower: { '95': 7 }, upper: { '95': 13 } }], [95]);
 * // { matched: 1, mae: 2, rmse: 2, mape: 25, bias: 2, coverage: { '95': 1 } }
 */
export function revisionError(points: readonly MatchedPoint[], levels: readonly number[]): RevisionError {
  const n = points.length;
  const coverage: Record<string, number> = {};
  if (n === 0) return { matched: 0, mae: null, rmse: null, mape: null, bias: null, coverage };
  let abs = 0;
  let sq = 0;
  let bias = 0;
  let pct = 0;
  let pctN = 0;
  for (const p of points) {
    const e = p.mean - p.actual;
    abs += Math.abs(e);
    sq += e * e;
    bias += e;
    if (p.actual !== 0) {
      pct += Math.abs(e / p.actual);
      pctN++;
    }
  }
  for (const level of levels) {
    const key = String(level);
    let inside = 0;
    let counted = 0;
    for (const p of points) {
      const lo = p.lower[key];
      const hi = p.upper[key];
      if (lo === undefined || hi === undefined) continue;
      counted++;
      if (p.actual >= lo && p.actual <= hi) inside++;
    }
    if (counted) coverage[key] = inside / counted;
  }
  return { matched: n, mae: abs / n, rmse: Math.sqrt(sq / n), mape: pctN ? (100 * pct) / pctN : null, bias: bias / n, coverage };
}
