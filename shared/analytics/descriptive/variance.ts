/**
 * Sample (n − 1) and population (n) variance and standard deviation of a column, computed with
 * ./central-moments.ts (two-pass, compensated, corrected).
 */
import { UdashError } from '../../errors.js';
import type { NumericColumn } from '../column.js';
import { centralMoments } from './central-moments.js';
import { presentValues } from './present-values.js';

/**
 * Sample variance Σ(x − x̄)²/(n − 1); missing values are skipped. Needs two values.
 *
 * @example
 * sampleVariance(numericColumn('a', [1, 2, 3, 4])); // 1.6666666666666667
 */
export function sampleVariance(col: NumericColumn): number {
  const { values } = presentValues('sampleVariance', col);
  if (values.length < 2) throw new UdashError('BAD_DATA', `sampleVariance: column "${col.name}" needs at least 2 values, has ${values.length}`, { column: col.name });
  const m = centralMoments(values);
  return m.m2 / (m.n - 1);
}

/**
 * Population variance Σ(x − x̄)²/n; missing values are skipped.
 *
 * @example
 * populationVariance(numericColumn('a', [1, 2, 3, 4])); // 1.25
 */
export function populationVariance(col: NumericColumn): number {
  const { values } = presentValues('populationVariance', col);
  const m = centralMoments(values);
  return m.m2 / m.n;
}

/**
 * Sample standard deviation √(Σ(x − x̄)²/(n − 1)).
 *
 * @example
 * sampleStandardDeviation(numericColumn('a', [2, 4, 4, 4, 5, 5, 7, 9])); // 2.138089935299395
 */
export function sampleStandardDeviation(col: NumericColumn): number {
  return Math.sqrt(sampleVariance(col));
}

/**
 * Population standard deviation √(Σ(x − x̄)²/n).
 *
 * @example
 * populationStandardDeviation(numericColumn('a', [2, 4, 4, 4, 5, 5, 7, 9])); // 2
 */
export function populationStandardDeviation(col: NumericColumn): number {
  return Math.sqrt(populationVariance(col));
}
