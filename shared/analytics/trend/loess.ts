/**
 * The local regression pieces STL is built from, after the original Fortran (netlib stl: stlest,
 * stless): a tricube-weighted local constant or local linear fit at one position, and its
 * evaluation at every position of a series. Positions are 1-based as in the paper, which keeps the
 * window arithmetic identical to the reference implementation.
 * Reference: R. B. Cleveland, W. S. Cleveland, J. E. McRae, I. Terpenning (1990), "STL: A
 * Seasonal-Trend Decomposition Procedure Based on Loess", Journal of Official Statistics 6(1), 3–73.
 */

/**
 * Local fit at position xs from the points nleft…nright (1-based) of y, span `len`, degree 0 or 1,
 * optionally multiplied by robustness weights. Returns NaN when every weight is zero.
 */
export function loessAt(y: ArrayLike<number>, n: number, len: number, degree: number, xs: number, nleft: number, nright: number, rw: ArrayLike<number> | null, w: Float64Array): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j - 1] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      let wj = r <= h1 ? 1 : Math.pow(1 - Math.pow(r / h, 3), 3);
      if (rw) wj *= rw[j - 1]!;
      w[j - 1] = wj;
      a += wj;
    }
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1]! /= a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j - 1]! * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1]! * (j - mean) * (j - mean);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1]! *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1]! * y[j - 1]!;
  return ys;
}

/**
 * Loess smooth of every position of y (length n) with span `len` and the given degree.
 *
 * @example
 * loessSmooth(Float64Array.from([1, 2, 3, 4, 5]), 3, 1, null); // a straight line is reproduced: [1, 2, 3, 4, 5]
 */
export function loessSmooth(y: ArrayLike<number>, len: number, degree: number, rw: ArrayLike<number> | null): Float64Array {
  const n = y.length;
  const ys = new Float64Array(n);
  if (n < 2) {
    if (n === 1) ys[0] = y[0]!;
    return ys;
  }
  const w = new Float64Array(n);
  let nleft = 1;
  let nright = Math.min(len, n);
  const nsh = Math.floor((len + 1) / 2);
  for (let i = 1; i <= n; i++) {
    if (len < n && i > nsh && nright !== n) {
      nleft++;
      nright++;
    }
    const v = loessAt(y, n, len, degree, i, nleft, nright, rw, w);
    ys[i - 1] = Number.isNaN(v) ? y[i - 1]! : v;
  }
  return ys;
}
