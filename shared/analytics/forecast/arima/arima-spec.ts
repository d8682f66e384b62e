/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)m specifications and the polynomial algebra they need (Box, Jenkins &
 * Reinsel; FPP3 §9.9). Sign conventions as R's stats::arima:
 *   (1 − Σφ_i B^i)(1 − ΣΦ_j B^{mj}) (1−B)^d (1−B^m)^D (y_t − β·x_t) = (1 + Σθ_i B^i)(1 + ΣΘ_j B^{mj}) ε_t.
 */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Season length; 1 for non-seasonal models. */
  m: number;
}

/** What the regression part holds: nothing, a mean (d + D = 0) or a drift (d + D = 1). */
export type ArimaConstant = 'none' | 'mean' | 'drift';

export function arimaName(o: ArimaOrder, constant: ArimaConstant = 'none'): string {
  const seasonal = o.m > 1 && o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${o.m}]` : '';
  const suffix = constant === 'drift' ? ' with drift' : constant === 'mean' ? ' with non-zero mean' : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}${suffix}`;
}

/** The ARMA coefficients' count: p + q + P + Q. */
export function armaCount(o: ArimaOrder): number {
  return o.p + o.q + o.P + o.Q;
}

/** Expands (1 − Σφ B)(1 − ΣΦ B^m) into 1 − Σφ'_k B^k; returns φ' (length p + mP). */
export function expandAr(phi: ArrayLike<number>, sphi: ArrayLike<number>, m: number): Float64Array {
  const p = phi.length;
  const P = sphi.length;
  const out = new Float64Array(p + m * P);
  for (let i = 0; i < p; i++) out[i] = phi[i]!;
  for (let j = 0; j < P; j++) {
    const base = (j + 1) * m - 1;
    out[base]! += sphi[j]!;
    for (let i = 0; i < p; i++) out[base + i + 1]! -= phi[i]! * sphi[j]!;
  }
  return out;
}

/** Expands (1 + Σθ B)(1 + ΣΘ B^m) into 1 + Σθ'_k B^k; returns θ' (length q + mQ). */
export function expandMa(theta: ArrayLike<number>, stheta: ArrayLike<number>, m: number): Float64Array {
  const q = theta.length;
  const Q = stheta.length;
  const out = new Float64Array(q + m * Q);
  for (let i = 0; i < q; i++) out[i] = theta[i]!;
  for (let j = 0; j < Q; j++) {
    const base = (j + 1) * m - 1;
    out[base]! += stheta[j]!;
    for (let i = 0; i < q; i++) out[base + i + 1]! += theta[i]! * stheta[j]!;
  }
  return out;
}

/** Coefficients δ of (1−B)^d (1−B^m)^D = 1 + Σ δ_k B^k, as an array starting at δ_0 = 1. */
export function differencingPolynomial(d: number, D: number, m: number): Float64Array {
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) for (let j = 0; j < factor.length; j++) out[i + j]! += poly[i]! * factor[j]!;
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  const seasonal = new Array<number>(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < D; i++) times(seasonal);
  return Float64Array.from(poly);
}

/** Applies (1−B)^d (1−B^m)^D; the result is d + mD shorter. */
export function difference(y: Float64Array, d: number, D: number, m: number): Float64Array {
  let w = y;
  for (let i = 0; i < D; i++) {
    const next = new Float64Array(w.length - m);
    for (let t = m; t < w.length; t++) next[t - m] = w[t]! - w[t - m]!;
    w = next;
  }
  for (let i = 0; i < d; i++) {
    const next = new Float64Array(w.length - 1);
    for (let t = 1; t < w.length; t++) next[t - 1] = w[t]! - w[t - 1]!;
    w = next;
  }
  return w === y ? Float64Array.from(y) : w;
}
