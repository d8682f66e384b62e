/**
 * Input checks shared by the analytics functions. Each failure is a UdashError whose message starts
 * with the function's name and names the column (and row, 1 = first data row), so bad data is never
 * answered with a silent NaN.
 */
import { UdashError } from '../errors.js';
import type { NumericColumn } from './column.js';

/**
 * One pass: throws BAD_DATA at the first ±Infinity or when the column is empty or all missing;
 * returns the number of present values.
 */
export function scanColumn(fn: string, col: NumericColumn): number {
  const v = col.values;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x) continue;
    if (x === Infinity || x === -Infinity) {
      throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" has an infinite value at row ${i + 1}`, { column: col.name, row: i + 1 });
    }
    n++;
  }
  if (v.length === 0) throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" is empty`, { column: col.name });
  if (n === 0) throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" has only missing values`, { column: col.name });
  return n;
}

/** Throws BAD_INPUT unless every column has the same number of rows. */
export function assertSameLength(fn: string, cols: NumericColumn[]): void {
  const n = cols[0]?.values.length ?? 0;
  for (const c of cols) {
    if (c.values.length !== n) throw new UdashError('BAD_INPUT', `${fn}: column "${c.name}" has ${c.values.length} rows but "${cols[0]!.name}" has ${n}`, { column: c.name });
  }
}

/** Throws BAD_INPUT for a probability-like level outside (0, 1). */
export function assertLevel(fn: string, level: number, field = 'level'): void {
  if (!(level > 0 && level < 1)) throw new UdashError('BAD_INPUT', `${fn}: ${field} must be between 0 and 1 (e.g. 0.95), got ${level}`, { field });
}
