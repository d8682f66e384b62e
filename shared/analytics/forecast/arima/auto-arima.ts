/**
 * Automatic seasonal ARIMA, following Hyndman & Khandakar (2008), "Automatic time series forecasting:
 * the forecast package for R", JSS 27(3), §3.2, and R's forecast::auto.arima defaults:
 *   - D from seasonal strength (./seasonal-strength.ts), then d from repeated KPSS tests on the
 *     seasonally differenced data (./kpss.ts);
 *   - a stepwise search from (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1), moving one
 *     or two of p, q, P, Q by ±1 or toggling the constant, accepting any move that lowers AICc, within
 *     p, q ≤ 5, P, Q ≤ 2, p + q + P + Q ≤ 5, at most 94 models;
 *   - a constant (mean when d + D = 0, drift when d + D = 1) considered only when d + D ≤ 1;
 *   - models with an AR or MA root within 1.01 of the unit circle rejected;
 *   - for long or high-frequency series (n > 150 or m > 12) the search ranks CSS fits
 *     ("approximation"), and the winner is refitted by exact ML.
 */
import { fitArima, ArimaFitError, type ArimaFit } from './arima-fit.js';
import { armaCount, expandAr, expandMa, difference, type ArimaConstant, type ArimaOrder } from './arima-spec.js';
import { kpssDifferences } from './kpss.js';
import { minRootModulus } from './polynomial-roots.js';
import { seasonalDifferences } from './seasonal-strength.js';

export interface AutoArimaOptions {
  /** Season length (1 = non-seasonal). */
  m: number;
  maxP?: number;
  maxQ?: number;
  maxSP?: number;
  maxSQ?: number;
  maxOrder?: number;
  maxModels?: number;
  /** Force CSS ranking on or off (default: n > 150 or m > 12, as R). */
  approximation?: boolean;
  /** Called after each candidate fit (for progress and cancellation). */
  onFit?: () => void;
}

export interface AutoArimaResult {
  fit: ArimaFit;
  /** Candidates tried. */
  tried: number;
}

interface Candidate {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
}

