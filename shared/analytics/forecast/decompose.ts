/**
 * Classical decomposition (R's stats::decompose): a centred moving average of order m (2×m for even m)
 * as the trend, the seasonal figure as the mean of the detrended values by phase, normalised to sum to 0
 * (additive) or average 1 (multiplicative). Used for ETS starting values (Hyndman et al. 2008 §2.6.1)
 * and for the seasonal-strength test of ./arima/seasonal-strength.ts.
 */

export interface Decomposition {
  /** Trend; NaN for the first and last ⌊m/2⌋ observations. */
  trend: Float64Array;
  /** Seasonal figure by phase (phase 0 = the first observation). */
  figure: Float64Array;
  /** y minus (or divided by) trend and seasonal; NaN where the trend is. */
  remainder: Float64Array;
}

export function centredMovingAverage(y: Float64Array, m: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n).fill(NaN);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (even) {
      s = 0.5 * (y[t - half]! + y[t + half]!);
      for (let k = -half + 1; k < half; k++) s += y[t + k]!;
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k]!;
    }
    out[t] = s / m;
  }
  return out;
}

/** Needs at least two full seasons (2m observations) so that every phase has a detrended value. */
export function classicalDecompose(y: Float64Array, m: number, type: 'additive' | 'multiplicative'): Decomposition {
  const n = y.length;
  if (n < 2 * m) throw new RangeError(`classical decomposition needs at least two seasons (${2 * m} observations), got ${n}`);
  const trend = centredMovingAverage(y, m);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    const tr = trend[t]!;
    if (tr !== tr) continue;
    sums[t % m]! += type === 'additive' ? y[t]! - tr : y[t]! / tr;
    counts[t % m]! += 1;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) {
    figure[j] = sums[j]! / counts[j]!;
    mean += figure[j]! / m;
  }
  for (let j = 0; j < m; j++) figure[j] = type === 'additive' ? figure[j]! - mean : figure[j]! / mean;
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const tr = trend[t]!;
    remainder[t] = type === 'additive' ? y[t]! - tr - figure[t % m]! : y[t]! / (tr * figure[t % m]!);
  }
  return { trend, figure, remainder };
}
