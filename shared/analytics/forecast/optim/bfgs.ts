/**
 * Quasi-Newton (BFGS) minimisation with central-difference gradients: the variable-metric method of
 * R's optim(method = "BFGS") (J. C. Nash (1990), Compact Numerical Methods, Algorithm 21), which R's
 * arima uses for its likelihoods. Hand-written for the same reason as ./nelder-mead.ts.
 */
import type { MinimumResult } from './nelder-mead.js';

export interface BfgsOptions {
  /** Iterations (gradient evaluations), as optim's maxit. */
  maxIter?: number;
  reltol?: number;
  /** Finite-difference step. */
  eps?: number;
}

const ACCTOL = 1e-4;
const STEPREDN = 0.2;

function gradient(fn: (x: Float64Array) => number, x: Float64Array, g: Float64Array, eps: number): number {
  let evals = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const h = eps * Math.max(1, Math.abs(xi));
    x[i] = xi + h;
    const up = fn(x);
    x[i] = xi - h;
    const down = fn(x);
    x[i] = xi;
    evals += 2;
    g[i] = Number.isFinite(up) && Number.isFinite(down) ? (up - down) / (2 * h) : NaN;
  }
  return evals;
}

/**
 * Minimises a smooth `fn` from `x0`. Points where `fn` is not finite are treated as infeasible.
 *
 * @example
 * bfgs((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! - x[0]! ** 2) ** 2, new Float64Array([0, 0])).x; // ≈ [3, 9]
 */
export function bfgs(fn: (x: Float64Array) => number, x0: ArrayLike<number>, opts: BfgsOptions = {}): MinimumResult {
  const n = x0.length;
  const maxIter = opts.maxIter ?? 100;
  const reltol = opts.reltol ?? 1e-8;
  const eps = opts.eps ?? 1e-5;
  const b = Float64Array.from(x0);
  let f = fn(b);
  let evals = 1;
  if (!Number.isFinite(f) || n === 0) return { x: b, f, evals };
  const g = new Float64Array(n);
  const gNew = new Float64Array(n);
  const t = new Float64Array(n);
  const c = new Float64Array(n);
  const x = new Float64Array(n);
  const H = new Float64Array(n * n);
  const resetH = () => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  evals += gradient(fn, b, g, eps);
  if (g.some((v) => !Number.isFinite(v))) return { x: b, f, evals };
  resetH();
  let justReset = true;
  for (let iter = 0; iter < maxIter; iter++) {
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * g[j]!;
      t[i] = s;
      gradproj += s * g[i]!;
    }
    if (!(gradproj < 0)) {
      if (justReset) break;
      resetH();
      justReset = true;
      continue;
    }
    let step = 1;
    let accepted = false;
    let f1 = f;
    for (;;) {
      let same = 0;
      for (let i = 0; i < n; i++) {
        x[i] = b[i]! + step * t[i]!;
        if (x[i] === b[i]) same++;
      }
      if (same === n) break;
      f1 = fn(x);
      evals++;
      if (Number.isFinite(f1) && f1 <= f + gradproj * step * ACCTOL) {
        accepted = true;
        break;
      }
      step *= STEPREDN;
    }
    if (!accepted) {
      if (justReset) break;
      resetH();
      justReset = true;
      continue;
    }
    const converged = Math.abs(f1 - f) <= reltol * (Math.abs(f) + reltol);
    f = f1;
    b.set(x);
    if (converged) break;
    evals += gradient(fn, b, gNew, eps);
    if (gNew.some((v) => !Number.isFinite(v))) break;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      t[i]! *= step;
      c[i] = gNew[i]! - g[i]!;
      d1 += t[i]! * c[i]!;
    }
    g.set(gNew);
    if (d1 > 0) {
      // Inverse-Hessian update (Nash's form): H += ((1 + c'Hc/d1) t t' − (Hc) t' − t (Hc)') / d1.
      let d2 = 0;
      const hc = x; // reuse as scratch
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += H[i * n + j]! * c[j]!;
        hc[i] = s;
        d2 += c[i]! * s;
      }
      d2 = 1 + d2 / d1;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i * n + j]! += (d2 * t[i]! * t[j]! - hc[i]! * t[j]! - t[i]! * hc[j]!) / d1;
      justReset = false;
    } else {
      resetH();
      justReset = true;
    }
  }
  return { x: b, f, evals };
}
