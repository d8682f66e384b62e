/**
 * Centred cross-product matrix Σ(x_i − x̄_i)(x_j − x̄_j) of k complete columns in one pass over the
 * rows. Rows are taken in blocks of 1,024: each block is centred once into a k×1024 buffer that
 * stays in cache, pairs are computed in 2×4 register tiles over contiguous memory, and
 * per-block partial sums are added with compensation. This is the whole cost of a correlation
 * matrix (n·k²/2 multiply-adds), instead of k² separate passes that each re-read both columns and
 * recompute their means, as per-pair calls (simple-statistics' sampleCorrelation) do.
 */
import { accurateMean, CompensatedSum } from '../math/sum.js';

const BLOCK = 1024;

export interface CrossProducts {
  means: Float64Array;
  /** Row-major k×k, symmetric. */
  sums: Float64Array;
}

/**
 * `columns` must be equally long and free of NaN. `knownMeans` (any centring values close to the
 * means, see ./column-scan.ts) saves the two passes of computing them here.
 *
 * @example
 * crossProducts([new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7])]).sums; // [2, 5, 5, 12.666…]
 */
export function crossProducts(columns: Float64Array[], onBlock?: (rowsDone: number) => void, knownMeans?: ArrayLike<number>): CrossProducts {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const means = new Float64Array(k);
  for (let j = 0; j < k; j++) means[j] = knownMeans ? knownMeans[j]! : accurateMean(columns[j]!).mean;
  const acc: CompensatedSum[] = Array.from({ length: k * k }, () => new CompensatedSum());
  const z = new Float64Array(k * BLOCK);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const b = Math.min(BLOCK, n - r0);
    for (let j = 0; j < k; j++) {
      const col = columns[j]!;
      const m = means[j]!;
      const off = j * BLOCK;
      for (let t = 0; t < b; t++) z[off + t] = col[r0 + t]! - m;
    }
    // 2×4 tiles (two rows against four columns): six loads per eight multiply-adds. A tile on the
    // diagonal also computes a few mirrored pairs; only entries with column ≥ row are kept.
    for (let i = 0; i < k; i += 2) {
      const two = i + 1 < k;
      const za = z.subarray(i * BLOCK, i * BLOCK + b);
      const zb = two ? z.subarray((i + 1) * BLOCK, (i + 1) * BLOCK + b) : za;
      let j = i;
      for (; j + 3 < k; j += 4) {
        const z0 = z.subarray(j * BLOCK, j * BLOCK + b);
        const z1 = z.subarray((j + 1) * BLOCK, (j + 1) * BLOCK + b);
        const z2 = z.subarray((j + 2) * BLOCK, (j + 2) * BLOCK + b);
        const z3 = z.subarray((j + 3) * BLOCK, (j + 3) * BLOCK + b);
        let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (let t = 0; t < b; t++) {
          const u = za[t]!;
          const v = zb[t]!;
          const w0 = z0[t]!;
          const w1 = z1[t]!;
          const w2 = z2[t]!;
          const w3 = z3[t]!;
          a0 += u * w0;
          a1 += u * w1;
          a2 += u * w2;
          a3 += u * w3;
          b0 += v * w0;
          b1 += v * w1;
          b2 += v * w2;
          b3 += v * w3;
        }
        const ra = i * k + j;
        acc[ra]!.add(a0);
        acc[ra + 1]!.add(a1);
        acc[ra + 2]!.add(a2);
        acc[ra + 3]!.add(a3);
        if (two) {
          const rb = (i + 1) * k + j;
          if (j >= i + 1) acc[rb]!.add(b0);
          acc[rb + 1]!.add(b1);
          acc[rb + 2]!.add(b2);
          acc[rb + 3]!.add(b3);
        }
      }
      for (; j < k; j++) {
        const zj = z.subarray(j * BLOCK, j * BLOCK + b);
        let a0 = 0;
        let b0 = 0;
        for (let t = 0; t < b; t++) {
          a0 += za[t]! * zj[t]!;
          b0 += zb[t]! * zj[t]!;
        }
        acc[i * k + j]!.add(a0);
        if (two && j >= i + 1) acc[(i + 1) * k + j]!.add(b0);
      }
    }
    onBlock?.(r0 + b);
  }
  const sums = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const v = acc[i * k + j]!.value();
      sums[i * k + j] = v;
      sums[j * k + i] = v;
    }
  }
  return { means, sums };
}
