/**
 * The least-squares core every regression shares. Columns are centred at their (two-pass, compensated)
 * means when the model has an intercept, which removes the intercept column and with it most of the
 * ill-conditioning of designs like Longley's; the centred rows stream through the blocked Householder
 * QR (../math/least-squares.ts). Never the normal equations: they square the condition number.
 */
import { UdashError } from '../../errors.js';
import type { NumericColumn } from '../column.js';
import { LeastSquaresAccumulator } from '../math/least-squares.js';
import { accurateMean, CompensatedSum } from '../math/sum.js';

const BLOCK_ROWS = 2048;

export interface CoreFit {
  n: number;
  intercept: boolean;
  means: Float64Array;
  yMean: number;
  coef: Float64Array;
  /** q×q column-major (symmetric). */
  covUnscaled: Float64Array;
  fitted: Float64Array;
  residuals: Float64Array;
  rss: number;
  tss: number;
  /** R's summary.lm test: residual variance below 1e-30·(mean(ŷ)² + var(ŷ)). */
  essentiallyPerfect: boolean;
}

/**
 * Fits y ≈ [1] + Σ coef_j (x_j − mean_j). `design` holds complete rows only (no NaN); `names` label
 * the columns in errors about collinearity.
 */
export function fitCore(fn: string, y: Float64Array, design: Float64Array[], names: string[], intercept: boolean): CoreFit {
  const n = y.length;
  const q = design.length;
  const means = new Float64Array(q);
  const yMean = intercept ? accurateMean(y).mean : 0;
  if (intercept) for (let j = 0; j < q; j++) means[j] = accurateMean(design[j]!).mean;

  const acc = new LeastSquaresAccumulator(q);
  const block = new Float64Array(Math.min(BLOCK_ROWS, n) * q);
  const yb = new Float64Array(Math.min(BLOCK_ROWS, n));
  for (let r0 = 0; r0 < n; r0 += BLOCK_ROWS) {
    const b = Math.min(BLOCK_ROWS, n - r0);
    for (let j = 0; j < q; j++) {
      const col = design[j]!;
      const m = means[j]!;
      const off = j * b;
      for (let i = 0; i < b; i++) block[off + i] = col[r0 + i]! - m;
    }
    for (let i = 0; i < b; i++) yb[i] = y[r0 + i]! - yMean;
    acc.addBlock(block, yb, b);
  }
  const sol = acc.solve();
  if (sol.rank < q) {
    const dropped = names.filter((_, j) => sol.aliased[j]);
    throw new UdashError(
      'BAD_DATA',
      `${fn}: ${dropped.map((d) => `"${d}"`).join(', ')} ${dropped.length === 1 ? 'is' : 'are'} a linear combination of the other ${intercept ? 'terms and the intercept' : 'terms'} (collinear); leave ${dropped.length === 1 ? 'it' : 'them'} out or lower the degree`,
      { column: dropped[0] },
    );
  }

  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  fitted.fill(yMean);
  for (let j = 0; j < q; j++) {
    const col = design[j]!;
    const c = sol.coefficients[j]!;
    const m = means[j]!;
    for (let i = 0; i < n; i++) fitted[i]! += c * (col[i]! - m);
  }
  const rss = new CompensatedSum();
  const tss = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const e = y[i]! - fitted[i]!;
    residuals[i] = e;
    rss.add(e * e);
    const d = y[i]! - yMean;
    tss.add(d * d);
  }
  let fm = 0;
  for (let i = 0; i < n; i++) fm += fitted[i]!;
  fm /= n;
  let fv = 0;
  for (let i = 0; i < n; i++) fv += (fitted[i]! - fm) ** 2;
  fv /= Math.max(1, n - 1);
  const resvar = rss.value() / (n - q - (intercept ? 1 : 0));
  const essentiallyPerfect = resvar < (fm * fm + fv) * 1e-30;
  return { n, intercept, means, yMean, coef: sol.coefficients, covUnscaled: sol.unscaledCovariance, fitted, residuals, rss: rss.value(), tss: tss.value(), essentiallyPerfect };
}

/**
 * Rows where y and every predictor are present. Throws BAD_DATA on ±Infinity (naming column and row)
 * and returns the compacted columns plus the input row index of each kept row.
 */
export function completeRows(fn: string, cols: NumericColumn[]): { values: Float64Array[]; rows: Int32Array } {
  const n = cols[0]!.values.length;
  const keep = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    let ok = 1;
    for (const c of cols) {
      const v = c.values[i]!;
      if (v !== v) ok = 0;
      else if (v === Infinity || v === -Infinity) throw new UdashError('BAD_DATA', `${fn}: column "${c.name}" has an infinite value at row ${i + 1}`, { column: c.name, row: i + 1 });
    }
    keep[i] = ok;
    count += ok;
  }
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) rows[k++] = i;
  if (count === n) return { values: cols.map((c) => c.values), rows };
  const values = cols.map((c) => {
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) out[k] = c.values[rows[k]!]!;
    return out;
  });
  return { values, rows };
}
