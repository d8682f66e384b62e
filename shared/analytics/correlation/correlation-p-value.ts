import { tTwoSidedP } from '../math/distributions.js';

/**
 * Two-sided p-value of a correlation coefficient r from n pairs under H₀: ρ = 0, by the exact t
 * statistic t = r·√((n − 2)/(1 − r²)) with n − 2 degrees of freedom (Pearson; for Spearman this is
 * the large-sample approximation R's cor.test uses with exact = FALSE). Null below 3 pairs.
 *
 * @example
 * correlationPValue(0.5, 30); // 0.004884…
 */
export function correlationPValue(r: number, n: number): number | null {
  if (n < 3 || !Number.isFinite(r)) return null;
  if (Math.abs(r) >= 1) return 0;
  const df = n - 2;
  return tTwoSidedP(r * Math.sqrt(df / ((1 - r) * (1 + r))), df);
}
