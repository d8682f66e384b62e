/**
 * Anderson–Darling test of normality with estimated mean and SD (case 4), as nortest::ad.test:
 * A² = −n − (1/n)·Σ(2i − 1)[ln Φ(zᵢ) + ln(1 − Φ(z₍ₙ₊₁₋ᵢ₎))], adjusted A*² = A²(1 + 0.75/n + 2.25/n²),
 * p-value from D'Agostino & Stephens (1986), Goodness-of-Fit Techniques, Table 4.9. Upper tails use
 * the normal survival function directly, so extreme z keep their logarithms finite.
 */
import { UdashError } from '../../errors.js';
import { centralMoments } from '../descriptive/central-moments.js';
import { normalCdf, normalSf } from '../math/distributions.js';

export interface AndersonDarlingResult {
  statistic: number;
  adjusted: number;
  pValue: number;
}

/**
 * For values sorted ascending; needs n ≥ 8 (as nortest).
 *
 * @example
 * andersonDarling(Float64Array.from([2.1, 2.5, 2.9, 3.0, 3.2, 3.3, 3.8, 4.4])).pValue > 0.05; // true
 */
export function andersonDarling(sorted: Float64Array): AndersonDarlingResult {
  const n = sorted.length;
  if (n < 8) throw new UdashError('BAD_DATA', `andersonDarling: the test needs at least 8 values, got ${n}`);
  const m = centralMoments(sorted);
  const sd = Math.sqrt(m.m2 / (n - 1));
  if (!(sd > 0)) throw new UdashError('BAD_DATA', 'andersonDarling: no variance (every value is the same)');
  let s = 0;
  for (let i = 0; i < n; i++) {
    const zi = (sorted[i]! - m.mean) / sd;
    const zj = (sorted[n - 1 - i]! - m.mean) / sd;
    s += (2 * i + 1) * (Math.log(normalCdf(zi)) + Math.log(normalSf(zj)));
  }
  const statistic = -n - s / n;
  const aa = statistic * (1 + 0.75 / n + 2.25 / (n * n));
  let pValue: number;
  if (aa < 0.2) pValue = 1 - Math.exp(-13.436 + 101.14 * aa - 223.73 * aa * aa);
  else if (aa < 0.34) pValue = 1 - Math.exp(-8.318 + 42.796 * aa - 59.938 * aa * aa);
  else if (aa < 0.6) pValue = Math.exp(0.9177 - 4.279 * aa - 1.38 * aa * aa);
  else if (aa < 10) pValue = Math.exp(1.2937 - 5.709 * aa + 0.0186 * aa * aa);
  else pValue = 3.7e-24;
  return { statistic, adjusted: aa, pValue };
}
