/**
 * Safeguarded Newton iteration for inverting a monotone function (a CDF or a survival function) on a
 * bracket. Newton converges quadratically from a good starting guess; the bracket catches the rare
 * step that leaves it (heavy tails, poor guesses) and falls back to bisection, so the iteration always
 * converges. Hand-written because the quantile functions below need exactly this and nothing more.
 * Reference: W. H. Press et al., Numerical Recipes 3rd ed. §9.4 (rtsafe).
 */

export interface MonotoneProblem {
  /** g(x) − target, increasing or decreasing in x. */
  residual(x: number): number;
  /** dg/dx (may be 0 where the density underflows). */
  derivative(x: number): number;
  /** +1 when g increases with x, −1 when it decreases. */
  direction: 1 | -1;
  lo: number;
  hi: number;
}

/**
 * Root of `residual` in [lo, hi] starting from `x0`; lo/hi may be ±Infinity (then the bracket grows by
 * doubling). Stops at relative step 4ε or after 400 iterations.
 *
 * @example
 * solveMonotone({ residual: (x) => x * x - 2, derivative: (x) => 2 * x, direction: 1, lo: 0, hi: 2 }, 1); // 1.4142135623730951
 */
export function solveMonotone(p: MonotoneProblem, x0: number): number {
  let lo = p.lo;
  let hi = p.hi;
  let x = Math.min(Math.max(x0, lo), hi);
  for (let iter = 0; iter < 400; iter++) {
    const r = p.residual(x) * p.direction;
    if (r === 0) return x;
    if (r < 0) lo = x;
    else hi = x;
    const d = p.derivative(x) * p.direction;
    let next = d > 0 && Number.isFinite(d) ? x - r / d : NaN;
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = lo + (hi - lo) / 2;
      else if (!Number.isFinite(hi)) next = x > 0 ? x * 2 + 1 : x / 2 + 1;
      else next = x < 0 ? x * 2 - 1 : x / 2 - 1;
    }
    if (Math.abs(next - x) <= 4 * Number.EPSILON * Math.abs(next) || next === x) return next;
    if (Number.isFinite(lo) && Number.isFinite(hi) && hi - lo <= 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) return next;
    x = next;
  }
  return x;
}
