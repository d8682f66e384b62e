/**
 * Heuristic starting states for ETS, as in Hyndman et al. (2008) §2.6.1 and R's forecast:::initstate:
 * the seasonal figure of a classical decomposition of the first three seasons (or of what there is, at
 * least two), then the level (and trend) from a regression on the first max(10, 2m) seasonally
 * adjusted values. The optimiser starts from these and, for all but very long series, refines them.
 */
import { classicalDecompose } from '../decompose.js';
import type { EtsSpec } from './ets-spec.js';

export interface InitialStates {
  l0: number;
  b0: number;
  s0: Float64Array;
}

export function initialStates(spec: EtsSpec, y: Float64Array): InitialStates {
  const n = y.length;
  const m = spec.m;
  let adjusted: Float64Array = y;
  let s0: Float64Array = new Float64Array(1);
  if (spec.season !== 'N') {
    const head = y.subarray(0, Math.min(n, 3 * m));
    const mult = spec.season === 'M';
    const figure = classicalDecompose(head, m, mult ? 'multiplicative' : 'additive').figure;
    if (mult) {
      for (let j = 0; j < m; j++) figure[j] = Math.max(figure[j]!, 1e-2);
      const sum = figure.reduce((a, v) => a + v, 0);
      for (let j = 0; j < m; j++) figure[j] = (figure[j]! * m) / sum;
    }
    s0 = figure;
    adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) adjusted[t] = mult ? y[t]! / figure[t % m]! : y[t]! - figure[t % m]!;
  }
  const k = Math.min(Math.max(10, 2 * m), n);
  if (spec.trend === 'N') {
    let s = 0;
    for (let t = 0; t < k; t++) s += adjusted[t]!;
    return { l0: s / k, b0: 0, s0 };
  }
  // Least squares of adjusted[0..k-1] on t = 1..k, so the intercept is the level at t = 0.
  const tBar = (k + 1) / 2;
  let yBar = 0;
  for (let t = 0; t < k; t++) yBar += adjusted[t]! / k;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < k; t++) {
    sxy += (t + 1 - tBar) * (adjusted[t]! - yBar);
    sxx += (t + 1 - tBar) ** 2;
  }
  let b0 = sxx > 0 ? sxy / sxx : 0;
  let l0 = yBar - b0 * tBar;
  // Multiplicative errors must not start from a zero one-step forecast.
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 1e-3;
    b0 *= 1 - 1e-3;
  }
  return { l0, b0, s0 };
}
