/**
 * Linear trend: least squares of y on time, y_t = a + b·t + ε_t, extended. Time is centred before the fit
 * (so the two columns are orthogonal and no normal equations lose digits), sums are compensated, and the
 * prediction intervals are the exact regression ones, ŷ ± t_{n−2}·s·√(1 + 1/n + (t−t̄)²/Sₜₜ)
 * (FPP3 §7.6; any regression text).
 */
import { tQuantile } from '../../math/distributions.js';
import { neumaierSum } from '../../math/sum.js';
import { aicc, gaussianLogLik } from '../intervals.js';
import type { FittedModel } from '../types.js';
import { fmt } from './naive.js';

export function fitLinearTrend(y: Float64Array): FittedModel {
  const n = y.length;
  if (n < 3) throw new RangeError('a linear trend needs at least 3 observations');
  const tBar = (n - 1) / 2;
  const yBar = neumaierSum(y) / n;
  const sxy = new Float64Array(n);
  const stt = (n * (n * n - 1)) / 12; // Σ(t − t̄)² for t = 0..n−1, exactly
  for (let t = 0; t < n; t++) sxy[t] = (t - tBar) * (y[t]! - yBar);
  const slope = neumaierSum(sxy) / stt;
  const fitted = new Float64Array(n);
  const sq = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    fitted[t] = yBar + slope * (t - tBar);
    sq[t] = (y[t]! - fitted[t]!) ** 2;
  }
  const sse = neumaierSum(sq);
  const s2 = sse / (n - 2);
  const intercept = yBar - slope * tBar;
  return {
    family: 'regression',
    name: 'Linear trend',
    spec: `Linear trend: ${fmt(intercept)} + ${fmt(slope)}·t`,
    aicc: aicc(gaussianLogLik(sse, n), 3, n),
    params: { intercept, slope },
    nobs: n,
    npar: 3,
    sigma2: s2,
    fitted,
    forecast(h, levels) {
      const mean = Float64Array.from({ length: h }, (_, i) => yBar + slope * (n + i - tBar));
      const lower: Float64Array[] = [];
      const upper: Float64Array[] = [];
      for (const level of levels) {
        const q = tQuantile(0.5 + level / 200, n - 2);
        const lo = new Float64Array(h);
        const hi = new Float64Array(h);
        for (let i = 0; i < h; i++) {
          const half = q * Math.sqrt(s2 * (1 + 1 / n + (n + i - tBar) ** 2 / stt));
          lo[i] = mean[i]! - half;
          hi[i] = mean[i]! + half;
        }
        lower.push(lo);
        upper.push(hi);
      }
      return { mean, levels: [...levels], lower, upper };
    },
    refit: (yy) => fitLinearTrend(yy),
    refilter: (yy) => fitLinearTrend(yy),
  };
}
