/**
 * Raw periodogram I(f_k) = |Σ x_t e^{−2πi f_k t}|²/n at the Fourier frequencies f_k = k/n of a
 * mean-removed series (zero-padded to a power of two for the FFT, so frequencies are k/N), plus
 * Fisher's g test for the largest peak. Reference: P. J. Brockwell & R. A. Davis, Time Series:
 * Theory and Methods, §10.1–10.2; R. A. Fisher (1929), Proc. Royal Society A 125, 54–59.
 */
import { fft, nextPowerOfTwo } from '../math/fft.js';

export interface Periodogram {
  /** Cycles per observation, ascending, excluding 0. */
  frequency: Float64Array;
  power: Float64Array;
}

/**
 * @example
 * const p = periodogram(Float64Array.from({ length: 64 }, (_, t) => Math.sin((2 * Math.PI * t) / 8)));
 * 1 / p.frequency[p.power.indexOf(Math.max(...p.power))]; // 8
 */
export function periodogram(values: Float64Array): Periodogram {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  const size = nextPowerOfTwo(n);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < n; i++) re[i] = values[i]! - mean;
  fft(re, im);
  const half = Math.floor(size / 2);
  const frequency = new Float64Array(half);
  const power = new Float64Array(half);
  for (let k = 1; k <= half; k++) {
    frequency[k - 1] = k / size;
    power[k - 1] = (re[k]! * re[k]! + im[k]! * im[k]!) / n;
  }
  return { frequency, power };
}

/**
 * Fisher's g test p-value for the largest of m periodogram ordinates being a real periodicity
 * (g = max/sum; p ≈ Σ_j (−1)^{j−1} C(m, j)(1 − j·g)^{m−1}, first terms).
 *
 * @example
 * fisherG(0.5, 50) < 0.001; // true
 */
export function fisherG(g: number, m: number): number {
  let p = 0;
  let binom = 1;
  for (let j = 1; j <= Math.min(m, Math.floor(1 / g)); j++) {
    binom = (binom * (m - j + 1)) / j;
    const term = binom * Math.pow(1 - j * g, m - 1);
    p += j % 2 === 1 ? term : -term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, p));
}
