/**
 * One read of a column for the correlation fast path: refuses ±Infinity (with its row), counts the
 * present values and sums them in blocks (partial sums of 1,024 keep the rounding near √n·ε). The mean
 * from this sum is only used to centre the cross-products, where an error δ in a mean changes
 * Σ(x − m)(y − m′) by n·δ·δ′ — second order — so no corrective pass is needed, and the whole matrix
 * reads each column twice (here and in ./cross-products.ts).
 */
import { UdashError } from '../../errors.js';
import type { NumericColumn } from '../column.js';

export interface ColumnScan {
  present: number;
  mean: number;
}

/**
 * @example
 * scanForCorrelation('correlationMatrix', numericColumn('a', [1, NaN, 3])); // { present: 2, mean: 2 }
 */
export function scanForCorrelation(fn: string, col: NumericColumn): ColumnScan {
  const v = col.values;
  const n = v.length;
  if (n === 0) throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" is empty`, { column: col.name });
  let total = 0;
  let present = 0;
  for (let start = 0; start < n; start += 1024) {
    const end = Math.min(n, start + 1024);
    let s = 0;
    let bad = 0;
    for (let i = start; i < end; i++) {
      const x = v[i]!;
      // x − x is 0 for finite x and NaN for NaN and ±Infinity: one test on the fast path.
      if (x - x === 0) s += x;
      else bad++;
    }
    if (bad > 0) {
      for (let i = start; i < end; i++) {
        const x = v[i]!;
        if (x === Infinity || x === -Infinity) throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" has an infinite value at row ${i + 1}`, { column: col.name, row: i + 1 });
      }
    }
    present += end - start - bad;
    total += s;
  }
  if (present === 0) throw new UdashError('BAD_DATA', `${fn}: column "${col.name}" has only missing values`, { column: col.name });
  return { present, mean: total / present };
}
