/**
 * The non-missing values of a column, checked: BAD_DATA for an empty or all-missing column and for
 * ±Infinity (with its row). Every descriptive statistic starts here.
 */
import { scanColumn } from '../checks.js';
import type { NumericColumn } from '../column.js';

/**
 * Returns the present (non-NaN) values in input order and how many were missing.
 *
 * @example
 * presentValues('mean', numericColumn('a', [1, null, 3])); // { values: Float64Array [1, 3], missing: 1 }
 */
export function presentValues(fn: string, col: NumericColumn): { values: Float64Array; missing: number } {
  const n = scanColumn(fn, col);
  const v = col.values;
  if (n === v.length) return { values: v, missing: 0 };
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < v.length; i++) if (v[i] === v[i]) out[k++] = v[i]!;
  return { values: out, missing: v.length - n };
}
