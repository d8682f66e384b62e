/**
 * Cycle identification: periodic swings that are not the seasonal pattern — business-cycle-like
 * waves in the deseasonalised, linearly detrended series. The strongest periodogram peaks (periods
 * between 2 observations and half the series, away from the seasonal period and its harmonics) are
 * reported with their share of the variance and Fisher's g-test p-value for the largest one; turning
 * points of the smoothed series give the average peak-to-peak length.
 */
import type { StlResult } from './stl.js';
import { fisherG, periodogram } from './periodogram.js';

export interface Cycle {
  /** Length of one cycle in observations. */
  period: number;
  /** Share of the detrended, deseasonalised variance at this frequency (0–1). */
  share: number;
}

export interface Cycles {
  cycles: Cycle[];
  /** Fisher's g test p-value that the strongest cycle is real rather than noise. */
  pValue: number | null;
  peaks: number[];
  troughs: number[];
  /** Mean distance between successive peaks of the smoothed series, in observations. */
  meanPeakDistance: number | null;
}

/**
 * @example
 * const y = Float64Array.from({ length: 200 }, (_, t) => Math.sin((2 * Math.PI * t) / 40));
 * identifyCycles(y, null, null).cycles[0].period; // ≈ 40
 */
export function identifyCycles(values: Float64Array, seasonalPeriod: number | null, decomposition: StlResult | null): Cycles {
  const n = values.length;
  if (n < 8) return { cycles: [], pValue: null, peaks: [], troughs: [], meanPeakDistance: null };
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = values[i]! - (decomposition ? decomposition.seasonal[i]! : 0);
  // Remove the linear trend so the lowest frequencies do not swamp the periodogram.
  const tm = (n - 1) / 2;
  let ym = 0;
  for (let i = 0; i < n; i++) ym += base[i]!;
  ym /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tm) * (base[i]! - ym);
    sxx += (i - tm) ** 2;
  }
  const b = sxy / sxx;
  for (let i = 0; i < n; i++) base[i] = base[i]! - ym - b * (i - tm);
  const pg = periodogram(base);
  let total = 0;
  for (let k = 0; k < pg.power.length; k++) total += pg.power[k]!;
  const nearSeasonal = (p: number) => {
    if (seasonalPeriod === null) return false;
    for (let h = 1; h <= 6; h++) if (Math.abs(p - seasonalPeriod / h) <= 0.1 * (seasonalPeriod / h)) return true;
    return false;
  };
  const peaksPg: Cycle[] = [];
  for (let k = 0; k < pg.power.length; k++) {
    const p = 1 / pg.frequency[k]!;
    if (p < 2 || p > n / 2 || nearSeasonal(p)) continue;
    const left = k > 0 ? pg.power[k - 1]! : -Infinity;
    const right = k + 1 < pg.power.length ? pg.power[k + 1]! : -Infinity;
    if (pg.power[k]! >= left && pg.power[k]! >= right && total > 0) peaksPg.push({ period: Math.round(p * 10) / 10, share: pg.power[k]! / total });
  }
  peaksPg.sort((x, y) => y.share - x.share);
  const cycles = peaksPg.slice(0, 3);
  const pValue = cycles.length ? fisherG(cycles[0]!.share, pg.power.length) : null;

  // Turning points of a short centred moving average (half the strongest cycle, at least 3).
  const w = Math.max(3, Math.min(Math.floor(n / 4), Math.round((cycles[0]?.period ?? 6) / 2)) | 1);
  const half = w >> 1;
  const smooth = new Float64Array(n).fill(NaN);
  for (let i = half; i < n - half; i++) {
    let s = 0;
    for (let j = i - half; j <= i + half; j++) s += base[j]!;
    smooth[i] = s / w;
  }
  const peaks: number[] = [];
  const troughs: number[] = [];
  for (let i = half + 1; i < n - half - 1; i++) {
    const a = smooth[i - 1]!;
    const c = smooth[i]!;
    const d = smooth[i + 1]!;
    if (c > a && c >= d) peaks.push(i);
    else if (c < a && c <= d) troughs.push(i);
  }
  const meanPeakDistance = peaks.length >= 2 ? (peaks[peaks.length - 1]! - peaks[0]!) / (peaks.length - 1) : null;
  return { cycles, pValue, peaks, troughs, meanPeakDistance };
}
