/**
 * Jarque–Bera test of normality: JB = n/6·(S² + K²/4) with S = m₃/m₂^{3/2} and K = m₄/m₂² − 3 (the
 * moment estimators, as tseries::jarque.bera.test), asymptotically χ² with 2 degrees of freedom.
 * Reference: C. M. Jarque & A. K. Bera (1980), Economics Letters 6(3), 255–259.
 */
import { UdashError } from '../../errors.js';
import { centralMoments } from '../descriptive/central-moments.js';
import { chiSquareSf } from '../math/distributions.js';

export interface JarqueBeraResult {
  statistic: number;
  pValue: number;
  skewness: number;
  excessKurtosis: number;
}

/**
 * @example
 * jarqueBera(new Float64Array([1, 2, 3, 4, 100])).pValue < 0.5; // true
 */
export function jarqueBera(values: Float64Array): JarqueBeraResult {
  const m = centralMoments(values);
  if (m.n < 3) throw new UdashError('BAD_DATA', `jarqueBera: the test needs at least 3 values, got ${m.n}`);
  if (!(m.m2 > 0)) throw new UdashError('BAD_DATA', 'jarqueBera: no variance (every value is the same)');
  const m2 = m.m2 / m.n;
  const skewness = m.m3 / m.n / Math.pow(m2, 1.5);
  const excessKurtosis = m.m4 / m.n / (m2 * m2) - 3;
  const statistic = (m.n / 6) * (skewness * skewness + (excessKurtosis * excessKurtosis) / 4);
  return { statistic, pValue: chiSquareSf(statistic, 2), skewness, excessKurtosis };
}
