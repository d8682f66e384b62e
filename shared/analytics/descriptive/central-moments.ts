/**
 * Mean and the 2nd–4th central sums Σ(x−x̄)^k.
 *
 * Two passes with compensated sums; the second pass also sums the deviations and applies the
 * Chan–Golub–LeVeque correction Σd² − (Σd)²/n, which cancels the rounding left in x̄. When the data
 * are short decimals (../math/decimal-scale.ts) the sums run on the scaled integers instead, whose
 * deviations n·k − Σk are exact: that removes the binary representation error that otherwise limits
 * NIST NumAcc3/NumAcc4 to 8 digits, and gives all NIST StRD univariate sets to 15 digits.
 * Hand-written: simple-statistics' variance is a plain two-pass loop (about 8 digits on NumAcc4).
 * Reference: T. F. Chan, G. H. Golub, R. J. LeVeque (1983), "Algorithms for computing the sample
 * variance", The American Statistician 37(3), 242–247.
 */
import { decimalScale, powerOfTen, scaledIntegers } from '../math/decimal-scale.js';
import { accurateMean, CompensatedSum } from '../math/sum.js';

export interface CentralMoments {
  n: number;
  mean: number;
  /** Σ(x − x̄)². */
  m2: number;
  /** Σ(x − x̄)³. */
  m3: number;
  /** Σ(x − x̄)⁴. */
  m4: number;
}

/** Exact integer-sum path; null when the integer sums could exceed 2⁵³. */
function decimalMoments(values: Float64Array): CentralMoments | null {
  const d = decimalScale(values);
  if (d === null) return null;
  const k = scaledIntegers(values, d);
  let n = 0;
  let sum = 0;
  let absSum = 0;
  for (let i = 0; i < k.length; i++) {
    const v = k[i]!;
    if (v !== v) continue;
    n++;
    sum += v;
    absSum += Math.abs(v);
  }
  // Σk and every n·k − Σk must stay exact integers.
  if (n === 0 || absSum * 2 >= 2 ** 53 || absSum * n >= 2 ** 52) return null;
  const s2 = new CompensatedSum();
  const s3 = new CompensatedSum();
  const s4 = new CompensatedSum();
  for (let i = 0; i < k.length; i++) {
    const v = k[i]!;
    if (v !== v) continue;
    const e = n * v - sum; // exact: n·(k − k̄)
    const e2 = e * e;
    s2.add(e2);
    s3.add(e2 * e);
    s4.add(e2 * e2);
  }
  const p = powerOfTen(d);
  const n2 = n * n;
  const scale2 = n2 * p * p;
  return {
    n,
    mean: sum / (n * p),
    m2: s2.value() / scale2,
    m3: s3.value() / (scale2 * n * p),
    m4: s4.value() / (scale2 * scale2),
  };
}

/**
 * Central sums of the values (NaN entries are skipped; ±Infinity must be refused before, see
 * presentValues).
 *
 * @example
 * centralMoments(new Float64Array([1, 2, 3, 4])); // { n: 4, mean: 2.5, m2: 5, m3: 0, m4: 10.25 }
 */
export function centralMoments(values: Float64Array): CentralMoments {
  const exact = decimalMoments(values);
  if (exact) return exact;
  const { mean, count: n } = accurateMean(values);
  const s1 = new CompensatedSum();
  const s2 = new CompensatedSum();
  const s3 = new CompensatedSum();
  const s4 = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    if (d !== d) continue;
    const d2 = d * d;
    s1.add(d);
    s2.add(d2);
    s3.add(d2 * d);
    s4.add(d2 * d2);
  }
  const sd = s1.value();
  return { n, mean, m2: Math.max(0, s2.value() - (sd * sd) / n), m3: s3.value(), m4: s4.value() };
}
