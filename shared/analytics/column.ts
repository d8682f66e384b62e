/**
 * What every analytics function takes: a named numeric column. NaN marks a missing value (an empty
 * cell, a SQL NULL); ±Infinity is never a valid value and is refused with its row. Names travel into
 * error messages so a user learns which column and row to fix.
 */
export interface NumericColumn {
  name: string;
  values: Float64Array;
}

/**
 * Builds a NumericColumn from plain numbers; null and undefined become NaN (missing).
 *
 * @example
 * numericColumn('price', [1, null, 3]).values; // Float64Array [1, NaN, 3]
 */
export function numericColumn(name: string, values: ArrayLike<number | null | undefined>): NumericColumn {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? NaN : v;
  }
  return { name, values: out };
}
