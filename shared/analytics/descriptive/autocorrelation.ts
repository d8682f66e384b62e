/**
 * Lag-k autocorrelation as NIST StRD defines it (and R's acf):
 *   r(k) = Σ_{t=k+1..n} (y_t − ȳ)(y_{t−k} − ȳ) / Σ_{t=1..n} (y_t − ȳ)²
 * with compensated sums. Missing values (NaN) drop out of the pairs they take part in; ȳ and the
 * denominator use the present values.
 */
import { UdashError } from '../../errors.js';
import { fft, nextPowerOfTwo } from '../math/fft.js';
import { accurateMean, CompensatedSum } from '../math/sum.js';

/**
 * r(k) of a series in time order; null when undefined (no variance, or no pair at this lag).
 *
 * @example
 * autocorrelation(new Float64Array([1, 2, 3, 4, 5]), 1); // 0.4
 */
export function autocorrelation(values: Float64Array, lag = 1): number | null {
  if (!Number.isInteger(lag) || lag < 1) throw new UdashError('BAD_INPUT', `autocorrelation: lag must be a whole number ≥ 1, got ${lag}`, { field: 'lag' });
  const { mean, count } = accurateMean(values);
  if (count === 0) return null;
  const num = new CompensatedSum();
  const den = new CompensatedSum();
  let pairs = 0;
  for (let t = 0; t < values.length; t++) {
    const d = values[t]! - mean;
    if (d !== d) continue;
    den.add(d * d);
    if (t >= lag) {
      const e = values[t - lag]! - mean;
      if (e === e) {
        num.add(d * e);
        pairs++;
      }
    }
  }
  const denominator = den.value();
  if (pairs === 0 || !(denominator > 0)) return null;
  return num.value() / denominator;
}

/**
 * r(1) … r(maxLag) in one call (the ACF without lag 0). Long series use the FFT (Wiener–Khinchin:
 * the autocovariances are the inverse transform of |X|², zero-padded to avoid wrap-around), so the
 * cost is O(n log n) instead of O(n·maxLag); missing values count as zero deviations there, as in
 * R's acf(na.action = na.pass).
 *
 * @example
 * autocorrelations(new Float64Array([1, 2, 3, 4, 5]), 2); // [0.4, -0.1]
 */
export function autocorrelations(values: Float64Array, maxLag: number): (number | null)[] {
  if (!Number.isInteger(maxLag) || maxLag < 1) throw new UdashError('BAD_INPUT', `autocorrelations: maxLag must be a whole number ≥ 1, got ${maxLag}`, { field: 'maxLag' });
  const n = values.length;
  if (n * maxLag <= 2_000_000) {
    const out: (number | null)[] = [];
    for (let k = 1; k <= maxLag; k++) out.push(autocorrelation(values, k));
    return out;
  }
  const { mean, count } = accurateMean(values);
  if (count === 0) return new Array<number | null>(maxLag).fill(null);
  const size = nextPowerOfTwo(2 * n);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let t = 0; t < n; t++) {
    const d = values[t]! - mean;
    re[t] = d === d ? d : 0;
  }
  fft(re, im);
  for (let k = 0; k < size; k++) {
    re[k] = re[k]! * re[k]! + im[k]! * im[k]!;
    im[k] = 0;
  }
  fft(re, im, true);
  const c0 = re[0]!;
  const out: (number | null)[] = [];
  for (let k = 1; k <= maxLag; k++) out.push(k < n && c0 > 0 ? re[k]! / c0 : null);
  return out;
}
