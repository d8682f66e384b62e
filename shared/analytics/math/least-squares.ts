/**
 * Streaming least squares by Householder QR over row blocks (the "TSQR" idea in its sequential form:
 * each block is stacked under the current p×p triangle R and reduced to a new R). Memory stays at one
 * block plus R whatever the row count, the arithmetic is that of a single Householder QR (backward
 * stable, never the normal equations, which square the condition number), and the reflectors exploit
 * R's zeros so a block of b rows costs about b·p² multiply-adds.
 *
 * At the end the small triangle is factored again with column pivoting (./qr.ts) to find the numerical
 * rank: A = Q₁R and R·P = Q₂R′ give A·P = (Q₁Q₂)R′. Aliased (linearly dependent) columns get NaN
 * coefficients, as R's lm reports NA.
 * Reference: J. Demmel, L. Grigori, M. Hoemmen, J. Langou (2012), "Communication-optimal parallel and
 * sequential QR and LU factorizations", SIAM J. Sci. Comput. 34(1); Golub & Van Loan §5.3.
 */
import { applyQTranspose, householderQr, solveUpperTriangular, upperTriangularInverse } from './qr.js';
import { CompensatedSum } from './sum.js';

export interface LeastSquaresSolution {
  /** One per column; NaN for a column dropped as linearly dependent on earlier ones. */
  coefficients: Float64Array;
  /** (XᵀX)⁻¹ restricted to the kept columns (column-major p×p; 0 in rows/columns of dropped ones). */
  unscaledCovariance: Float64Array;
  rank: number;
  aliased: boolean[];
  /** Residual sum of squares as the QR sees it: ‖Q₂ᵀy‖² beyond the first `rank` entries. */
  rss: number;
  rows: number;
}

/**
 * Accumulates rows of a least-squares problem min‖Xβ − y‖ block by block.
 *
 * @example
 * const acc = new LeastSquaresAccumulator(2);
 * // X = [[1,1],[1,2],[1,3]] column-major, y = [1,2,3]
 * acc.addBlock(new Float64Array([1, 1, 1, 1, 2, 3]), new Float64Array([1, 2, 3]), 3);
 * acc.solve().coefficients; // [0, 1]
 */
export class LeastSquaresAccumulator {
  private readonly r: Float64Array;
  private readonly z: Float64Array;
  private readonly rss = new CompensatedSum();
  private rowCount = 0;

  constructor(readonly p: number) {
    if (!(Number.isInteger(p) && p >= 1)) throw new RangeError(`LeastSquaresAccumulator: p must be a positive integer, got ${p}`);
    this.r = new Float64Array(p * p);
    this.z = new Float64Array(p);
  }

  get rows(): number {
    return this.rowCount;
  }

