/**
 * Random walk with drift: the line from the first to the last observation, extended. The drift is the
 * mean one-step change b with standard error σ/√(T−1); σ_h = √(hσ² + h²·se(b)²) (FPP3 §5.2, Table 5.2;
 * R's forecast::rwf(drift = TRUE)).
 */
import { normalBands } from '../intervals.js';
import type { FittedModel } from '../types.js';
import { fmt } from './naive.js';

export function fitDrift(y: Float64Array): FittedModel {
  const n = y.length;
  if (n < 3) throw new RangeError('drift needs at least 3 observations');
  const drift = (y[n - 1]! - y[0]!) / (n - 1);
  const fitted = new Float64Array(n).fill(NaN);
  let sse = 0;
  for (let t = 1; t < n; t++) {
    fitted[t] = y[t - 1]! + drift;
    sse += (y[t]! - fitted[t]!) ** 2;
  }
  // Residual variance of the one-step changes around their mean (n−1 changes, one estimated mean).
  const sigma2 = sse / (n - 2);
  const seDrift2 = sigma2 / (n - 1);
  const last = y[n - 1]!;
  return {
    family: 'benchmark',
    name: 'Drift',
    spec: `Random walk with drift ${fmt(drift)} per step`,
    aicc: null,
    params: { drift },
    nobs: n - 1,
    npar: 2,
    sigma2,
    fitted,
    forecast(h, levels) {
      const mean = Float64Array.from({ length: h }, (_, i) => last + drift * (i + 1));
      const sd = Float64Array.from({ length: h }, (_, i) => Math.sqrt((i + 1) * sigma2 + (i + 1) ** 2 * seDrift2));
      return normalBands(mean, sd, levels);
    },
    refit: (yy) => fitDrift(yy),
    refilter: (yy) => fitDrift(yy),
  };
}
