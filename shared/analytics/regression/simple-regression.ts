import type { NumericColumn } from '../column.js';
import { linearRegression, type RegressionOptions } from './multiple-regression.js';
import type { RegressionResult } from './types.js';

/**
 * Simple linear regression y = b₀ + b₁x (or y = b₁x without intercept): the one-predictor case of
 * multipleRegression, with the same QR arithmetic and statistics.
 *
 * @example
 * simpleRegression(numericColumn('x', [1, 2, 3]), numericColumn('y', [2, 4, 6.5])).terms[1].estimate; // 2.25
 */
export function simpleRegression(x: NumericColumn, y: NumericColumn, opts: RegressionOptions = {}): RegressionResult {
  return linearRegression('simpleRegression', y, [x], opts);
}
