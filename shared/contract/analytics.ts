/**
 * Statistics calls (describe, correlate, regress, distribution, trend) on a dataset's numeric
 * columns. main reads the columns from SQLite and runs shared/analytics in a worker_thread; with a
 * taskId the call reports `progress` events under it and `analytics.cancel` stops it (the call then
 * fails with CANCELLED). Outputs are plain JSON: arrays rather than typed arrays, and null wherever a
 * value is undefined for the data (each such case also comes with a notice saying why).
 * Forecasting has its own file (./forecast.ts).
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok, TaskId } from './common.js';

const Num = z.number().nullable();
const ColumnName = z.string().min(1).max(500);
export const Notice = z.object({ code: z.string(), message: z.string() });

const DatasetRef = { workspaceId: Id, datasetId: Id, taskId: TaskId };

// ------------------------------------------------------------------------------------------- describe

export const DescribeInput = z.object({
  ...DatasetRef,
  /** Numeric columns to describe; all numeric columns when omitted. */
  columns: z.array(ColumnName).min(1).max(200).optional(),
  /** Extra percentiles, in percent. */
  percentiles: z.array(z.number().min(0).max(100)).max(50).default([]),
  /** Hyndman–Fan definition 1–9; 7 (default) = R's default and Excel PERCENTILE.INC. */
  quantileType: z.number().int().min(1).max(9).default(7),
  /** Extra autocorrelation lags besides 1. */
  lags: z.array(z.number().int().min(1).max(10_000)).max(20).default([]),
});

export const ColumnDescription = z.object({
  name: z.string(),
  count: z.number().int(),
  missing: z.number().int(),
  sum: z.number(),
  mean: z.number(),
  median: z.number(),
  mode: z.object({ values: z.array(z.number()), count: z.number().int() }).nullable(),
  min: z.number(),
  max: z.number(),
  range: z.number(),
  variance: Num,
  stdDev: Num,
  populationVariance: z.number(),
  populationStdDev: z.number(),
  standardError: Num,
  skewness: Num,
  kurtosis: Num,
  q1: z.number(),
  q3: z.number(),
  iqr: z.number(),
  percentiles: z.array(z.object({ p: z.number(), value: z.number() })),
  coefficientOfVariation: Num,
  autocorrelationLag1: Num,
  autocorrelations: z.array(z.object({ lag: z.number().int(), value: Num })),
  quantileType: z.number().int(),
  notices: z.array(Notice),
});
export const DescribeResult = z.object({ columns: z.array(ColumnDescription) });
export type DescribeResult = z.infer<typeof DescribeResult>;

// ------------------------------------------------------------------------------------------ correlate

export const CorrelateInput = z.object({
  ...DatasetRef,
  /** At least two numeric columns; all numeric columns (up to 200) when omitted. */
  columns: z.array(ColumnName).min(2).max(200).optional(),
  method: z.enum(['pearson', 'spearman']).default('pearson'),
  /** How many of the strongest pairs to list. */
  strongest: z.number().int().min(0).max(1000).default(10),
});

export const CorrelateResult = z.object({
  method: z.enum(['pearson', 'spearman']),
  columns: z.array(z.string()),
  matrix: z.array(z.array(Num)),
  pValues: z.array(z.array(Num)),
  n: z.array(z.array(z.number().int())),
  strongest: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      r: z.number(),
      pValue: Num,
      n: z.number().int(),
      strength: z.enum(['strong', 'moderate', 'weak', 'negligible']),
      direction: z.enum(['positive', 'negative']),
    }),
  ),
  notices: z.array(Notice),
});
export type CorrelateResult = z.infer<typeof CorrelateResult>;

// -------------------------------------------------------------------------------------------- regress

export const RegressInput = z.object({
  ...DatasetRef,
  y: ColumnName,
  x: z.array(ColumnName).min(1).max(100),
  /** Polynomial degree 1–10; only with a single x. */
  degree: z.number().int().min(1).max(10).optional(),
  intercept: z.boolean().default(true),
  level: z.number().gt(0).lt(1).default(0.95),
  /** New points to predict at: one value per x (or one x for a polynomial). */
  predict: z.array(z.array(z.number())).max(10_000).default([]),
  /** Most fitted/residual points returned for plots (evenly spaced over the rows used). */
  maxPoints: z.number().int().min(0).max(100_000).default(2000),
});

export const RegressionTerm = z.object({ term: z.string(), estimate: z.number(), stdError: z.number(), tValue: Num, pValue: z.number(), ciLow: z.number(), ciHigh: z.number() });

export const RegressResult = z.object({
  kind: z.enum(['simple', 'multiple', 'polynomial']),
  response: z.string(),
  predictors: z.array(z.string()),
  intercept: z.boolean(),
  level: z.number(),
  terms: z.array(RegressionTerm),
  rSquared: z.number(),
  adjRSquared: z.number(),
  residualStdError: z.number(),
  fStatistic: Num,
  fPValue: Num,
  dfModel: z.number().int(),
  dfResidual: z.number().int(),
  n: z.number().int(),
  missing: z.number().int(),
  covariance: z.array(z.array(z.number())),
  /** Sampled points for residual plots: 1-based input row, the x values, fitted and residual. */
  points: z.array(z.object({ row: z.number().int(), x: z.array(Num), y: z.number(), fitted: z.number(), residual: z.number() })),
  pointsSampled: z.boolean(),
  predictions: z.array(z.object({ x: z.array(z.number()), fit: z.number(), confLow: z.number(), confHigh: z.number(), predLow: z.number(), predHigh: z.number() })),
  notices: z.array(Notice),
});
export type RegressResult = z.infer<typeof RegressResult>;

// --------------------------------------------------------------------------------------- distribution

