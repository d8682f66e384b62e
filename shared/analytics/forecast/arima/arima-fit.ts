/**
 * Fits one seasonal ARIMA the way R's stats::arima does (method "CSS-ML" by default):
 *   1. the regression part (mean or drift) starts from least squares on the differenced data, scaled in
 *      the optimiser by 10 standard errors (R's parscale);
 *   2. conditional sum of squares (./arma-css.ts) by BFGS from zero ARMA coefficients;
 *   3. exact maximum likelihood (./arma-kalman.ts) by BFGS from the CSS estimates, with the AR and
 *      seasonal AR parts reparameterised through PACFs so every step stays stationary (Jones 1980);
 *      MA roots inside the unit circle are reflected afterwards (R's maInvert).
 * The ARMA likelihood is taken on the differenced series, which is what R's diffuse prior on the
 * differencing states amounts to; nobs = n − d − mD as in R.
 */
import { bfgs } from '../optim/bfgs.js';
import { aicc as aiccOf } from '../intervals.js';
import { arToPacf, isStationary, pacfToAr } from './ar-transform.js';
import { armaCss } from './arma-css.js';
import { armaKalman } from './arma-kalman.js';
import { armaCount, difference, expandAr, expandMa, type ArimaConstant, type ArimaOrder } from './arima-spec.js';
import { invertMa } from './polynomial-roots.js';

export type ArimaMethod = 'CSS-ML' | 'CSS' | 'ML';

export interface ArimaFit {
  order: ArimaOrder;
  constant: ArimaConstant;
  method: ArimaMethod;
  /** ar(p), ma(q), sar(P), sma(Q), then the mean or drift coefficient. */
  coef: Float64Array;
  coefNames: string[];
  /** ML (or CSS) innovation variance ssq/ν, as R's stats::arima reports it. */
  sigma2: number;
  loglik: number;
  aicc: number;
  /** n − d − mD. */
  nobs: number;
  /** Coefficients + 1 (the variance). */
  npar: number;
  /** Innovations of the differenced, demeaned series (length nobs). */
  innovations: Float64Array;
  /** Sum of squared innovations (for an unbiased variance). */
  ssq: number;
  /** Filtered ARMA state at the end of the data (exact-likelihood fits only). */
  state: Float64Array | null;
}

export class ArimaFitError extends Error {}

/** The regression column: 1s for a mean, 1..n for a drift (R's convention). */
export function regressor(constant: ArimaConstant, n: number, from = 0): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (constant === 'drift' ? from + i + 1 : 1));
}

interface Problem {
  order: ArimaOrder;
  constant: ArimaConstant;
  dy: Float64Array;
  dx: Float64Array | null;
  /** Optimiser scale per coefficient. */
  scale: Float64Array;
  w: Float64Array;
}

function split(o: ArimaOrder, coef: Float64Array) {
  let k = 0;
  const ar = coef.subarray(k, (k += o.p));
  const ma = coef.subarray(k, (k += o.q));
  const sar = coef.subarray(k, (k += o.P));
  const sma = coef.subarray(k, (k += o.Q));
  const beta = coef.length > k ? coef[k]! : 0;
  return { ar, ma, sar, sma, beta };
}

function demeaned(pr: Problem, beta: number): Float64Array {
  if (!pr.dx) return pr.dy;
  const w = pr.w;
  for (let i = 0; i < w.length; i++) w[i] = pr.dy[i]! - beta * pr.dx[i]!;
  return w;
}

function cssObjective(pr: Problem, coef: Float64Array): number {
  const { ar, ma, sar, sma, beta } = split(pr.order, coef);
  const res = armaCss(demeaned(pr, beta), expandAr(ar, sar, pr.order.m), expandMa(ma, sma, pr.order.m));
  return res.nu > 0 ? 0.5 * Math.log(res.ssq / res.nu) : Infinity;
}

