/**
 * Exact Gaussian likelihood of a (differenced, demeaned) ARMA series by the Kalman filter, as R's
 * ARIMA_Like (Gardner, Harvey & Phillips 1980; Durbin & Koopman 2012 ch. 4): state form of
 * ./stationary-covariance.ts, no observation noise, P0 the stationary covariance.
 *
 * Once P stops changing the filter has reached its steady state (the innovations of an invertible MA are
 * then known exactly) and the loop switches to the fixed-gain recursion of O(r) per step, as Gardner et
 * al.'s "quick recursions" do; this is what keeps exact ML affordable on 10,000-point series.
 */
import { stationaryStateCovariance } from './stationary-covariance.js';

export interface KalmanResult {
  /** Σ v_t²/F_t, Σ log F_t and the number of innovations. */
  ssq: number;
  sumLog: number;
  nu: number;
  /** Filtered state a_{n|n} at the end, for forecasting. */
  state: Float64Array;
  /** Standardised innovations v_t/√F_t (when asked for). */
  residuals?: Float64Array;
}

const CONVERGED = 1e-11;

export function armaKalman(w: Float64Array, phi: Float64Array, theta: Float64Array, wantResiduals = false): KalmanResult {
  const n = w.length;
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const a = new Float64Array(r);
  const anew = new Float64Array(r);
  const Rv = new Float64Array(r);
  Rv[0] = 1;
  for (let i = 1; i < r; i++) Rv[i] = i - 1 < q ? theta[i - 1]! : 0;
  const arLags: number[] = [];
  for (let i = 0; i < p; i++) if (phi[i] !== 0) arLags.push(i);
  // Pn holds P_{t|t−1} (row-major, only the upper triangle is maintained and read).
  const Pn = stationaryStateCovariance(phi, theta, r);
  if (!(Pn[0]! > 0) || !Number.isFinite(Pn[0]!)) return { ssq: Infinity, sumLog: Infinity, nu: 0, state: a };
  const residuals = wantResiduals ? new Float64Array(n) : undefined;
  let ssq = 0;
  let sumLog = 0;
  let steady = false;
  const g = new Float64Array(r + 1); // P_{t|t−1}[·][0], padded with a zero
  for (let t = 0; t < n; t++) {
    const F = Pn[0]!;
    if (!(F > 0)) return { ssq: Infinity, sumLog: Infinity, nu: 0, state: a };
    // Innovation and filtered state a_{t|t} = a_{t|t−1} + P[·][0] v / F.
    const v = w[t]! - a[0]!;
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    if (residuals) residuals[t] = v / Math.sqrt(F);
    const vf = v / F;
    for (let i = 0; i < r; i++) g[i] = Pn[i]!; // column 0 = row 0 by symmetry
    for (let i = 0; i < r; i++) a[i]! += g[i]! * vf;
    if (t === n - 1) break; // keep a_{n|n}, the state forecasts start from
    // Predict: a_{t+1|t} = T a_{t|t}.
    const a0 = a[0]!;
    for (let i = 0; i < r - 1; i++) anew[i] = a[i + 1]!;
    anew[r - 1] = 0;
    for (let k = 0; k < arLags.length; k++) {
      const i = arLags[k]!;
      anew[i]! += phi[i]! * a0;
    }
    a.set(anew);
    if (steady) continue;
    // P_{t+1|t} = T (P − g g'/F) T' + R R'. Without observation noise the filtered covariance has a zero
    // first row and column, so T (·) T' is a shift up-left by one (Harvey 1989 §3.3; R's ARIMA_Like
    // computes the same with general T): P'[i][j] = P[i+1][j+1] − g[i+1] g[j+1]/F + R_i R_j, in place,
    // upper triangle in increasing order so every read precedes its overwrite.
    let change = 0;
    let size = 0;
    for (let i = 0; i < r; i++) {
      const ri = Rv[i]!;
      const gi = g[i + 1]! / F;
      for (let j = i; j < r; j++) {
        const shifted = i + 1 < r && j + 1 < r ? Pn[(i + 1) * r + j + 1]! - gi * g[j + 1]! : 0;
        const val = shifted + ri * Rv[j]!;
        const d = val - Pn[i * r + j]!;
        if (d > change) change = d;
        else if (-d > change) change = -d;
        if (val > size) size = val;
        Pn[i * r + j] = val;
      }
    }
    if (change <= CONVERGED * (1 + size) && t > r) steady = true;
  }
  return { ssq, sumLog, nu: n, state: Float64Array.from(a), ...(residuals ? { residuals } : {}) };
}