export const DistributionInput = z.object({
  ...DatasetRef,
  column: ColumnName,
  binMethod: z.enum(['freedman-diaconis', 'sturges', 'fixed']).default('freedman-diaconis'),
  /** Bin count for binMethod "fixed". */
  bins: z.number().int().min(1).max(1000).optional(),
  alpha: z.number().gt(0).lt(1).default(0.05),
  qqPoints: z.number().int().min(2).max(10_000).default(512),
});

export const DistributionResult = z.object({
  name: z.string(),
  n: z.number().int(),
  missing: z.number().int(),
  mean: z.number(),
  stdDev: z.number(),
  skewness: Num,
  kurtosis: Num,
  histogram: z.object({ method: z.string(), binWidth: z.number(), bins: z.array(z.object({ start: z.number(), end: z.number(), count: z.number().int() })) }),
  boxPlot: z.object({
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    iqr: z.number(),
    lowerFence: z.number(),
    upperFence: z.number(),
    whiskerLow: z.number(),
    whiskerHigh: z.number(),
    outliers: z.array(z.object({ row: z.number().int(), value: z.number() })),
    outlierCount: z.number().int(),
  }),
  normality: z.object({
    shapiroWilk: z.object({ w: z.number(), pValue: z.number(), n: z.number().int() }).nullable(),
    andersonDarling: z.object({ statistic: z.number(), adjusted: z.number(), pValue: z.number() }).nullable(),
    jarqueBera: z.object({ statistic: z.number(), pValue: z.number(), skewness: z.number(), excessKurtosis: z.number() }).nullable(),
    alpha: z.number(),
    normal: z.boolean().nullable(),
    verdict: z.string(),
  }),
  qq: z.object({ points: z.array(z.object({ theoretical: z.number(), sample: z.number() })), line: z.object({ slope: z.number(), intercept: z.number() }), thinned: z.boolean() }),
  notices: z.array(Notice),
});
export type DistributionResult = z.infer<typeof DistributionResult>;

// ---------------------------------------------------------------------------------------------- trend

export const TrendInput = z.object({
  ...DatasetRef,
  timeColumn: ColumnName,
  valueColumn: ColumnName,
  /** Moving-average window; default the seasonal period, else √n clamped to 3…50. */
  window: z.number().int().min(1).max(100_000).optional(),
  emaSpan: z.number().min(1).max(100_000).optional(),
  polynomialDegree: z.number().int().min(2).max(10).optional(),
  /** Steps to project the trend lines; default 10% of the series. */
  horizon: z.number().int().min(0).max(100_000).optional(),
  level: z.number().gt(0).lt(1).default(0.95),
  seasonality: z.union([z.enum(['auto', 'off']), z.number().int().min(2).max(100_000)]).default('auto'),
  /** Most series points returned (evenly thinned beyond). */
  maxPoints: z.number().int().min(10).max(1_000_000).default(5000),
});

const TimeValue = z.union([z.string(), z.number()]);
const TrendLine = z.object({
  degree: z.number().int(),
  terms: z.array(RegressionTerm),
  rSquared: z.number(),
  slopePerStep: Num,
  slopePerStepPercentOfMean: Num,
  slopePValue: Num,
  projection: z.array(z.object({ time: TimeValue, fit: z.number(), low: z.number(), high: z.number() })),
});

export const TrendResult = z.object({
  n: z.number().int(),
  timeKind: z.enum(['datetime', 'number']),
  frequency: z.object({ unit: z.string(), step: z.number(), regular: z.boolean(), naturalPeriods: z.array(z.number().int()) }),
  /** Series for charts (thinned to maxPoints when longer; `sampled` says so). */
  series: z.array(z.object({ time: TimeValue, value: z.number(), sma: Num, wma: Num, ema: Num, linear: Num, trend: Num, seasonal: Num, remainder: Num })),
  sampled: z.boolean(),
  movingAverages: z.object({ window: z.number().int(), emaSpan: z.number() }),
  linear: TrendLine,
  polynomial: TrendLine.nullable(),
  seasonality: z.object({
    period: z.number().int().nullable(),
    strength: z.number(),
    acf: Num,
    periodogramPeriod: z.number().nullable(),
    candidates: z.array(z.object({ period: z.number().int(), acf: z.number() })),
    method: z.enum(['acf', 'given']),
  }),
  decomposition: z.object({ method: z.literal('stl'), period: z.number().int(), seasonalWindow: z.union([z.number(), z.literal('periodic')]), trendWindow: z.number(), robust: z.boolean() }).nullable(),
  cycles: z.object({
    cycles: z.array(z.object({ period: z.number(), share: z.number() })),
    pValue: Num,
    peaks: z.array(TimeValue),
    troughs: z.array(TimeValue),
    meanPeakDistance: Num,
  }),
  notices: z.array(Notice),
});
export type TrendResult = z.infer<typeof TrendResult>;

export const analyticsMethods = {
  'analytics.describe': method('Descriptive statistics of numeric dataset columns', DescribeInput, DescribeResult),
  'analytics.correlate': method('Pearson or Spearman correlation matrix with p-values, pairwise n and the strongest relationships', CorrelateInput, CorrelateResult),
  'analytics.regress': method('Simple, multiple or polynomial least-squares regression with inference, residuals and predictions', RegressInput, RegressResult),
  'analytics.distribution': method('Histogram, box plot, normality tests and QQ points of a numeric column', DistributionInput, DistributionResult),
  'analytics.trend': method('Moving averages, trend lines with projection, seasonality, STL decomposition and cycles of a series', TrendInput, TrendResult),
  'analytics.cancel': method('Stop a running statistics call by its taskId; the call fails with CANCELLED', z.object({ taskId: Id }), Ok),
} as const;
