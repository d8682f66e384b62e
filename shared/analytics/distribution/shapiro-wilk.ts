/**
 * Shapiro–Wilk W test of normality, Royston's algorithm AS R94 (the one R's shapiro.test and
 * scipy.stats.shapiro run): approximate coefficients from normal order-statistic expectations, W as
 * a squared correlation computed as 1 − W to keep digits near W = 1, and Royston's normalising
 * transformations for the p-value (exact for n = 3; separate polynomial fits for 4 ≤ n ≤ 11 and
 * n ≥ 12). Valid for 3 ≤ n ≤ 5000.
 * Reference: P. Royston (1995), "Remark AS R94: A remark on Algorithm AS 181: The W test for
 * normality", Applied Statistics 44(4), 547–551; P. Royston (1992), Statistics and Computing 2, 117–119.
 * Hand-written: simple-statistics has no normality test.
 */
import { UdashError } from '../../errors.js';
import { normalQuantile, normalSf } from '../math/distributions.js';

// Royston (1995), Table 1 polynomial coefficients.
const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/** c₀ + c₁x + c₂x² + … (Horner). */
function poly(c: readonly number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + c[i]!;
  return r;
}

export interface ShapiroWilkResult {
  w: number;
  pValue: number;
  n: number;
}

/**
 * W and its p-value for values sorted ascending (no missing values).
 *
 * @example
 * // mtcars$wt in R: W = 0.94326, p-value = 0.09265
 * shapiroWilk(sortedWeights); // { w: 0.94325…, pValue: 0.09265…, n: 32 }
 */
export function shapiroWilk(sorted: Float64Array): ShapiroWilkResult {
  const fn = 'shapiroWilk';
  const n = sorted.length;
  if (n < 3 || n > 5000) throw new UdashError('BAD_DATA', `${fn}: the test needs 3 to 5000 values, got ${n}`, { count: n });
  const range = sorted[n - 1]! - sorted[0]!;
  if (!(range > 0)) throw new UdashError('BAD_DATA', `${fn}: no variance (every value is ${sorted[0]})`);
  for (let i = 1; i < n; i++) if (sorted[i]! < sorted[i - 1]!) throw new UdashError('BAD_INPUT', `${fn}: values must be sorted ascending`);

  // Coefficients a[1..nn2] for the upper half (the lower half is antisymmetric).
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2 + 1);
  if (n === 3) a[1] = Math.SQRT1_2;
  else {
    const an25 = n + 0.25;
    let summ2 = 0;
    for (let i = 1; i <= nn2; i++) {
      a[i] = normalQuantile((i - 0.375) / an25);
      summ2 += a[i]! * a[i]!;
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const a1 = poly(C1, rsn) - a[1]! / ssumm2;
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 3;
      const a2 = -a[2]! / ssumm2 + poly(C2, rsn);
      fac = Math.sqrt((summ2 - 2 * a[1]! * a[1]! - 2 * a[2]! * a[2]!) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
      a[2] = a2;
    } else {
      i1 = 2;
      fac = Math.sqrt((summ2 - 2 * a[1]! * a[1]!) / (1 - 2 * a1 * a1));
    }
    a[1] = a1;
    for (let i = i1; i <= nn2; i++) a[i] = -a[i]! / fac;
  }

  // W as the squared correlation of the data (scaled by the range, which also keeps tiny ranges
  // harmless) with the coefficients.
  const coef = (i: number) => {
    const j = n - 1 - i;
    if (i === j) return 0;
    return i < j ? -a[i + 1]! : a[j + 1]!;
  };
  let sa = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sa += coef(i);
    sx += sorted[i]! / range;
  }
  sa /= n;
  sx /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0; i < n; i++) {
    const asa = coef(i) - sa;
    const xsx = sorted[i]! / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;

  if (n === 3) {
    const pi6 = 6 / Math.PI;
    const stqr = Math.asin(Math.sqrt(0.75));
    return { w, pValue: Math.max(0, pi6 * (Math.asin(Math.sqrt(w)) - stqr)), n };
  }
  let y = Math.log(w1);
  const lnN = Math.log(n);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (y >= gamma) return { w, pValue: 1e-99, n };
    y = -Math.log(gamma - y);
    m = poly(C3, n);
    s = Math.exp(poly(C4, n));
  } else {
    m = poly(C5, lnN);
    s = Math.exp(poly(C6, lnN));
  }
  return { w, pValue: normalSf((y - m) / s), n };
}
