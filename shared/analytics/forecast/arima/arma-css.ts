/**
 * Conditional sum of squares of an ARMA on a differenced series (R's ARIMA_CSS; Box, Jenkins & Reinsel
 * §7.1.2): the first p' = p + mP values condition the AR part, earlier innovations are taken as zero.
 */
export interface CssResult {
  ssq: number;
  /** Innovations used (n − p'). */
  nu: number;
}

export function armaCss(w: Float64Array, phi: Float64Array, theta: Float64Array, residuals?: Float64Array): CssResult {
  const n = w.length;
  const p = phi.length;
  const ncond = p;
  const e = residuals ?? new Float64Array(n);
  let ssq = 0;
  for (let t = 0; t < ncond && t < n; t++) e[t] = 0;
  // Only the non-zero coefficients matter: seasonal models are sparse (e.g. lags 1, 12, 13).
  const arLags = nonZero(phi);
  const maLags = nonZero(theta);
  const na = arLags.length;
  const nm = maLags.length;
  for (let t = ncond; t < n; t++) {
    let v = w[t]!;
    for (let a = 0; a < na; a++) {
      const i = arLags[a]!;
      v -= phi[i]! * w[t - i - 1]!;
    }
    for (let b = 0; b < nm; b++) {
      const i = maLags[b]!;
      const k = t - i - 1;
      if (k >= ncond) v -= theta[i]! * e[k]!;
    }
    e[t] = v;
    ssq += v * v;
  }
  return { ssq, nu: Math.max(0, n - ncond) };
}

function nonZero(c: Float64Array): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) idx.push(i);
  return Int32Array.from(idx);
}
