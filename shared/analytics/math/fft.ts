/**
 * In-place iterative radix-2 Cooley–Tukey FFT on separate real/imaginary Float64Arrays whose length is
 * a power of two. Used for periodograms and for O(n log n) autocorrelation of long series (Wiener–
 * Khinchin). Hand-written: no FFT package is installed, and this one is 40 lines.
 * Reference: Cormen et al., Introduction to Algorithms 3rd ed., §30.3.
 */

/** Smallest power of two ≥ n. */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Forward transform X_k = Σ x_t e^{−2πikt/N} (inverse when `inverse`, without the 1/N factor).
 *
 * @example
 * const re = new Float64Array([1, 1, 1, 1]); const im = new Float64Array(4);
 * fft(re, im); // re = [4, 0, 0, 0]
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n !== im.length || (n & (n - 1)) !== 0) throw new RangeError(`fft: length must be a power of two and equal for both parts, got ${n} and ${im.length}`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
      t = im[i]!;
      im[i] = im[j]!;
      im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a]! += xr;
        im[a]! += xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}
