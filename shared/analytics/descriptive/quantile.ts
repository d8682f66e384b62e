/**
 * Sample quantiles by the nine definitions of Hyndman & Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4), 361–365 — R's quantile(type = 1…9). The default, type 7,
 * is R's default and Excel's PERCENTILE.INC; type 6 is Excel's PERCENTILE.EXC and Minitab/SPSS.
 * Hand-written: simple-statistics' quantileSorted implements one rule only (not type 7).
 */
import { UdashError } from '../../errors.js';

export type QuantileType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export const QUANTILE_TYPES: readonly QuantileType[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Quantile at probability p of already sorted, present values.
 *
 * @example
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.25); // 1.75 (type 7)
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.25, 6); // 1.25
 */
export function quantileSorted(sorted: Float64Array, p: number, type: QuantileType = 7): number {
  const n = sorted.length;
  if (n === 0) throw new UdashError('BAD_DATA', 'quantileSorted: no values');
  if (!(p >= 0 && p <= 1)) throw new UdashError('BAD_INPUT', `quantileSorted: p must be between 0 and 1, got ${p}`, { field: 'p' });
  if (!QUANTILE_TYPES.includes(type)) throw new UdashError('BAD_INPUT', `quantileSorted: type must be 1 to 9, got ${type}`, { field: 'type' });
  const at = (k: number) => sorted[Math.min(n, Math.max(1, k)) - 1]!;
  if (type <= 3) {
    // Discontinuous definitions (inverse of the empirical CDF and variants).
    const np = type === 3 ? n * p - 0.5 : n * p;
    const j = Math.floor(np);
    const g = np - j;
    if (type === 1) return at(g > 0 ? j + 1 : j);
    if (type === 2) return g > 0 ? at(j + 1) : (at(j) + at(j + 1)) / 2;
    return g === 0 && j % 2 === 0 ? at(j) : at(j + 1);
  }
  // Continuous definitions: interpolate at h = n·p + m between order statistics.
  const m = type === 4 ? 0 : type === 5 ? 0.5 : type === 6 ? p : type === 7 ? 1 - p : type === 8 ? (p + 1) / 3 : p / 4 + 3 / 8;
  const h = n * p + m;
  const j = Math.floor(h);
  const g = h - j;
  if (j < 1) return sorted[0]!;
  if (j >= n) return sorted[n - 1]!;
  const lo = sorted[j - 1]!;
  const hi = sorted[j]!;
  return g === 0 ? lo : lo + g * (hi - lo);
}

/**
 * Sorted copy of the present values (typed-array sort is numeric).
 *
 * @example
 * sortedValues(new Float64Array([3, NaN, 1])); // Float64Array [1, 3]
 */
export function sortedValues(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i] === values[i]) out[k++] = values[i]!;
  return out.sort();
}
