/**
 * Every descriptive statistic of a column in one result, computed from one sort and two passes.
 * Undefined statistics (variance of one value, skewness of a constant column …) are null and come
 * with a notice saying why, never NaN.
 */
import { UdashError } from '../../errors.js';
import type { NumericColumn } from '../column.js';
import type { Notice } from '../notice.js';
import { neumaierSum } from '../math/sum.js';
import { autocorrelation } from './autocorrelation.js';
import { centralMoments } from './central-moments.js';
import { modeSorted, type ModeResult } from './mode.js';
import { presentValues } from './present-values.js';
import { QUANTILE_TYPES, quantileSorted, type QuantileType } from './quantile.js';
import { kurtosisFromMoments, skewnessFromMoments } from './shape.js';

export interface DescribeOptions {
  /** Extra percentiles to report, in percent (0–100). */
  percentiles?: number[];
  /** Hyndman–Fan quantile definition for median, quartiles and percentiles (default 7 = Excel PERCENTILE.INC). */
  quantileType?: QuantileType;
  /** Lag of the reported autocorrelation besides lag 1 (default none). */
  lags?: number[];
}

export interface ColumnDescription {
  name: string;
  count: number;
  missing: number;
  sum: number;
  mean: number;
  median: number;
  mode: ModeResult | null;
  min: number;
  max: number;
  range: number;
  /** Sample variance and SD (n − 1); null for a single value. */
  variance: number | null;
  stdDev: number | null;
  populationVariance: number;
  populationStdDev: number;
  /** SD/√n. */
  standardError: number | null;
  /** G1 (Excel SKEW, e1071 type 2). */
  skewness: number | null;
  /** G2 excess kurtosis (Excel KURT, e1071 type 2). */
  kurtosis: number | null;
  q1: number;
  q3: number;
  iqr: number;
  percentiles: { p: number; value: number }[];
  /** SD/|mean|. */
  coefficientOfVariation: number | null;
  autocorrelationLag1: number | null;
  autocorrelations: { lag: number; value: number | null }[];
  quantileType: QuantileType;
  notices: Notice[];
}

/**
 * Describes one column (values in row order; NaN = missing).
 *
 * @example
 * describeColumn(numericColumn('a', [2, 4, 4, 4, 5, 5, 7, 9])).stdDev; // 2.138089935299395
 */
export function describeColumn(col: NumericColumn, opts: DescribeOptions = {}): ColumnDescription {
  const fn = 'describeColumn';
  const type = opts.quantileType ?? 7;
  if (!QUANTILE_TYPES.includes(type)) throw new UdashError('BAD_INPUT', `${fn}: quantileType must be 1 to 9, got ${type}`, { field: 'quantileType' });
  for (const p of opts.percentiles ?? []) {
    if (!(p >= 0 && p <= 100)) throw new UdashError('BAD_INPUT', `${fn}: percentiles must be between 0 and 100, got ${p}`, { field: 'percentiles' });
  }
  const { values, missing } = presentValues(fn, col);
  const notices: Notice[] = [];
  const m = centralMoments(values);
  const n = m.n;
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => quantileSorted(sorted, p, type);
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const constant = min === max;
  const variance = n >= 2 ? m.m2 / (n - 1) : null;
  const stdDev = variance === null ? null : Math.sqrt(variance);
  if (n < 2) notices.push({ code: 'too-few-values', message: `Column "${col.name}" has one value: variance, standard deviation and the shape statistics are undefined.` });
  else if (constant) notices.push({ code: 'no-variance', message: `Column "${col.name}" has no variance (every value is ${min}): skewness, kurtosis and autocorrelation are undefined.` });
  else if (n < 4) notices.push({ code: 'too-few-values', message: `Column "${col.name}" has ${n} values: ${n < 3 ? 'skewness and ' : ''}kurtosis need${n < 3 ? '' : 's'} at least ${n < 3 ? 3 : 4}.` });
  const mean = m.mean;
  let cv: number | null = null;
  if (stdDev !== null) {
    if (mean !== 0) cv = stdDev / Math.abs(mean);
    else notices.push({ code: 'zero-mean', message: `Column "${col.name}" has mean 0: the coefficient of variation is undefined.` });
  }
  const q1 = q(0.25);
  const q3 = q(0.75);
  return {
    name: col.name,
    count: n,
    missing,
    sum: neumaierSum(values),
    mean,
    median: q(0.5),
    mode: modeSorted(sorted),
    min,
    max,
    range: max - min,
    variance,
    stdDev,
    populationVariance: m.m2 / n,
    populationStdDev: Math.sqrt(m.m2 / n),
    standardError: stdDev === null ? null : stdDev / Math.sqrt(n),
    skewness: skewnessFromMoments(m),
    kurtosis: kurtosisFromMoments(m),
    q1,
    q3,
    iqr: q3 - q1,
    percentiles: (opts.percentiles ?? []).map((p) => ({ p, value: q(p / 100) })),
    coefficientOfVariation: cv,
    autocorrelationLag1: constant ? null : autocorrelation(col.values, 1),
    autocorrelations: (opts.lags ?? []).map((lag) => ({ lag, value: constant ? null : autocorrelation(col.values, lag) })),
    quantileType: type,
    notices,
  };
}

/**
 * Describes several columns.
 *
 * @example
 * describe([numericColumn('a', [1, 2]), numericColumn('b', [3, 5])]).columns.map((c) => c.mean); // [1.5, 4]
 */
export function describe(columns: NumericColumn[], opts: DescribeOptions = {}): { columns: ColumnDescription[] } {
  if (columns.length === 0) throw new UdashError('BAD_INPUT', 'describe: choose at least one column', { field: 'columns' });
  return { columns: columns.map((c) => describeColumn(c, opts)) };
}
