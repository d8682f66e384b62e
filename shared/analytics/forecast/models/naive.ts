/**
 * Naive (random walk) forecast: every future value equals the last observation; σ_h = σ√h, with σ² the
 * mean squared one-step residual (FPP3 §5.2 and Table 5.2; R's forecast::naive).
 */
import { normalBands } from '../intervals.js';
import type { FittedModel } from '../types.js';

export function fitNaive(y: Float64Array): FittedModel {
  const n = y.length;
  if (n < 2) throw new RangeError('naive needs at least 2 observations');
  const fitted = new Float64Array(n).fill(NaN);
  let sse = 0;
  for (let t = 1; t < n; t++) {
    fitted[t] = y[t - 1]!;
    sse += (y[t]! - y[t - 1]!) ** 2;
  }
  const sigma2 = sse / (n - 1);
  const last = y[n - 1]!;
  return {
    family: 'benchmark',
    name: 'Naive',
    spec: `Naive (last value ${fmt(last)})`,
    aicc: null,
    params: {},
    nobs: n - 1,
    npar: 1,
    sigma2,
    fitted,
    forecast(h, levels) {
      const mean = new Float64Array(h).fill(last);
      const sd = Float64Array.from({ length: h }, (_, i) => Math.sqrt(sigma2 * (i + 1)));
      return normalBands(mean, sd, levels);
    },
    refit: (yy) => fitNaive(yy),
    refilter: (yy) => fitNaive(yy),
  };
}

export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString();
}