/** Coefficients from the optimiser's transformed coordinates (PACF space for AR parts when `transform`). */
function fromTransformed(pr: Problem, x: Float64Array, transform: boolean): Float64Array {
  const coef = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) coef[i] = x[i]! * pr.scale[i]!;
  if (transform) {
    const o = pr.order;
    if (o.p > 0) coef.set(pacfToAr(coef.subarray(0, o.p)), 0);
    if (o.P > 0) coef.set(pacfToAr(coef.subarray(o.p + o.q, o.p + o.q + o.P)), o.p + o.q);
  }
  return coef;
}

function mlObjective(pr: Problem, coef: Float64Array): number {
  const { ar, ma, sar, sma, beta } = split(pr.order, coef);
  const k = armaKalman(demeaned(pr, beta), expandAr(ar, sar, pr.order.m), expandMa(ma, sma, pr.order.m));
  if (!(k.nu > 0) || !Number.isFinite(k.ssq)) return Infinity;
  return 0.5 * (Math.log(k.ssq / k.nu) + k.sumLog / k.nu);
}

export function coefficientNames(o: ArimaOrder, constant: ArimaConstant): string[] {
  const names: string[] = [];
  for (let i = 1; i <= o.p; i++) names.push(`ar${i}`);
  for (let i = 1; i <= o.q; i++) names.push(`ma${i}`);
  for (let i = 1; i <= o.P; i++) names.push(`sar${i}`);
  for (let i = 1; i <= o.Q; i++) names.push(`sma${i}`);
  if (constant === 'mean') names.push('intercept');
  if (constant === 'drift') names.push('drift');
  return names;
}

/**
 * Fits `order` to y. `start` warm-starts the optimisers (a previous fit's coefficients, e.g. in a
 * backtest). Throws ArimaFitError when the model cannot be estimated (too short, non-stationary CSS).
 */
export function fitArima(y: Float64Array, order: ArimaOrder, constant: ArimaConstant, method: ArimaMethod = 'CSS-ML', start?: Float64Array): ArimaFit {
  const n = y.length;
  const { d, D, m } = order;
  const nobs = n - d - m * D;
  const narma = armaCount(order);
  const ncoef = narma + (constant === 'none' ? 0 : 1);
  if (nobs - (order.p + m * order.P) <= ncoef + 1) throw new ArimaFitError(`too few observations (${n}) for this ARIMA order`);
  const dy = difference(y, d, D, m);
  const dx = constant === 'none' ? null : difference(regressor(constant, n), d, D, m);
  const scale = new Float64Array(ncoef).fill(1);
  const init = new Float64Array(ncoef);
  if (dx) {
    // Least squares of the differenced data on the differenced regressor (R: lm(dx ~ dxreg − 1)).
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < nobs; i++) {
      sxx += dx[i]! * dx[i]!;
      sxy += dx[i]! * dy[i]!;
    }
    const beta = sxy / sxx;
    let rss = 0;
    for (let i = 0; i < nobs; i++) rss += (dy[i]! - beta * dx[i]!) ** 2;
    const se = Math.sqrt(rss / Math.max(1, nobs - 1) / sxx);
    init[narma] = beta;
    scale[narma] = se > 0 && Number.isFinite(se) ? 10 * se : Math.max(1, Math.abs(beta));
  }
  if (start && start.length === ncoef) init.set(start);
  const pr: Problem = { order, constant, dy, dx, scale, w: new Float64Array(nobs) };
  const toX = (coef: Float64Array) => Float64Array.from(coef, (v, i) => v / scale[i]!);

  let coef: Float64Array = Float64Array.from(init);
  // A warm start (a refit on a backtest window) is already near the optimum: skip CSS, fewer iterations.
  const warm = !!start && start.length === ncoef;
  const maxIter = warm ? 40 : 100;
  if (method === 'CSS' || (method === 'CSS-ML' && !warm)) {
    const res = bfgs((x) => cssObjective(pr, fromTransformed(pr, x, false)), toX(init), { maxIter });
    if (Number.isFinite(res.f)) coef = fromTransformed(pr, res.x, false);
  }
  const split0 = split(order, coef);
  if (method === 'CSS') {
    return finish(y, pr, coef, method, nobs, ncoef);
  }
  if (!isStationary(split0.ar) || !isStationary(split0.sar)) {
    if (method === 'CSS-ML' && !warm) throw new ArimaFitError('non-stationary AR part from CSS');
    coef.fill(0, 0, narma);
  }
  // Start ML from the CSS estimates, in PACF coordinates, with an invertible MA part.
  const x0 = new Float64Array(ncoef);
  const s = split(order, coef);
  const pacf = arToPacf(s.ar);
  const spacf = arToPacf(s.sar);
  if (!pacf || !spacf) throw new ArimaFitError('non-stationary AR starting values');
  x0.set(pacf, 0);
  x0.set(invertMa(Float64Array.from(s.ma)), order.p);
  x0.set(spacf, order.p + order.q);
  x0.set(invertMa(Float64Array.from(s.sma)), order.p + order.q + order.P);
  if (ncoef > narma) x0[narma] = coef[narma]! / scale[narma]!;
  const ml = bfgs((x) => mlObjective(pr, fromTransformed(pr, x, true)), x0, { maxIter });
  if (!Number.isFinite(ml.f)) throw new ArimaFitError('the exact likelihood could not be evaluated');
  coef = fromTransformed(pr, ml.x, true);
  // Reflect non-invertible MA roots (same likelihood, unique representation).
  coef.set(invertMa(Float64Array.from(coef.subarray(order.p, order.p + order.q))), order.p);
  coef.set(invertMa(Float64Array.from(coef.subarray(order.p + order.q + order.P, narma))), order.p + order.q + order.P);
  return finish(y, pr, coef, method, nobs, ncoef);
}

