/**
 * Seasonal naive: each future value equals the last observation of the same season; σ_h = σ√(k+1) with
 * k = ⌊(h−1)/m⌋ (FPP3 Table 5.2; R's forecast::snaive).
 */
import { normalBands } from '../intervals.js';
import type { FittedModel } from '../types.js';

export function fitSeasonalNaive(y: Float64Array, m: number): FittedModel {
  const n = y.length;
  if (!(m >= 2)) throw new RangeError('seasonal naive needs a season length of at least 2');
  if (n <= m) throw new RangeError(`seasonal naive needs more than one season (${m}) of observations`);
  const fitted = new Float64Array(n).fill(NaN);
  let sse = 0;
  for (let t = m; t < n; t++) {
    fitted[t] = y[t - m]!;
    sse += (y[t]! - y[t - m]!) ** 2;
  }
  const sigma2 = sse / (n - m);
  const lastSeason = y.slice(n - m);
  return {
    family: 'benchmark',
    name: 'Seasonal naive',
    spec: `Seasonal naive (period ${m})`,
    aicc: null,
    params: { period: m },
    nobs: n - m,
    npar: 1,
    sigma2,
    fitted,
    forecast(h, levels) {
      const mean = Float64Array.from({ length: h }, (_, i) => lastSeason[i % m]!);
      const sd = Float64Array.from({ length: h }, (_, i) => Math.sqrt(sigma2 * (Math.floor(i / m) + 1)));
      return normalBands(mean, sd, levels);
    },
    refit: (yy) => fitSeasonalNaive(yy, m),
    refilter: (yy) => fitSeasonalNaive(yy, m),
  };
}
