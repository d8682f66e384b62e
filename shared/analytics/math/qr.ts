/**
 * Householder QR with column pivoting (Businger & Golub 1965) on a dense column-major matrix, and
 * the triangular solves that go with it. This is the rank-revealing step of every least-squares fit:
 * regression streams its rows through ./least-squares.ts (unpivoted Householder over row blocks) and
 * then factors the small p×p triangle here, with pivoting, to find the numerical rank.
 *
 * Hand-written rather than ml-matrix's QrDecomposition because that one has no column pivoting (so it
 * cannot tell a rank-deficient design from an ill-conditioned one) and works on arrays of arrays; the
 * reflector convention follows LAPACK dgeqp3/dlarfg (H = I − τ·v·vᵀ, v₀ = 1), with column norms
 * downdated and recomputed when cancellation makes the downdate unreliable (LAPACK Working Note 176).
 * Reference: G. H. Golub & C. F. Van Loan, Matrix Computations 4th ed., §5.2 and §5.4.2.
 */

export interface QrFactorization {
  /** Rows and columns of the factored matrix. */
  m: number;
  n: number;
  /** Column-major m×n: R on and above the diagonal, the Householder vectors (without v₀ = 1) below. */
  qr: Float64Array;
  /** τ of each reflector (0 where the column was already reduced). */
  tau: Float64Array;
  /** pivot[k] = original index of the column now at position k. */
  pivot: Int32Array;
  /** Numerical rank: the number of leading |R_kk| above tolerance·|R_00|. */
  rank: number;
}

/** 2-norm of a[from..to) with scaling so squares never overflow or underflow. */
export function stableNorm(a: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) scale = Math.max(scale, Math.abs(a[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let ssq = 0;
  for (let i = from; i < to; i++) {
    const v = a[i]! / scale;
    ssq += v * v;
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Factors A·P = Q·R in place of a copy of `a` (column-major, m rows, n columns).
 * `tolerance` decides the rank: column k counts when |R_kk| > tolerance·|R_00| (default 1e-13, far
 * below what any honest regression design reaches, so only exact or near-exact collinearity is cut).
 *
 * @example
 * const f = householderQr(new Float64Array([1, 1, 1, 1, 2, 3]), 3, 2); // a 3×2 design [1 x]
 * f.rank; // 2
 */
export function householderQr(a: Float64Array, m: number, n: number, opts: { pivot?: boolean; tolerance?: number } = {}): QrFactorization {
  if (a.length < m * n) throw new RangeError(`householderQr: expected ${m}×${n} values, got ${a.length}`);
  const pivoting = opts.pivot ?? true;
  const tolerance = opts.tolerance ?? 1e-13;
  const qr = Float64Array.from(a.subarray(0, m * n));
  const tau = new Float64Array(n);
  const pivot = new Int32Array(n);
  for (let j = 0; j < n; j++) pivot[j] = j;
  const norms = new Float64Array(n);
  const normsRef = new Float64Array(n);
  for (let j = 0; j < n; j++) norms[j] = normsRef[j] = stableNorm(qr, j * m, j * m + m);
  const steps = Math.min(m, n);
  const tol3z = Math.sqrt(Number.EPSILON);

  for (let k = 0; k < steps; k++) {
    if (pivoting) {
      let best = k;
      for (let j = k + 1; j < n; j++) if (norms[j]! > norms[best]!) best = j;
      if (best !== k) {
        for (let i = 0; i < m; i++) {
          const t = qr[k * m + i]!;
          qr[k * m + i] = qr[best * m + i]!;
          qr[best * m + i] = t;
        }
        const tp = pivot[k]!;
        pivot[k] = pivot[best]!;
        pivot[best] = tp;
        norms[best] = norms[k]!;
        normsRef[best] = normsRef[k]!;
      }
    }
    const col = k * m;
    const alpha = qr[col + k]!;
    const xnorm = stableNorm(qr, col + k + 1, col + m);
    if (xnorm === 0) {
      tau[k] = 0;
    } else {
      const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
      tau[k] = (beta - alpha) / beta;
      const scal = 1 / (alpha - beta);
      for (let i = k + 1; i < m; i++) qr[col + i]! *= scal;
      qr[col + k] = beta;
      // Apply H = I − τ v vᵀ (v₀ = 1) to the remaining columns.
      for (let j = k + 1; j < n; j++) {
        const cj = j * m;
        let w = qr[cj + k]!;
        for (let i = k + 1; i < m; i++) w += qr[col + i]! * qr[cj + i]!;
        w *= tau[k]!;
        qr[cj + k]! -= w;
        for (let i = k + 1; i < m; i++) qr[cj + i]! -= w * qr[col + i]!;
      }
    }
    if (pivoting) {
      for (let j = k + 1; j < n; j++) {
        if (norms[j] === 0) continue;
        const r = Math.abs(qr[j * m + k]!) / norms[j]!;
        const temp = Math.max(0, 1 - r * r);
        const ratio = norms[j]! / normsRef[j]!;
        if (temp * ratio * ratio <= tol3z) {
          norms[j] = normsRef[j] = stableNorm(qr, j * m + k + 1, j * m + m);
        } else norms[j]! *= Math.sqrt(temp);
      }
    }
  }
  let rank = 0;
  const r00 = Math.abs(qr[0]!);
  for (let k = 0; k < steps; k++) {
    if (Math.abs(qr[k * m + k]!) > tolerance * r00 && r00 > 0) rank++;
    else break;
  }
  return { m, n, qr, tau, pivot, rank };
}

/**
 * Overwrites b (length m) with Qᵀ·b.
 *
 * @example
 * applyQTranspose(householderQr(new Float64Array([3, 4]), 2, 1), new Float64Array([3, 4])); // [-5, 0]
 */
export function applyQTranspose(f: QrFactorization, b: Float64Array): Float64Array {
  const { m, n, qr, tau } = f;
  if (b.length < m) throw new RangeError(`applyQTranspose: b needs ${m} entries, got ${b.length}`);
  for (let k = 0; k < Math.min(m, n); k++) {
    if (tau[k] === 0) continue;
    const col = k * m;
    let w = b[k]!;
    for (let i = k + 1; i < m; i++) w += qr[col + i]! * b[i]!;
    w *= tau[k]!;
    b[k]! -= w;
    for (let i = k + 1; i < m; i++) b[i]! -= w * qr[col + i]!;
  }
  return b;
}

/**
 * Solves R·x = b for the leading r×r block of an upper-triangular column-major matrix with leading
 * dimension ld (back substitution). Returns a new array of length r.
 *
 * @example
 * solveUpperTriangular(new Float64Array([2, 0, 1, 4]), 2, 2, new Float64Array([4, 8])); // [1, 2]
 */
export function solveUpperTriangular(r: Float64Array, ld: number, size: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < size; j++) s -= r[j * ld + i]! * x[j]!;
    x[i] = s / r[i * ld + i]!;
  }
  return x;
}

/**
 * Inverse of the leading size×size upper-triangular block (column-major, leading dimension ld), as a
 * new column-major size×size upper-triangular matrix. Used for (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, the unscaled
 * covariance of least-squares coefficients.
 *
 * @example
 * upperTriangularInverse(new Float64Array([2, 0, 1, 4]), 2, 2); // [0.5, 0, -0.125, 0.25]
 */
export function upperTriangularInverse(r: Float64Array, ld: number, size: number): Float64Array {
  const inv = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    inv[j * size + j] = 1 / r[j * ld + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r[k * ld + i]! * inv[j * size + k]!;
      inv[j * size + i] = -s / r[i * ld + i]!;
    }
  }
  return inv;
}
