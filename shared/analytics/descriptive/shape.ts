/**
 * Skewness and excess kurtosis with the bias-adjusted estimators G1 and G2 — the ones Excel (SKEW,
 * KURT), SAS, SPSS and R's e1071 (`type = 2`) report:
 *   G1 = √(n(n−1))/(n−2) · g1,  g1 = (m3/n)/(m2/n)^{3/2}
 *   G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)),  g2 = (m4/n)/(m2/n)² − 3
 * Reference: D. N. Joanes & C. A. Gill (1998), "Comparing measures of sample skewness and kurtosis",
 * J. Royal Statist. Soc. D 47(1), 183–189.
 * Hand-written: simple-statistics' sampleSkewness is G1 but its sampleKurtosis is g2-based with a
 * different adjustment; writing both from the same moments keeps them consistent.
 */
import type { CentralMoments } from './central-moments.js';

/**
 * G1 skewness from central sums; null when undefined (fewer than 3 values or no variance).
 *
 * @example
 * skewnessFromMoments(centralMoments(new Float64Array([1, 2, 3, 10]))); // 1.8439...
 */
export function skewnessFromMoments(m: CentralMoments): number | null {
  const { n, m2, m3 } = m;
  if (n < 3 || !(m2 > 0)) return null;
  const g1 = m3 / n / Math.pow(m2 / n, 1.5);
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
}

/**
 * G2 excess kurtosis from central sums; null when undefined (fewer than 4 values or no variance).
 *
 * @example
 * kurtosisFromMoments(centralMoments(new Float64Array([1, 2, 3, 4, 10]))); // 3.4...
 */
export function kurtosisFromMoments(m: CentralMoments): number | null {
  const { n, m2, m4 } = m;
  if (n < 4 || !(m2 > 0)) return null;
  const g2 = m4 / n / Math.pow(m2 / n, 2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
