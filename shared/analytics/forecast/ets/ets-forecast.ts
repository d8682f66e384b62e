/**
 * ETS point forecasts and prediction intervals (Hyndman et al. 2008, ch. 6; FPP3 §8.7).
 * - Point forecasts iterate the states with zero errors.
 * - Class 1 (additive errors, additive components): Var = σ²[1 + Σ_{j<h} c_j²], c_j = α + βφ_j + γ·[j ≡ 0 mod m].
 * - Class 2 (multiplicative errors, additive components): Var = (1 + σ²)θ_h − μ_h²,
 *   θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}.
 * - Other models (multiplicative seasonality): quantiles of 5,000 simulated sample paths, seeded so the
 *   answer is reproducible.
 */
import { bandsFromDraws, normalBands } from '../intervals.js';
import { SeededRandom } from '../optim/rng.js';
import type { ForecastPaths } from '../types.js';
import type { EtsFilterResult } from './ets-filter.js';
import type { EtsParams, EtsSpec } from './ets-spec.js';

const SIMULATIONS = 5000;

export function etsPointForecast(spec: EtsSpec, p: EtsParams, end: EtsFilterResult, h: number): Float64Array {
  const out = new Float64Array(h);
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  let damp = 0;
  let phiPow = 1;
  for (let i = 0; i < h; i++) {
    phiPow *= phi;
    damp += phiPow;
    const trendPart = end.level + (spec.trend === 'N' ? 0 : damp * end.trend);
    const s = spec.season === 'N' ? 0 : end.season[i % spec.m]!;
    out[i] = spec.season === 'M' ? trendPart * s : trendPart + s;
  }
  return out;
}

function cCoefficients(spec: EtsSpec, p: EtsParams, h: number): Float64Array {
  const c = new Float64Array(h);
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  let damp = 0;
  let phiPow = 1;
  for (let j = 1; j < h; j++) {
    phiPow *= phi;
    damp += phiPow;
    c[j] = p.alpha + (spec.trend === 'N' ? 0 : p.beta * damp) + (spec.season !== 'N' && j % spec.m === 0 ? p.gamma : 0);
  }
  return c;
}

export function etsForecast(spec: EtsSpec, p: EtsParams, end: EtsFilterResult, sigma2: number, h: number, levels: readonly number[]): ForecastPaths {
  const mean = etsPointForecast(spec, p, end, h);
  if (spec.season === 'M') return simulated(spec, p, end, sigma2, mean, levels);
  const c = cCoefficients(spec, p, h);
  const sd = new Float64Array(h);
  if (spec.error === 'A') {
    let acc = 1;
    for (let i = 0; i < h; i++) {
      if (i > 0) acc += c[i]! ** 2;
      sd[i] = Math.sqrt(sigma2 * acc);
    }
  } else {
    const theta = new Float64Array(h);
    for (let i = 0; i < h; i++) {
      let s = 0;
      for (let j = 1; j <= i; j++) s += c[j]! ** 2 * theta[i - j]!;
      theta[i] = mean[i]! ** 2 + sigma2 * s;
      sd[i] = Math.sqrt(Math.max(0, (1 + sigma2) * theta[i]! - mean[i]! ** 2));
    }
  }
  return normalBands(mean, sd, levels);
}

/** Sample paths from the model's own recursions with N(0, σ²) innovations; intervals from their quantiles. */
function simulated(spec: EtsSpec, p: EtsParams, end: EtsFilterResult, sigma2: number, mean: Float64Array, levels: readonly number[]): ForecastPaths {
  const h = mean.length;
  const rng = new SeededRandom(h * 7919 + spec.m);
  const sigma = Math.sqrt(sigma2);
  const draws = Array.from({ length: h }, () => new Float64Array(SIMULATIONS));
  const m = spec.m;
  const season = new Float64Array(end.season.length);
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const mult = spec.season === 'M';
  for (let k = 0; k < SIMULATIONS; k++) {
    let l = end.level;
    let b = end.trend;
    season.set(end.season);
    for (let i = 0; i < h; i++) {
      const j = i % m;
      const phib = spec.trend === 'N' ? 0 : phi * b;
      const q = l + phib;
      const s = spec.season === 'N' ? 0 : season[j]!;
      const mu = spec.season === 'N' ? q : mult ? q * s : q + s;
      const e = sigma * rng.normal();
      const yv = spec.error === 'M' ? mu * (1 + e) : mu + e;
      draws[i]![k] = yv;
      const pv = spec.season === 'N' ? yv : mult ? yv / s : yv - s;
      const lNew = q + p.alpha * (pv - q);
      if (spec.trend !== 'N') b = phib + (p.beta / p.alpha) * (lNew - l - phib);
      if (spec.season !== 'N') season[j] = s + p.gamma * ((mult ? yv / q : yv - q) - s);
      l = lNew;
    }
  }
  return bandsFromDraws(draws, mean, levels);
}