/** The fit quantities for given coefficients, without estimation (backtests on long series). */
export function evaluateArima(y: Float64Array, order: ArimaOrder, constant: ArimaConstant, coef: Float64Array, method: ArimaMethod): ArimaFit {
  const { d, D, m } = order;
  const nobs = y.length - d - m * D;
  if (nobs <= order.p + m * order.P + 1) throw new ArimaFitError(`too few observations (${y.length}) for this ARIMA order`);
  const dy = difference(y, d, D, m);
  const dx = constant === 'none' ? null : difference(regressor(constant, y.length), d, D, m);
  const pr: Problem = { order, constant, dy, dx, scale: new Float64Array(coef.length).fill(1), w: new Float64Array(nobs) };
  return finish(y, pr, Float64Array.from(coef), method, nobs, coef.length);
}

function finish(_y: Float64Array, pr: Problem, coef: Float64Array, method: ArimaMethod, nobs: number, ncoef: number): ArimaFit {
  const { order, constant } = pr;
  const { ar, ma, sar, sma, beta } = split(order, coef);
  const w = Float64Array.from(demeaned(pr, beta));
  const phi = expandAr(ar, sar, order.m);
  const theta = expandMa(ma, sma, order.m);
  const npar = ncoef + 1;
  if (method === 'CSS') {
    const innovations = new Float64Array(nobs);
    const css = armaCss(w, phi, theta, innovations);
    const sigma2 = css.ssq / css.nu;
    const loglik = -0.5 * nobs * (Math.log(2 * Math.PI * sigma2) + 1);
    return { order, constant, method, coef, coefNames: coefficientNames(order, constant), sigma2, loglik, aicc: aiccOf(loglik, npar, nobs), nobs, npar, innovations, ssq: css.ssq, state: null };
  }
  const k = armaKalman(w, phi, theta, true);
  const sigma2 = k.ssq / k.nu;
  const loglik = -0.5 * (nobs * (Math.log(2 * Math.PI * sigma2) + 1) + k.sumLog);
  return {
    order,
    constant,
    method,
    coef,
    coefNames: coefficientNames(order, constant),
    sigma2,
    loglik,
    aicc: aiccOf(loglik, npar, nobs),
    nobs,
    npar,
    innovations: k.residuals!,
    ssq: k.ssq,
    state: k.state,
  };
}
