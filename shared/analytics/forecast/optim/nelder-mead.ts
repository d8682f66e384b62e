/**
 * Nelder–Mead downhill simplex with restarts, on Float64Array and without allocating in the loop.
 *
 * Hand-written because the model fits call the objective thousands of times on long series: the npm
 * options (fmin 0.0.4, last released 2017) allocate arrays per step and have no restarts.
 *
 * Reference: J. A. Nelder & R. Mead (1965), Computer Journal 7, 308–313, with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½) R's optim uses; restarting from the best vertex
 * with a fresh simplex guards against the collapsed simplices NM is known for (Lagarias et al. 1998).
 */

export interface NelderMeadOptions {
  /** Initial step per coordinate (the simplex edge). */
  step: ArrayLike<number>;
  /** Stop when the spread of objective values falls below reltol·(|f|+reltol). */
  reltol?: number;
  /** Objective evaluations in all, restarts included. */
  maxEvals?: number;
  /** Fresh simplices started from the best point after convergence. */
  restarts?: number;
}

export interface MinimumResult {
  x: Float64Array;
  f: number;
  evals: number;
}

/**
 * Minimises `fn` from `x0`. Non-finite objective values count as +Infinity (outside the feasible set).
 *
 * @example
 * nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, new Float64Array([0, 0]), { step: [1, 1] }).x; // ≈ [1, -2]
 */
export function nelderMead(fn: (x: Float64Array) => number, x0: ArrayLike<number>, opts: NelderMeadOptions): MinimumResult {
  const n = x0.length;
  if (opts.step.length !== n) throw new RangeError('nelderMead: step must have one entry per coordinate');
  const reltol = opts.reltol ?? 1e-8;
  const maxEvals = opts.maxEvals ?? 2000;
  const restarts = opts.restarts ?? 2;
  const f = (x: Float64Array) => {
    const v = fn(x);
    return v === v && v !== Infinity ? v : Infinity;
  };
  let best = Float64Array.from(x0);
  let fBest = f(best);
  let evals = 1;
  if (n === 0) return { x: best, f: fBest, evals };

  const simplex = Array.from({ length: n + 1 }, () => new Float64Array(n));
  const values = new Float64Array(n + 1);
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);

  for (let round = 0; round <= restarts && evals < maxEvals; round++) {
    const fStart = fBest;
    simplex[0]!.set(best);
    values[0] = fBest;
    for (let i = 1; i <= n; i++) {
      const v = simplex[i]!;
      v.set(best);
      v[i - 1]! += opts.step[i - 1]! * (round === 0 ? 1 : 0.5);
      values[i] = f(v);
      evals++;
    }
    while (evals < maxEvals) {
      // Order: find best (lo), worst (hi) and second worst.
      let lo = 0;
      let hi = 0;
      for (let i = 1; i <= n; i++) {
        if (values[i]! < values[lo]!) lo = i;
        if (values[i]! > values[hi]!) hi = i;
      }
      let hi2 = lo;
      for (let i = 0; i <= n; i++) if (i !== hi && values[i]! > values[hi2]!) hi2 = i;
      const fLo = values[lo]!;
      const fHi = values[hi]!;
      if (fHi !== Infinity && Math.abs(fHi - fLo) <= reltol * (Math.abs(fLo) + reltol)) break;

      centroid.fill(0);
      for (let i = 0; i <= n; i++) if (i !== hi) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]!;
      for (let j = 0; j < n; j++) centroid[j]! /= n;
      const worst = simplex[hi]!;
      for (let j = 0; j < n; j++) trial[j] = centroid[j]! + (centroid[j]! - worst[j]!);
      const fR = f(trial);
      evals++;
      if (fR < fLo) {
        for (let j = 0; j < n; j++) trial2[j] = centroid[j]! + 2 * (centroid[j]! - worst[j]!);
        const fE = f(trial2);
        evals++;
        if (fE < fR) {
          worst.set(trial2);
          values[hi] = fE;
        } else {
          worst.set(trial);
          values[hi] = fR;
        }
        continue;
      }
      if (fR < values[hi2]!) {
        worst.set(trial);
        values[hi] = fR;
        continue;
      }
      // Contraction: outside if the reflection beat the worst point, inside otherwise.
      const outside = fR < fHi;
      for (let j = 0; j < n; j++) trial2[j] = outside ? centroid[j]! + 0.5 * (trial[j]! - centroid[j]!) : centroid[j]! + 0.5 * (worst[j]! - centroid[j]!);
      const fC = f(trial2);
      evals++;
      if (fC < (outside ? fR : fHi)) {
        worst.set(trial2);
        values[hi] = fC;
        continue;
      }
      // Shrink towards the best vertex.
      const b = simplex[lo]!;
      for (let i = 0; i <= n; i++) {
        if (i === lo) continue;
        const v = simplex[i]!;
        for (let j = 0; j < n; j++) v[j] = b[j]! + 0.5 * (v[j]! - b[j]!);
        values[i] = f(v);
        evals++;
      }
    }
    let lo = 0;
    for (let i = 1; i <= n; i++) if (values[i]! < values[lo]!) lo = i;
    if (values[lo]! < fBest) {
      fBest = values[lo]!;
      best = Float64Array.from(simplex[lo]!);
    }
    // A restart that gained nothing means we are at a (local) minimum.
    if (round > 0 && !(fBest < fStart - reltol * (Math.abs(fStart) + reltol))) break;
  }
  return { x: best, f: fBest, evals };
}
