/**
 * ARIMA forecasts. The differenced, demeaned series is forecast from the Kalman filter's final state
 * (exact-likelihood fits) or from the CSS recursion with future innovations set to zero, then integrated
 * back through (1−B)^d (1−B^m)^D and the mean/drift added. Interval variances use the ψ-weights of the
 * full model φ(B)Φ(B^m)Δ(B): Var_h = σ² Σ_{j<h} ψ_j² (Box, Jenkins & Reinsel §5.2; FPP3 §9.8), with
 * σ² = SSE/(nobs − coefficients), the variance R's forecast package prints and uses.
 */
import { normalBands } from '../intervals.js';
import type { ForecastPaths } from '../types.js';
import type { ArimaFit } from './arima-fit.js';
import { regressor } from './arima-fit.js';
import { differencingPolynomial, expandAr, expandMa } from './arima-spec.js';
import { psiWeights } from './stationary-covariance.js';

function parts(fit: ArimaFit) {
  const o = fit.order;
  const c = fit.coef;
  let k = 0;
  const ar = c.subarray(k, (k += o.p));
  const ma = c.subarray(k, (k += o.q));
  const sar = c.subarray(k, (k += o.P));
  const sma = c.subarray(k, (k += o.Q));
  const beta = fit.constant === 'none' ? 0 : c[k]!;
  return { phi: expandAr(ar, sar, o.m), theta: expandMa(ma, sma, o.m), beta };
}

/** Forecasts of the differenced, demeaned series w. */
function forecastDifferenced(fit: ArimaFit, w: Float64Array, phi: Float64Array, theta: Float64Array, h: number): Float64Array {
  const out = new Float64Array(h);
  const p = phi.length;
  const q = theta.length;
  if (fit.state) {
    const r = fit.state.length;
    const a = Float64Array.from(fit.state);
    const next = new Float64Array(r);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < r; j++) next[j] = (j < r - 1 ? a[j + 1]! : 0) + (j < p ? phi[j]! * a[0]! : 0);
      a.set(next);
      out[i] = a[0]!;
    }
    return out;
  }
  const n = w.length;
  const e = fit.innovations;
  const ext = new Float64Array(n + h);
  ext.set(w);
  for (let i = 0; i < h; i++) {
    const t = n + i;
    let v = 0;
    for (let j = 0; j < p; j++) v += phi[j]! * ext[t - j - 1]!;
    for (let j = 0; j < q; j++) if (t - j - 1 < n) v += theta[j]! * e[t - j - 1]!;
    ext[t] = v;
    out[i] = v;
  }
  return out;
}

export function arimaForecast(fit: ArimaFit, y: Float64Array, h: number, levels: readonly number[]): ForecastPaths {
  const n = y.length;
  const o = fit.order;
  const { phi, theta, beta } = parts(fit);
  const x = fit.constant === 'none' ? null : regressor(fit.constant, n + h);
  // u = y − βx, its differences w, then forecast and integrate back.
  const u = new Float64Array(n + h);
  for (let t = 0; t < n; t++) u[t] = y[t]! - (x ? beta * x[t]! : 0);
  const delta = differencingPolynomial(o.d, o.D, o.m);
  const K = delta.length - 1;
  const w = new Float64Array(n - K);
  for (let t = K; t < n; t++) {
    let v = 0;
    for (let k = 0; k <= K; k++) v += delta[k]! * u[t - k]!;
    w[t - K] = v;
  }
  const wf = forecastDifferenced(fit, w, phi, theta, h);
  const mean = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    const t = n + i;
    let v = wf[i]!;
    for (let k = 1; k <= K; k++) v -= delta[k]! * u[t - k]!;
    u[t] = v;
    mean[i] = v + (x ? beta * x[t]! : 0);
  }
  // ψ-weights of φ*(B) = φ(B)·Δ(B), written as 1 − Σφ*_k B^k.
  const full = new Float64Array(phi.length + K);
  for (let i = 0; i <= phi.length; i++) {
    const a = i === 0 ? 1 : -phi[i - 1]!;
    for (let k = 0; k <= K; k++) if (i + k > 0) full[i + k - 1]! -= a * delta[k]!;
  }
  const psi = psiWeights(full, theta, h);
  const ncoef = fit.npar - 1;
  const sigma2 = fit.ssq / Math.max(1, fit.nobs - ncoef);
  const sd = new Float64Array(h);
  let acc = 0;
  for (let i = 0; i < h; i++) {
    acc += psi[i]! ** 2;
    sd[i] = Math.sqrt(sigma2 * acc);
  }
  return normalBands(mean, sd, levels);
}
