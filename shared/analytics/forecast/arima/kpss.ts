/**
 * KPSS level-stationarity test (Kwiatkowski, Phillips, Schmidt & Shin 1992) as R's forecast::ndiffs runs
 * it (urca::ur.kpss, type "mu", lags ⌊3√n/13⌋, Bartlett weights), and the number of first differences
 * it asks for (Hyndman & Khandakar 2008 §3.2): difference while the statistic exceeds the 5% critical
 * value 0.463, at most twice.
 */
export const KPSS_CRITICAL_5PCT = 0.463;

export function kpssStatistic(y: Float64Array): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]! / n;
  const e = Float64Array.from(y, (v) => v - mean);
  let cum = 0;
  let eta = 0;
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    cum += e[i]!;
    eta += cum * cum;
    s0 += e[i]! * e[i]!;
  }
  eta /= n * n;
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let s2 = s0 / n;
  for (let s = 1; s <= lags; s++) {
    let acc = 0;
    for (let t = s; t < n; t++) acc += e[t]! * e[t - s]!;
    s2 += (2 / n) * (1 - s / (lags + 1)) * acc;
  }
  return s2 > 0 ? eta / s2 : 0;
}

export function isConstant(y: Float64Array): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

/** First differences needed for stationarity by repeated KPSS tests (0, 1 or 2). */
export function kpssDifferences(y: Float64Array, maxD = 2): number {
  if (isConstant(y)) return 0;
  let x = y;
  let d = 0;
  while (d < maxD && kpssStatistic(x) > KPSS_CRITICAL_5PCT) {
    d++;
    const next = new Float64Array(x.length - 1);
    for (let t = 1; t < x.length; t++) next[t - 1] = x[t]! - x[t - 1]!;
    x = next;
    if (x.length < 3 || isConstant(x)) return d;
  }
  return d;
}
