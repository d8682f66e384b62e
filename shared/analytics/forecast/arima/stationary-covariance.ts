/**
 * The stationary covariance of the ARMA state vector, the starting P of the exact Kalman likelihood.
 *
 * R's stats::arima computes it with Gardner, Harvey & Phillips (1980, AS 154), whose cost grows as
 * (p + mP)⁴ and which is slow for seasonal AR terms. Here it comes from the autocovariances instead:
 * in the Harvey state form used by R (T has φ' in its first column and an identity above the diagonal,
 * R = (1, θ'_1, …, θ'_{r−1})), state element i is
 *   a_t[i] = Σ_{u=0}^{r−1−i} (φ'_{i+u+1} y_{t−1−u} + θ'_{i+u} ε_{t−u}),
 * so each covariance is a finite sum of ARMA autocovariances γ(k) and ψ-weights (E[y_s ε_v] = ψ_{s−v}).
 * γ(0..p) solve the linear equations of Brockwell & Davis (1991) §3.3, "method 2".
 */
import { Matrix, solve } from 'ml-matrix';

/** ψ_0..ψ_{k}: the MA(∞) weights of the ARMA model (ψ_0 = 1). */
export function psiWeights(phi: ArrayLike<number>, theta: ArrayLike<number>, k: number): Float64Array {
  const psi = new Float64Array(k + 1);
  psi[0] = 1;
  for (let j = 1; j <= k; j++) {
    let s = j <= theta.length ? theta[j - 1]! : 0;
    for (let i = 1; i <= Math.min(j, phi.length); i++) s += phi[i - 1]! * psi[j - i]!;
    psi[j] = s;
  }
  return psi;
}

/** Autocovariances γ(0..maxLag) of a causal ARMA process with unit innovation variance. */
export function armaAutocovariance(phi: ArrayLike<number>, theta: ArrayLike<number>, maxLag: number): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const psi = psiWeights(phi, theta, q);
  const th = (j: number) => (j === 0 ? 1 : j <= q ? theta[j - 1]! : 0);
  // Right-hand sides: Σ_{j=k}^{q} θ_j ψ_{j−k}.
  const rhs = (k: number) => {
    let s = 0;
    for (let j = k; j <= q; j++) s += th(j) * psi[j - k]!;
    return s;
  };
  const gamma = new Float64Array(Math.max(maxLag, p) + 1);
  if (p === 0) {
    for (let k = 0; k <= maxLag; k++) gamma[k] = rhs(k);
    return gamma.subarray(0, maxLag + 1);
  }
  // γ(k) − Σ_i φ_i γ(|k−i|) = rhs(k), k = 0..p, unknowns γ(0..p).
  const A = Matrix.zeros(p + 1, p + 1);
  const b = Matrix.zeros(p + 1, 1);
  for (let k = 0; k <= p; k++) {
    A.set(k, k, A.get(k, k) + 1);
    for (let i = 1; i <= p; i++) {
      const lag = Math.abs(k - i);
      A.set(k, lag, A.get(k, lag) - phi[i - 1]!);
    }
    b.set(k, 0, rhs(k));
  }
  let g: Matrix;
  try {
    g = solve(A, b);
  } catch {
    // Singular: φ sits on the unit circle (a PACF of ±1); there is no stationary covariance.
    return new Float64Array(maxLag + 1).fill(NaN);
  }
  for (let k = 0; k <= p; k++) gamma[k] = g.get(k, 0);
  for (let k = p + 1; k < gamma.length; k++) {
    let s = rhs(k);
    for (let i = 1; i <= p; i++) s += phi[i - 1]! * gamma[k - i]!;
    gamma[k] = s;
  }
  return gamma.subarray(0, maxLag + 1);
}

/** P0 (r × r, row-major) for the state of an ARMA with expanded φ' and θ'; r = max(p', q' + 1). NaNs when φ' is not stationary. */
export function stationaryStateCovariance(phi: Float64Array, theta: Float64Array, r: number): Float64Array {
  const gamma = armaAutocovariance(phi, theta, r);
  const psi = psiWeights(phi, theta, r + 1);
  const ph = (k: number) => (k >= 1 && k <= phi.length ? phi[k - 1]! : 0);
  const th = (k: number) => (k === 0 ? 1 : k <= theta.length ? theta[k - 1]! : 0);
  const nzPhi: number[] = [];
  for (let k = 1; k <= phi.length; k++) if (phi[k - 1] !== 0) nzPhi.push(k);
  const nzTheta: number[] = [0];
  for (let k = 1; k <= theta.length; k++) if (theta[k - 1] !== 0) nzTheta.push(k);
  const P = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let s = 0;
      // φφ terms: u = k1 − i − 1, v = k2 − j − 1 over the non-zero φ's reachable from i and j.
      for (const k1 of nzPhi) {
        const u = k1 - i - 1;
        if (u < 0 || u > r - 1 - i) continue;
        for (const k2 of nzPhi) {
          const v = k2 - j - 1;
          if (v < 0 || v > r - 1 - j) continue;
          s += ph(k1) * ph(k2) * gamma[Math.abs(u - v)]!;
        }
        // φθ: E[y_{t−1−u} ε_{t−v}] = ψ_{v−u−1}, v = k2 − j.
        for (const k2 of nzTheta) {
          const v = k2 - j;
          if (v < 0 || v > r - 1 - j) continue;
          if (v - u - 1 >= 0) s += ph(k1) * th(k2) * psi[v - u - 1]!;
        }
      }
      for (const k1 of nzTheta) {
        const u = k1 - i;
        if (u < 0 || u > r - 1 - i) continue;
        // θφ: E[ε_{t−u} y_{t−1−v}] = ψ_{u−v−1}.
        for (const k2 of nzPhi) {
          const v = k2 - j - 1;
          if (v < 0 || v > r - 1 - j) continue;
          if (u - v - 1 >= 0) s += th(k1) * ph(k2) * psi[u - v - 1]!;
        }
        // θθ: E[ε_{t−u} ε_{t−v}] = [u = v].
        const v = u;
        if (v <= r - 1 - j) s += th(k1) * th(j + v);
      }
      P[i * r + j] = s;
      P[j * r + i] = s;
    }
  }
  return P;
}
