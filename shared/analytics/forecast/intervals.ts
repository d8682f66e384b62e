/**
 * Central prediction intervals from forecast standard deviations under normal errors: mean ± z·sd with
 * z = Φ⁻¹(½ + level/200) (Hyndman & Athanasopoulos, FPP3 §5.5).
 */
import { normalQuantile } from '../math/distributions.js';
import type { ForecastPaths } from './types.js';

/** z for a central interval at `level` percent, e.g. 1.959963984540054 for 95. */
export function zForLevel(level: number): number {
  if (!(level > 0 && level < 100)) throw new RangeError(`interval level must be between 0 and 100 (exclusive), got ${level}`);
  return normalQuantile(0.5 + level / 200);
}

export function normalBands(mean: Float64Array, sd: ArrayLike<number>, levels: readonly number[]): ForecastPaths {
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of levels) {
    const z = zForLevel(level);
    const lo = new Float64Array(mean.length);
    const hi = new Float64Array(mean.length);
    for (let i = 0; i < mean.length; i++) {
      lo[i] = mean[i]! - z * sd[i]!;
      hi[i] = mean[i]! + z * sd[i]!;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { mean, levels: [...levels], lower, upper };
}

/** Gaussian log-likelihood of n residuals with ML variance sse/n: −n/2·(log(2π·sse/n) + 1). */
export function gaussianLogLik(sse: number, n: number): number {
  return -0.5 * n * (Math.log((2 * Math.PI * sse) / n) + 1);
}

/** AICc = −2 logL + 2k + 2k(k+1)/(n−k−1); Infinity when n ≤ k + 1 (too few observations to correct). */
export function aicc(logLik: number, k: number, n: number): number {
  if (n - k - 1 <= 0) return Infinity;
  return -2 * logLik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/**
 * Central intervals from simulated sample paths: draws[i] holds the simulated values of step i (sorted
 * in place); the bounds are their R type 7 quantiles at ½ ∓ level/200.
 */
export function bandsFromDraws(draws: Float64Array[], mean: Float64Array, levels: readonly number[]): ForecastPaths {
  for (const d of draws) d.sort();
  const lower = levels.map((level) => Float64Array.from(draws, (d) => quantile(d, 0.5 - level / 200)));
  const upper = levels.map((level) => Float64Array.from(draws, (d) => quantile(d, 0.5 + level / 200)));
  return { mean, levels: [...levels], lower, upper };
}

/** R's type 7 quantile of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i]! + frac * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}
