/**
 * Stationarity for AR polynomials through partial autocorrelations (Jones 1980; R's arima partrans /
 * invpartrans): tanh maps any real vector to PACFs in (−1, 1), and the Durbin–Levinson recursion maps
 * those to the coefficients of a stationary AR polynomial. Running it backwards (the Schur–Cohn
 * step-down) tests stationarity exactly, without computing roots.
 */

/** Unconstrained values → coefficients of a stationary AR polynomial. */
export function pacfToAr(raw: ArrayLike<number>, out: Float64Array = new Float64Array(raw.length)): Float64Array {
  const p = raw.length;
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) work[j] = out[j] = Math.tanh(raw[j]!);
  for (let j = 1; j < p; j++) {
    const a = out[j]!;
    for (let k = 0; k < j; k++) work[k]! -= a * out[j - k - 1]!;
    for (let k = 0; k < j; k++) out[k] = work[k]!;
  }
  return out;
}

/** PACFs of an AR polynomial by the backward recursion; null when it is not stationary. */
function stepDown(phi: ArrayLike<number>): Float64Array | null {
  const p = phi.length;
  const cur = Float64Array.from(phi);
  const work = new Float64Array(p);
  for (let j = p - 1; j > 0; j--) {
    const a = cur[j]!;
    if (!(Math.abs(a) < 1)) return null;
    for (let k = 0; k < j; k++) work[k] = (cur[k]! + a * cur[j - k - 1]!) / (1 - a * a);
    for (let k = 0; k < j; k++) cur[k] = work[k]!;
  }
  if (p > 0 && !(Math.abs(cur[0]!) < 1)) return null;
  return cur;
}

/** Inverse of pacfToAr; null when phi is not stationary. */
export function arToPacf(phi: ArrayLike<number>): Float64Array | null {
  const pacf = stepDown(phi);
  if (!pacf) return null;
  for (let j = 0; j < pacf.length; j++) pacf[j] = Math.atanh(Math.max(-0.999999, Math.min(0.999999, pacf[j]!)));
  return pacf;
}

/** True when 1 − Σφ_i z^i has all its roots outside the unit circle. */
export function isStationary(phi: ArrayLike<number>): boolean {
  return stepDown(phi) !== null;
}