  /**
   * Adds b rows. `block` is column-major b×p (leading dimension b), `y` has b entries; both are
   * overwritten (they become the reflectors and the residual components).
   */
  addBlock(block: Float64Array, y: Float64Array, b: number): void {
    const { p, r, z } = this;
    if (block.length < b * p || y.length < b) throw new RangeError(`addBlock: expected a ${b}×${p} block and ${b} responses`);
    for (let k = 0; k < p; k++) {
      const col = k * b;
      let ssq = 0;
      for (let i = 0; i < b; i++) {
        const v = block[col + i]!;
        ssq += v * v;
      }
      let xnorm = Math.sqrt(ssq);
      if (!Number.isFinite(xnorm) || (xnorm === 0 && ssq !== 0)) xnorm = scaledNorm(block, col, b);
      if (xnorm === 0) continue;
      const alpha = r[k * p + k]!;
      const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
      const tau = (beta - alpha) / beta;
      const scal = 1 / (alpha - beta);
      for (let i = 0; i < b; i++) block[col + i]! *= scal;
      r[k * p + k] = beta;
      // Apply the reflector to two columns per sweep: the reflector is read once for both.
      let j = k + 1;
      for (; j + 1 < p; j += 2) {
        const c1 = j * b;
        const c2 = c1 + b;
        let w1 = r[j * p + k]!;
        let w2 = r[(j + 1) * p + k]!;
        for (let i = 0; i < b; i++) {
          const v = block[col + i]!;
          w1 += v * block[c1 + i]!;
          w2 += v * block[c2 + i]!;
        }
        w1 *= tau;
        w2 *= tau;
        r[j * p + k]! -= w1;
        r[(j + 1) * p + k]! -= w2;
        for (let i = 0; i < b; i++) {
          const v = block[col + i]!;
          block[c1 + i]! -= w1 * v;
          block[c2 + i]! -= w2 * v;
        }
      }
      for (; j < p; j++) {
        const cj = j * b;
        let w = r[j * p + k]!;
        for (let i = 0; i < b; i++) w += block[col + i]! * block[cj + i]!;
        w *= tau;
        r[j * p + k]! -= w;
        for (let i = 0; i < b; i++) block[cj + i]! -= w * block[col + i]!;
      }
      let w = z[k]!;
      for (let i = 0; i < b; i++) w += block[col + i]! * y[i]!;
      w *= tau;
      z[k]! -= w;
      for (let i = 0; i < b; i++) y[i]! -= w * block[col + i]!;
    }
    for (let i = 0; i < b; i++) this.rss.add(y[i]! * y[i]!);
    this.rowCount += b;
  }

  /**
   * Rank-revealing solve of the accumulated problem. R's columns are first scaled to unit length (R's
   * column norms are the design's column norms, Q being orthogonal), so the rank tolerance compares
   * directions, not units: x in millions next to x² in 10¹³ is not mistaken for collinearity.
   */
  solve(opts: { tolerance?: number } = {}): LeastSquaresSolution {
    const { p } = this;
    const scale = new Float64Array(p);
    const scaled = Float64Array.from(this.r);
    for (let j = 0; j < p; j++) {
      const norm = scaledNorm(this.r, j * p, j + 1);
      scale[j] = norm > 0 ? 1 / norm : 0;
      for (let i = 0; i <= j; i++) scaled[j * p + i]! *= scale[j]!;
    }
    const f = householderQr(scaled, p, p, { pivot: true, ...(opts.tolerance !== undefined ? { tolerance: opts.tolerance } : {}) });
    const zt = applyQTranspose(f, Float64Array.from(this.z));
    let rank = f.rank;
    while (rank > 0 && scale[f.pivot[rank - 1]!] === 0) rank--;
    const gamma = solveUpperTriangular(f.qr, p, rank, zt);
    const coefficients = new Float64Array(p).fill(NaN);
    const aliased = new Array<boolean>(p).fill(true);
    for (let k = 0; k < rank; k++) {
      const j = f.pivot[k]!;
      coefficients[j] = gamma[k]! * scale[j]!;
      aliased[j] = false;
    }
    const rinv = upperTriangularInverse(f.qr, p, rank);
    const unscaledCovariance = new Float64Array(p * p);
    for (let a = 0; a < rank; a++) {
      for (let c = a; c < rank; c++) {
        // (R⁻¹R⁻ᵀ)_ac = Σ_k R⁻¹_ak R⁻¹_ck over k ≥ max(a, c), then undo the column scaling.
        let s = 0;
        for (let k = c; k < rank; k++) s += rinv[k * rank + a]! * rinv[k * rank + c]!;
        const ia = f.pivot[a]!;
        const ic = f.pivot[c]!;
        const v = s * scale[ia]! * scale[ic]!;
        unscaledCovariance[ic * p + ia] = v;
        unscaledCovariance[ia * p + ic] = v;
      }
    }
    const rss = new CompensatedSum();
    rss.add(this.rss.value());
    for (let k = rank; k < p; k++) rss.add(zt[k]! * zt[k]!);
    return { coefficients, unscaledCovariance, rank, aliased, rss: rss.value(), rows: this.rowCount };
  }
}

function scaledNorm(a: Float64Array, from: number, n: number): number {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[from + i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[from + i]! / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}
