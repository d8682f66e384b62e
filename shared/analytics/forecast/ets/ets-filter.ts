/**
 * The ETS recursions: one pass over the data giving the one-step forecasts, the errors, the final states
 * and the concentrated Gaussian likelihood. This is the hot loop of every ETS fit.
 *
 * State updates in the error-correction form of Hyndman et al. (2008) Table 2.1, written with y_t as R's
 * forecast::ets C code (etscalc.c) does, so additive- and multiplicative-error models share them:
 *   q = ℓ + φb,  ℓ' = q + α(p − q) with p = y − s or y / s,  b' = φb + (β/α)(ℓ' − ℓ − φb),
 *   s' = s + γ(t − s) with t = y − q or y / q.
 * Likelihood (Hyndman et al. 2008 §5.2): additive errors e = y − μ; multiplicative e = (y − μ)/μ with the
 * Jacobian Σ log|μ|; −2 log L = n(log(2π·SSE/n) + 1) + 2Σ log|μ|.
 */
import type { EtsParams, EtsSpec } from './ets-spec.js';

const TOL = 1e-10;

export interface EtsFilterResult {
  /** −2 log-likelihood with the variance concentrated out; Infinity for an inadmissible path. */
  m2loglik: number;
  sse: number;
  /** Final states, ready to forecast from: level, trend and the seasonal states by phase of the next observations. */
  level: number;
  trend: number;
  season: Float64Array;
}

/**
 * Runs the recursions over y. When `fitted` is given it receives the one-step forecasts μ_t.
 */
export function etsFilter(spec: EtsSpec, p: EtsParams, y: Float64Array, fitted?: Float64Array): EtsFilterResult {
  const n = y.length;
  const m = spec.m;
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const seasonal = spec.season !== 'N';
  const multSeason = spec.season === 'M';
  const multError = spec.error === 'M';
  const alpha = p.alpha;
  const betaRatio = hasTrend ? p.beta / alpha : 0;
  const gamma = p.gamma;
  const season = seasonal ? Float64Array.from(p.s0) : new Float64Array(1);
  let l = p.l0;
  let b = hasTrend ? p.b0 : 0;
  let sse = 0;
  let sumLog = 0;
  // Σ log μ as the log of running products, flushed before they could overflow: one log per many steps.
  let prod = 1;
  let j = 0; // phase of observation t
  for (let t = 0; t < n; t++) {
    const phib = phi * b;
    const q = l + phib;
    const s = seasonal ? season[j]! : 0;
    const mu = !seasonal ? q : multSeason ? q * s : q + s;
    const yt = y[t]!;
    if (fitted) fitted[t] = mu;
    if (multError) {
      if (!(mu > TOL)) return inadmissible(season);
      const e = (yt - mu) / mu;
      sse += e * e;
      prod *= mu;
      if (prod > 1e200 || prod < 1e-200) {
        sumLog += Math.log(prod);
        prod = 1;
      }
    } else {
      const e = yt - mu;
      sse += e * e;
    }
    let pval = yt;
    if (seasonal) {
      if (multSeason) {
        if (!(s > TOL)) return inadmissible(season);
        pval = yt / s;
      } else pval = yt - s;
    }
    const lNew = q + alpha * (pval - q);
    if (hasTrend) b = phib + betaRatio * (lNew - l - phib);
    if (seasonal) {
      let tv: number;
      if (multSeason) {
        if (!(q > TOL)) return inadmissible(season);
        tv = yt / q;
      } else tv = yt - q;
      season[j] = s + gamma * (tv - s);
      if (++j === m) j = 0;
    }
    l = lNew;
  }
  sumLog += Math.log(prod);
  if (!Number.isFinite(sse) || !Number.isFinite(l)) return inadmissible(season);
  // Rotate so season[0] belongs to the first observation after the data.
  const rotated = seasonal ? rotate(season, j) : season;
  const m2 = n * (Math.log((2 * Math.PI * Math.max(sse, Number.MIN_VALUE)) / n) + 1) + 2 * sumLog;
  return { m2loglik: m2, sse, level: l, trend: b, season: rotated };
}

function inadmissible(season: Float64Array): EtsFilterResult {
  return { m2loglik: Infinity, sse: Infinity, level: NaN, trend: NaN, season };
}

function rotate(a: Float64Array, start: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[(start + i) % a.length]!;
  return out;
}
