/**
 * Normal QQ plot data: theoretical quantiles Φ⁻¹((i − a)/(n + 1 − 2a)) with a = 3/8 for n ≤ 10 and
 * 1/2 otherwise (R's ppoints/qqnorm), against the sorted values; and the reference line through the
 * first and third quartiles (R's qqline). Long samples are thinned to `maxPoints` evenly spaced order
 * statistics, always keeping both ends, so a million-row column still plots instantly.
 */
import { normalQuantile } from '../math/distributions.js';
import { quantileSorted } from '../descriptive/quantile.js';

export interface QqPlot {
  points: { theoretical: number; sample: number }[];
  line: { slope: number; intercept: number };
  /** True when the points are a thinned subset of the order statistics. */
  thinned: boolean;
}

/**
 * @example
 * qqPoints(Float64Array.from([1, 2, 3])).points[1]; // { theoretical: 0, sample: 2 }
 */
export function qqPoints(sorted: Float64Array, maxPoints = 512): QqPlot {
  const n = sorted.length;
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  const take = Math.min(n, Math.max(2, maxPoints));
  const points: { theoretical: number; sample: number }[] = [];
  for (let k = 0; k < take; k++) {
    const i = take === n ? k : Math.round((k * (n - 1)) / (take - 1));
    points.push({ theoretical: normalQuantile((i + 1 - a) / (n + 1 - 2 * a)), sample: sorted[i]! });
  }
  const z1 = normalQuantile(0.25);
  const z3 = normalQuantile(0.75);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const slope = (q3 - q1) / (z3 - z1);
  return { points, line: { slope, intercept: q1 - slope * z1 }, thinned: take < n };
}
