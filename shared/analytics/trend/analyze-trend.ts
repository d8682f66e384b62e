/**
 * Everything the trend view shows for one series: moving averages, linear (and optionally
 * polynomial) trend lines with projection, seasonality (period and strength), an STL decomposition
 * and cycles.
 */
import { UdashError } from '../../errors.js';
import type { Notice } from '../notice.js';
import { exponentialMovingAverage, simpleMovingAverage, weightedMovingAverage } from './moving-averages.js';
import { detectSeasonality, type Seasonality } from './seasonality.js';
import type { StlResult } from './stl.js';
import { identifyCycles, type Cycles } from './cycles.js';
import { prepareSeries, type Frequency, type TimeKind } from './time-axis.js';
import { trendLine, type TrendLine } from './trend-line.js';

export interface TrendOptions {
  timeKind?: TimeKind;
  /** Moving-average window (default: the seasonal period, else √n clamped to 3…50). */
  window?: number;
  /** EMA span (default: the window). */
  emaSpan?: number;
  /** Degree of an extra polynomial trend line (2–10), none by default. */
  polynomialDegree?: number;
  /** Steps to project (default 10% of the series, 1…1000). */
  horizon?: number;
  level?: number;
  /** "auto" (default), "off", or a period in observations. */
  seasonality?: 'auto' | 'off' | number;
  names?: { time: string; value: string };
}

export interface TrendResult {
  n: number;
  time: Float64Array;
  values: Float64Array;
  timeKind: TimeKind;
  frequency: Frequency;
  movingAverages: { window: number; sma: Float64Array; wma: Float64Array; ema: Float64Array; emaSpan: number };
  linear: TrendLine;
  polynomial: TrendLine | null;
  seasonality: Seasonality;
  decomposition: StlResult | null;
  cycles: Cycles;
  notices: Notice[];
}

/**
 * @example
 * const t = Float64Array.from({ length: 48 }, (_, i) => i);
 * analyzeTrend(t, Float64Array.from(t, (i) => i + 5 * Math.sin((2 * Math.PI * i) / 12))).seasonality.period; // 12
 */
export function analyzeTrend(time: Float64Array, value: Float64Array, opts: TrendOptions = {}): TrendResult {
  const fn = 'analyzeTrend';
  const kind = opts.timeKind ?? 'number';
  const level = opts.level ?? 0.95;
  const names = opts.names ?? { time: 'time', value: 'value' };
  const prepared = prepareSeries(time, value, kind, names);
  const { values, frequency } = prepared;
  const notices = [...prepared.notices];
  const n = values.length;
  if (n < 3) throw new UdashError('BAD_DATA', `${fn}: a trend needs at least 3 points in time; "${names.value}" has ${n}`, { column: names.value });
  let constant = true;
  for (let i = 1; i < n; i++) if (values[i] !== values[0]) constant = false;
  if (constant) throw new UdashError('BAD_DATA', `${fn}: column "${names.value}" has no variance (every value is ${values[0]})`, { column: names.value });

  let seasonality: Seasonality = { period: null, strength: 0, acf: null, periodogramPeriod: null, candidates: [], method: 'acf' };
  let decomposition: StlResult | null = null;
  const want = opts.seasonality ?? 'auto';
  if (typeof want === 'number') {
    if (!Number.isInteger(want) || want < 2) throw new UdashError('BAD_INPUT', `${fn}: seasonality must be "auto", "off" or a whole number of observations ≥ 2, got ${want}`, { field: 'seasonality' });
    if (n < 2 * want) throw new UdashError('BAD_DATA', `${fn}: a seasonal period of ${want} needs at least ${2 * want} points (two full cycles); the series has ${n}`, { field: 'seasonality' });
    ({ seasonality, decomposition } = detectSeasonality(values, { period: want }));
  } else if (want === 'auto') {
    ({ seasonality, decomposition } = detectSeasonality(values, { naturalPeriods: frequency.naturalPeriods }));
    if (n < 8) notices.push({ code: 'too-short', message: `With ${n} points there is too little data to detect seasonality.` });
  }

  const window = opts.window ?? Math.min(n, seasonality.period ?? Math.max(3, Math.min(50, Math.round(Math.sqrt(n)))));
  const emaSpan = opts.emaSpan ?? window;
  const horizon = opts.horizon ?? Math.max(1, Math.min(1000, Math.round(n / 10)));
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > 100_000) throw new UdashError('BAD_INPUT', `${fn}: horizon must be a whole number from 0 to 100000, got ${horizon}`, { field: 'horizon' });
  const linear = trendLine(prepared.time, values, 1, frequency, kind, horizon, level);
  let polynomial: TrendLine | null = null;
  if (opts.polynomialDegree !== undefined) {
    if (!Number.isInteger(opts.polynomialDegree) || opts.polynomialDegree < 2 || opts.polynomialDegree > 10) {
      throw new UdashError('BAD_INPUT', `${fn}: polynomialDegree must be a whole number from 2 to 10, got ${opts.polynomialDegree}`, { field: 'polynomialDegree' });
    }
    polynomial = trendLine(prepared.time, values, opts.polynomialDegree, frequency, kind, horizon, level);
  }
  return {
    n,
    time: prepared.time,
    values,
    timeKind: kind,
    frequency,
    movingAverages: { window, sma: simpleMovingAverage(values, window), wma: weightedMovingAverage(values, window), ema: exponentialMovingAverage(values, { span: emaSpan }), emaSpan },
    linear,
    polynomial,
    seasonality,
    decomposition,
    cycles: identifyCycles(values, seasonality.period, decomposition),
    notices,
  };
}
