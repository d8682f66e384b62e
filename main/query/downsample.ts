/**
 * Reduces a series to at most `threshold` points for display, keeping its shape and its peaks.
 *
 * - LTTB (Largest-Triangle-Three-Buckets; Steinarsson, "Downsampling Time Series for Visual
 *   Representation", 2013): one point per bucket, the one forming the largest triangle with the
 *   previous pick and the next bucket's average. LTTB alone usually keeps spikes but does not promise
 *   to, so afterwards the series' global maximum and minimum replace their bucket's pick if missing.
 * - min-max: each bucket keeps the rows holding the minimum and the maximum of every measure, so
 *   several measures sharing the rows all keep their extremes.
 *
 * Hand-written: the rows carry several columns, so we need the indices of the kept points, which the
 * npm `downsample` package (LTTB only, returns points) does not give.
 * Both return ascending indices into the input; points with an empty y are not candidates.
 */

export type DownsampleMethod = 'lttb' | 'minmax';

export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const n = xs.length;
  if (threshold >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  if (threshold < 3) throw new RangeError('LTTB needs a threshold of at least 3 points');
  const every = (n - 2) / (threshold - 2);
  const picked: number[] = [0];
  let a = 0;
  for (let b = 0; b < threshold - 2; b++) {
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    const span = nextEnd - nextStart;
    avgX /= span;
    avgY /= span;
    let best = start;
    let bestArea = -1;
    const ax = xs[a]!;
    const ay = ys[a]!;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    picked.push(best);
    a = best;
  }
  picked.push(n - 1);
  // Keep the global extremes: each replaces its bucket's pick when LTTB passed it over (the next
  // bucket's, when both extremes fall into one bucket).
  let hi = 0;
  let lo = 0;
  for (let j = 1; j < n; j++) {
    if (ys[j]! > ys[hi]!) hi = j;
    if (ys[j]! < ys[lo]!) lo = j;
  }
  const kept = new Set<number>();
  for (const extreme of [hi, lo]) {
    if (extreme === 0 || extreme === n - 1 || picked.includes(extreme)) {
      kept.add(extreme);
      continue;
    }
    let slot = Math.min(Math.floor((extreme - 1) / every), threshold - 3) + 1;
    if (kept.has(picked[slot]!)) slot = slot + 1 <= threshold - 2 ? slot + 1 : slot - 1;
    if (slot < 1 || kept.has(picked[slot]!)) continue;
    picked[slot] = extreme;
    kept.add(extreme);
  }
  return picked.sort((p, q) => p - q);
}

/** ys: one array per measure, each of length n; NaN marks an empty value. */
export function minMaxIndices(n: number, ys: ArrayLike<number>[], threshold: number): number[] {
  if (threshold >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  const perBucket = 2 * Math.max(1, ys.length);
  const buckets = Math.max(1, Math.floor((threshold - 2) / perBucket));
  const every = (n - 2) / buckets;
  const keep = new Set<number>([0, n - 1]);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * every) + 1;
    const end = Math.min(Math.floor((b + 1) * every) + 1, n - 1);
    if (start >= end) continue;
    for (const y of ys) {
      let lo = -1;
      let hi = -1;
      for (let j = start; j < end; j++) {
        if (Number.isNaN(y[j]!)) continue;
        if (lo < 0 || y[j]! < y[lo]!) lo = j;
        if (hi < 0 || y[j]! > y[hi]!) hi = j;
      }
      if (lo >= 0) keep.add(lo).add(hi);
    }
  }
  return [...keep].sort((p, q) => p - q);
}
