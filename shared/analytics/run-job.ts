/**
 * One entry point for every statistics job, shaped as the contract's outputs (../contract/
 * analytics.ts): the main-process worker_thread runs this, and a renderer Web Worker can run the same.
 * Jobs carry their columns as Float64Arrays (NaN = missing), so they transfer without copying.
 */
import { UdashError } from '../errors.js';
import type { CorrelateResult, DescribeResult, DistributionResult, RegressResult, TrendResult } from '../contract/analytics.js';
import type { NumericColumn } from './column.js';
import { correlationMatrix, type CorrelationMethod } from './correlation/correlation-matrix.js';
import { describe, type DescribeOptions } from './descriptive/describe.js';
import { analyzeDistribution, type DistributionOptions } from './distribution/analyze-distribution.js';
import { jsonSafe, sampleIndices } from './json-safe.js';
import { multipleRegression } from './regression/multiple-regression.js';
import { polynomialRegression } from './regression/polynomial-regression.js';
import { predictRegression } from './regression/predict.js';
import { analyzeTrend, type TrendOptions } from './trend/analyze-trend.js';
import type { TimeKind } from './trend/time-axis.js';

export type AnalyticsJob =
  | { kind: 'describe'; columns: NumericColumn[]; options: DescribeOptions }
  | { kind: 'correlate'; columns: NumericColumn[]; options: { method: CorrelationMethod; strongest: number } }
  | { kind: 'regress'; y: NumericColumn; x: NumericColumn[]; options: { degree?: number; intercept: boolean; level: number; predict: number[][]; maxPoints: number } }
  | { kind: 'distribution'; column: NumericColumn; options: DistributionOptions }
  | { kind: 'trend'; time: NumericColumn; value: NumericColumn; timeKind: TimeKind; options: Omit<TrendOptions, 'timeKind' | 'names'> & { maxPoints: number } };

export type AnalyticsAnswer = DescribeResult | CorrelateResult | RegressResult | DistributionResult | TrendResult;
export type AnalyticsKind = AnalyticsJob['kind'];
export type ProgressFn = (phase: string, fraction: number) => void;

function regress(job: Extract<AnalyticsJob, { kind: 'regress' }>): RegressResult {
  const { y, x, options } = job;
  if (options.degree !== undefined && x.length !== 1) throw new UdashError('BAD_INPUT', `regress: a polynomial degree needs exactly one x column, got ${x.length}`, { field: 'degree' });
  const fit =
    options.degree !== undefined
      ? polynomialRegression(x[0]!, y, options.degree, { intercept: options.intercept, level: options.level })
      : multipleRegression(y, x, { intercept: options.intercept, level: options.level });
  const picks = sampleIndices(fit.n, options.maxPoints);
  const points = picks.map((k) => {
    const row = fit.rows[k]!;
    return { row: row + 1, x: x.map((c) => c.values[row]!), y: y.values[row]!, fitted: fit.fitted[k]!, residual: fit.residuals[k]! };
  });
  const predictions = options.predict.length ? predictRegression(fit, options.predict, options.level).map((p, i) => ({ x: options.predict[i]!, ...p })) : [];
  return jsonSafe({
    kind: fit.kind,
    response: fit.response,
    predictors: x.map((c) => c.name),
    intercept: fit.intercept,
    level: fit.level,
    terms: fit.terms,
    rSquared: fit.rSquared,
    adjRSquared: fit.adjRSquared,
    residualStdError: fit.residualStdError,
    fStatistic: fit.fStatistic,
    fPValue: fit.fPValue,
    dfModel: fit.dfModel,
    dfResidual: fit.dfResidual,
    n: fit.n,
    missing: fit.missing,
    covariance: fit.covariance,
    points,
    pointsSampled: picks.length < fit.n,
    predictions,
    notices: fit.notices,
  }) as RegressResult;
}

function trend(job: Extract<AnalyticsJob, { kind: 'trend' }>): TrendResult {
  const { maxPoints, ...options } = job.options;
  const r = analyzeTrend(job.time.values, job.value.values, { ...options, timeKind: job.timeKind, names: { time: job.time.name, value: job.value.name } });
  const asTime = (t: number) => (r.timeKind === 'datetime' ? new Date(t).toISOString() : t);
  const picks = sampleIndices(r.n, maxPoints);
  const d = r.decomposition;
  const series = picks.map((i) => ({
    time: asTime(r.time[i]!),
    value: r.values[i]!,
    sma: r.movingAverages.sma[i]!,
    wma: r.movingAverages.wma[i]!,
    ema: r.movingAverages.ema[i]!,
    linear: r.linear.fitted[i]!,
    trend: d ? d.trend[i]! : NaN,
    seasonal: d ? d.seasonal[i]! : NaN,
    remainder: d ? d.remainder[i]! : NaN,
  }));
  const line = (l: typeof r.linear) => ({ ...l, fitted: undefined, projection: l.projection.map((p) => ({ ...p, time: asTime(p.time) })) });
  return jsonSafe({
    n: r.n,
    timeKind: r.timeKind,
    frequency: r.frequency,
    series,
    sampled: picks.length < r.n,
    movingAverages: { window: r.movingAverages.window, emaSpan: r.movingAverages.emaSpan },
    linear: line(r.linear),
    polynomial: r.polynomial ? line(r.polynomial) : null,
    seasonality: r.seasonality,
    decomposition: d ? { method: 'stl' as const, period: d.period, seasonalWindow: d.parameters.seasonalWindow, trendWindow: d.parameters.trendWindow, robust: d.parameters.robust } : null,
    cycles: { ...r.cycles, peaks: r.cycles.peaks.map((i) => asTime(r.time[i]!)), troughs: r.cycles.troughs.map((i) => asTime(r.time[i]!)) },
    notices: r.notices,
  }) as TrendResult;
}

/**
 * Runs a job and returns its contract-shaped, JSON-safe answer.
 *
 * @example
 * runAnalyticsJob({ kind: 'describe', columns: [numericColumn('a', [1, 2, 3])], options: {} }); // { columns: [{ name: 'a', mean: 2, … }] }
 */
export function runAnalyticsJob(job: AnalyticsJob, onProgress?: ProgressFn): AnalyticsAnswer {
  onProgress?.(job.kind, 0);
  let answer: AnalyticsAnswer;
  switch (job.kind) {
    case 'describe':
      answer = jsonSafe(describe(job.columns, job.options)) as DescribeResult;
      break;
    case 'correlate':
      answer = jsonSafe(correlationMatrix(job.columns, { ...job.options, onProgress: (f) => onProgress?.('correlate', f) })) as CorrelateResult;
      break;
    case 'regress':
      answer = regress(job);
      break;
    case 'distribution':
      answer = jsonSafe(analyzeDistribution(job.column, job.options)) as DistributionResult;
      break;
    case 'trend':
      answer = trend(job);
      break;
  }
  onProgress?.(job.kind, 1);
  return answer;
}