export function autoArima(y: Float64Array, opts: AutoArimaOptions): AutoArimaResult {
  const n = y.length;
  let m = opts.m;
  if (m > 1 && n < 2 * m + 1) m = 1;
  const D = m > 1 ? seasonalDifferences(y, m) : 0;
  const dx = D > 0 ? difference(y, 0, D, m) : y;
  const d = kpssDifferences(dx);
  const nobs = n - d - D * m;
  const maxP = Math.min(opts.maxP ?? 5, Math.floor(nobs / 3));
  const maxQ = Math.min(opts.maxQ ?? 5, Math.floor(nobs / 3));
  const maxSP = m > 1 ? Math.min(opts.maxSP ?? 2, Math.floor(nobs / 3 / m)) : 0;
  const maxSQ = m > 1 ? Math.min(opts.maxSQ ?? 2, Math.floor(nobs / 3 / m)) : 0;
  const maxOrder = opts.maxOrder ?? 5;
  const maxModels = opts.maxModels ?? 94;
  const approximation = opts.approximation ?? (n > 150 || m > 12);
  const allowConstant = d + D <= 1;
  const constantKind: ArimaConstant = d + D === 0 ? 'mean' : 'drift';

  const tried = new Map<string, number>();
  const fits = new Map<string, ArimaFit>();
  const key = (c: Candidate) => `${c.p},${c.q},${c.P},${c.Q},${c.constant ? 1 : 0}`;

  const evaluate = (c: Candidate): number => {
    const k = key(c);
    const seen = tried.get(k);
    if (seen !== undefined) return seen;
    let ic = Infinity;
    if (c.p + c.q + c.P + c.Q <= maxOrder) {
      const order: ArimaOrder = { p: c.p, d, q: c.q, P: c.P, D, Q: c.Q, m };
      try {
        const fit = fitArima(y, order, c.constant ? constantKind : 'none', approximation ? 'CSS' : 'CSS-ML');
        ic = acceptable(fit) ? fit.aicc : Infinity;
        fits.set(k, fit);
      } catch (e) {
        if (!(e instanceof ArimaFitError || e instanceof RangeError)) throw e;
      }
      opts.onFit?.();
    }
    tried.set(k, ic);
    return ic;
  };

  // Starting models.
  let best: Candidate = { p: Math.min(2, maxP), q: Math.min(2, maxQ), P: Math.min(1, maxSP), Q: Math.min(1, maxSQ), constant: allowConstant };
  let bestIc = evaluate(best);
  const starts: Candidate[] = [
    { p: 0, q: 0, P: 0, Q: 0, constant: allowConstant },
    { p: maxP > 0 ? 1 : 0, q: 0, P: maxSP > 0 ? 1 : 0, Q: 0, constant: allowConstant },
    { p: 0, q: maxQ > 0 ? 1 : 0, P: 0, Q: maxSQ > 0 ? 1 : 0, constant: allowConstant },
  ];
  if (allowConstant) starts.push({ p: 0, q: 0, P: 0, Q: 0, constant: false });
  for (const c of starts) {
    const ic = evaluate(c);
    if (ic < bestIc) {
      best = c;
      bestIc = ic;
    }
  }

  // Stepwise neighbourhood search: restart from the top after every improvement.
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0], [0, 0, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, -1, -1], [0, 0, -1, 1], [0, 0, 1, -1], [0, 0, 1, 1],
    [-1, 0, 0, 0], [0, -1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [-1, -1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 0, 0],
  ];
  let improved = true;
  while (improved && tried.size < maxModels) {
    improved = false;
    const neighbours: Candidate[] = moves.map(([dp, dq, dP, dQ]) => ({ p: best.p + dp, q: best.q + dq, P: best.P + dP, Q: best.Q + dQ, constant: best.constant }));
    if (allowConstant) neighbours.push({ ...best, constant: !best.constant });
    for (const c of neighbours) {
      if (c.p < 0 || c.q < 0 || c.P < 0 || c.Q < 0 || c.p > maxP || c.q > maxQ || c.P > maxSP || c.Q > maxSQ) continue;
      if (tried.has(key(c))) continue;
      if (tried.size >= maxModels) break;
      const ic = evaluate(c);
      if (ic < bestIc) {
        best = c;
        bestIc = ic;
        improved = true;
        break;
      }
    }
  }

  // Exact ML for the winner (or, if it will not fit, the next best).
  const ranked = [...tried.entries()].filter(([, ic]) => Number.isFinite(ic)).sort((a, b) => a[1] - b[1]);
  for (const [k] of ranked) {
    const fit = fits.get(k)!;
    if (!approximation) return { fit, tried: tried.size };
    try {
      const exact = fitArima(y, fit.order, fit.constant, 'CSS-ML');
      if (acceptable(exact)) return { fit: exact, tried: tried.size };
    } catch (e) {
      if (!(e instanceof ArimaFitError || e instanceof RangeError)) throw e;
    }
  }
  // Nothing passed: the plain (0,d,0)(0,D,0) model always fits.
  const fallback = fitArima(y, { p: 0, d, q: 0, P: 0, D, Q: 0, m }, 'none', 'CSS');
  return { fit: fallback, tried: tried.size };
}

/** R's auto.arima rejects fits with roots near the unit circle (they forecast erratically). */
function acceptable(fit: ArimaFit): boolean {
  if (!Number.isFinite(fit.aicc)) return false;
  const o = fit.order;
  if (armaCount(o) === 0) return true;
  const c = fit.coef;
  const phi = expandAr(c.subarray(0, o.p), c.subarray(o.p + o.q, o.p + o.q + o.P), o.m);
  const theta = expandMa(c.subarray(o.p, o.p + o.q), c.subarray(o.p + o.q + o.P, o.p + o.q + o.P + o.Q), o.m);
  let minRoot = Infinity;
  if (phi.length > 0) minRoot = Math.min(minRoot, minRootModulus(phi.map((v) => -v)));
  if (theta.length > 0) minRoot = Math.min(minRoot, minRootModulus(theta));
  return minRoot > 1.01;
}
