/**
 * Linear or polynomial trend of a series against its time axis, with a projection: fitted by
 * polynomialRegression (centred and scaled basis, QR), projected with prediction intervals from
 * predictRegression. Calendar spacings (months, quarters, years) project to the same day of later
 * months rather than by a fixed number of milliseconds.
 */
import { numericColumn } from '../column.js';
import { polynomialRegression } from '../regression/polynomial-regression.js';
import { predictRegression } from '../regression/predict.js';
import type { RegressionTerm } from '../regression/types.js';
import type { Frequency, TimeKind } from './time-axis.js';

export interface TrendLine {
  degree: number;
  terms: RegressionTerm[];
  rSquared: number;
  /** Linear trends: change per observation step, and that change relative to the mean level. */
  slopePerStep: number | null;
  slopePerStepPercentOfMean: number | null;
  /** Linear trends: p-value of the slope (is there a trend at all?). */
  slopePValue: number | null;
  fitted: Float64Array;
  projection: { time: number; fit: number; low: number; high: number }[];
}

/** The next `count` times after the last one, calendar-aware for months, quarters and years. */
export function futureTimes(time: Float64Array, frequency: Frequency, kind: TimeKind, count: number): number[] {
  const last = time[time.length - 1]!;
  const out: number[] = [];
  const months = frequency.unit === 'month' ? 1 : frequency.unit === 'quarter' ? 3 : frequency.unit === 'year' ? 12 : 0;
  for (let k = 1; k <= count; k++) {
    if (kind === 'datetime' && months > 0) {
      const d = new Date(last);
      d.setUTCMonth(d.getUTCMonth() + months * k);
      out.push(d.getTime());
    } else out.push(last + k * frequency.step);
  }
  return out;
}

/**
 * @example
 * const t = Float64Array.from([1, 2, 3, 4]);
 * trendLine(t, Float64Array.from([2, 4, 6, 8.1]), 1, { unit: 'step', step: 1, regular: true, naturalPeriods: [] }, 'number', 2, 0.95).projection[0].fit; // ≈ 10.1
 */
export function trendLine(time: Float64Array, values: Float64Array, degree: number, frequency: Frequency, kind: TimeKind, horizon: number, level: number): TrendLine {
  const fit = polynomialRegression(numericColumn('time', time), numericColumn('value', values), degree, { level });
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  const slope = degree === 1 ? fit.terms[1]!.estimate * frequency.step : null;
  const future = futureTimes(time, frequency, kind, horizon);
  const preds = future.length ? predictRegression(fit, future.map((t) => [t]), level) : [];
  return {
    degree,
    terms: fit.terms,
    rSquared: fit.rSquared,
    slopePerStep: slope,
    slopePerStepPercentOfMean: slope !== null && mean !== 0 ? (100 * slope) / Math.abs(mean) : null,
    slopePValue: degree === 1 ? fit.terms[1]!.pValue : null,
    fitted: fit.fitted,
    projection: future.map((t, k) => ({ time: t, fit: preds[k]!.fit, low: preds[k]!.predLow, high: preds[k]!.predHigh })),
  };
}
