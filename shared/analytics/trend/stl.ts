/**
 * STL: seasonal–trend decomposition by loess (Cleveland et al. 1990), y = seasonal + trend + remainder.
 * Inner loop: detrend; smooth each cycle-subseries with loess (extended one period at both ends);
 * low-pass filter that (moving averages of length p, p, 3, then loess) and subtract it, so the
 * seasonal part carries no trend; loess the deseasonalised series for the trend. The optional outer
 * loop recomputes bisquare robustness weights from the remainder so outliers do not distort the
 * components. Defaults follow R's stl(): seasonal degree 0, trend window
 * nextodd(⌈1.5p/(1 − 1.5/s)⌉), low-pass window nextodd(p), 2 inner passes (1 when robust, with 15
 * outer passes). The seasonal window defaults to 11 (as feasts/mstl). Every point is smoothed
 * (no jumps), trading a little speed for the exact reference arithmetic.
 * Hand-written: no STL package is installed; this follows the published Fortran's structure.
 */
import { UdashError } from '../../errors.js';
import { loessAt, loessSmooth } from './loess.js';

export interface StlOptions {
  period: number;
  /** Odd span ≥ 3 of the seasonal smoother, or "periodic" (a fixed seasonal pattern). Default 11. */
  seasonalWindow?: number | 'periodic';
  trendWindow?: number;
  lowPassWindow?: number;
  robust?: boolean;
}

export interface StlResult {
  period: number;
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
  /** Robustness weights (all 1 unless robust). */
  weights: Float64Array;
  parameters: { seasonalWindow: number | 'periodic'; trendWindow: number; lowPassWindow: number; robust: boolean };
}

const nextOdd = (x: number) => {
  const v = Math.round(x);
  return v % 2 === 0 ? v + 1 : v;
};

/** Cycle-subseries smoothing: returns C of length n + 2·period (one extra cycle before and after). */
function cycleSubseries(y: Float64Array, period: number, ns: number, degree: number, rw: Float64Array | null): Float64Array {
  const n = y.length;
  const out = new Float64Array(n + 2 * period);
  for (let j = 0; j < period; j++) {
    const k = Math.floor((n - j - 1) / period) + 1;
    const sub = new Float64Array(k);
    const subW = rw ? new Float64Array(k) : null;
    for (let m = 0; m < k; m++) {
      sub[m] = y[m * period + j]!;
      if (subW) subW[m] = rw![m * period + j]!;
    }
    const smooth = loessSmooth(sub, ns, degree, subW);
    const w = new Float64Array(k);
    const before = loessAt(sub, k, ns, degree, 0, 1, Math.min(ns, k), subW, w);
    const after = loessAt(sub, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, subW, w);
    out[j] = Number.isNaN(before) ? smooth[0]! : before;
    for (let m = 0; m < k; m++) out[(m + 1) * period + j] = smooth[m]!;
    out[(k + 1) * period + j] = Number.isNaN(after) ? smooth[k - 1]! : after;
  }
  return out;
}

function movingAverage(x: Float64Array, len: number): Float64Array {
  const out = new Float64Array(x.length - len + 1);
  let s = 0;
  for (let i = 0; i < len; i++) s += x[i]!;
  out[0] = s / len;
  for (let j = 1; j < out.length; j++) {
    s += x[j + len - 1]! - x[j - 1]!;
    out[j] = s / len;
  }
  return out;
}

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Decomposes an evenly spaced series without gaps; needs at least two full periods.
 *
 * @example
 * const y = Float64Array.from({ length: 48 }, (_, t) => t + [3, 0, -3, 0][t % 4]!);
 * stl(y, { period: 4, seasonalWindow: 'periodic' }).seasonal.slice(0, 4); // ≈ [3, 0, -3, 0]
 */
export function stl(y: Float64Array, opts: StlOptions): StlResult {
  const fn = 'stl';
  const n = y.length;
  const period = opts.period;
  if (!Number.isInteger(period) || period < 2) throw new UdashError('BAD_INPUT', `${fn}: period must be a whole number ≥ 2, got ${period}`, { field: 'period' });
  if (n < 2 * period) throw new UdashError('BAD_DATA', `${fn}: a period of ${period} needs at least ${2 * period} values (two full cycles); the series has ${n}`, { field: 'period' });
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i]!)) throw new UdashError('BAD_DATA', `${fn}: value ${i + 1} is missing or not finite; fill gaps first`, { row: i + 1 });
  const periodic = opts.seasonalWindow === 'periodic';
  const sw = opts.seasonalWindow ?? 11;
  if (!periodic && (typeof sw !== 'number' || !Number.isInteger(sw) || sw < 3 || sw % 2 === 0)) {
    throw new UdashError('BAD_INPUT', `${fn}: seasonalWindow must be an odd whole number ≥ 3 or "periodic", got ${String(sw)}`, { field: 'seasonalWindow' });
  }
  const ns = periodic ? 10 * n + 1 : (sw as number);
  const isdeg = 0;
  const nt = opts.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / ns)));
  const nl = opts.lowPassWindow ?? nextOdd(period);
  for (const [name, v] of [['trendWindow', nt], ['lowPassWindow', nl]] as const) {
    if (!Number.isInteger(v) || v < 3 || v % 2 === 0) throw new UdashError('BAD_INPUT', `${fn}: ${name} must be an odd whole number ≥ 3, got ${v}`, { field: name });
  }
  const robust = opts.robust ?? false;
  const inner = robust ? 1 : 2;
  const outer = robust ? 15 : 0;

  const trend = new Float64Array(n);
  const seasonal = new Float64Array(n);
  let rw: Float64Array | null = null;
  for (let k = 0; ; k++) {
    for (let it = 0; it < inner; it++) {
      const detrended = new Float64Array(n);
      for (let i = 0; i < n; i++) detrended[i] = y[i]! - trend[i]!;
      const c = cycleSubseries(detrended, period, ns, isdeg, rw);
      const low = loessSmooth(movingAverage(movingAverage(movingAverage(c, period), period), 3), nl, 1, null);
      for (let i = 0; i < n; i++) seasonal[i] = c[period + i]! - low[i]!;
      const deseason = new Float64Array(n);
      for (let i = 0; i < n; i++) deseason[i] = y[i]! - seasonal[i]!;
      trend.set(loessSmooth(deseason, nt, 1, rw));
    }
    if (k >= outer) break;
    // Bisquare weights from the remainder, scaled by 6·median|remainder|.
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = Math.abs(y[i]! - trend[i]! - seasonal[i]!);
    const cmad = 6 * median(r);
    rw = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = r[i]!;
      rw[i] = u <= 0.001 * cmad ? 1 : u <= 0.999 * cmad ? Math.pow(1 - (u / cmad) ** 2, 2) : 0;
    }
  }
  if (periodic) {
    // A fixed pattern: each position of the cycle gets the mean of its seasonal values (as R's stl).
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      sums[i % period]! += seasonal[i]!;
      counts[i % period]!++;
    }
    for (let i = 0; i < n; i++) seasonal[i] = sums[i % period]! / counts[i % period]!;
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return {
    period,
    seasonal,
    trend,
    remainder,
    weights: rw ?? new Float64Array(n).fill(1),
    parameters: { seasonalWindow: periodic ? 'periodic' : ns, trendWindow: nt, lowPassWindow: nl, robust },
  };
}
