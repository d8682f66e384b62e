/**
 * Predictions from a fitted regression, with confidence intervals for the mean response and
 * prediction intervals for a new observation:
 *   ŷ₀ ± t·s·√(h₀) and ŷ₀ ± t·s·√(1 + h₀), h₀ = 1/n + (f₀ − m)ᵀ(XcᵀXc)⁻¹(f₀ − m) (intercept models)
 * or h₀ = f₀ᵀ(XᵀX)⁻¹f₀ (without), evaluated in the centred basis the model was fitted in.
 */
import { UdashError } from '../../errors.js';
import { assertLevel } from '../checks.js';
import { tQuantile } from '../math/distributions.js';
import type { Prediction, RegressionResult } from './types.js';

/** Basis values of one new point: predictor values (linear) or powers of u (polynomial). */
function basisRow(fn: string, result: RegressionResult, point: readonly number[]): number[] {
  const b = result.model.basis;
  if (b.kind === 'linear') {
    if (point.length !== b.predictors.length) throw new UdashError('BAD_INPUT', `${fn}: each new point needs ${b.predictors.length} value(s) (${b.predictors.join(', ')}), got ${point.length}`, { field: 'x' });
    return [...point];
  }
  if (point.length !== 1) throw new UdashError('BAD_INPUT', `${fn}: a polynomial in ${b.predictor} takes one value per new point, got ${point.length}`, { field: 'x' });
  const u = (point[0]! - b.shift) / b.scale;
  const out: number[] = [];
  let pw = 1;
  for (let k = 1; k <= b.degree; k++) out.push((pw *= u));
  return out;
}

/**
 * Predicts at new points (each point: one value per predictor, or one x for a polynomial).
 *
 * @example
 * const r = simpleRegression(numericColumn('x', [1, 2, 3, 4]), numericColumn('y', [2, 4.1, 5.9, 8.2]));
 * predictRegression(r, [[5]], 0.95)[0].fit; // ≈ 10.1
 */
export function predictRegression(result: RegressionResult, points: readonly (readonly number[])[], level = 0.95): Prediction[] {
  const fn = 'predictRegression';
  assertLevel(fn, level);
  const { model } = result;
  const q = model.coef.length;
  const t = tQuantile(1 - (1 - level) / 2, result.dfResidual);
  const s = result.residualStdError;
  return points.map((point, idx) => {
    for (const v of point) if (!Number.isFinite(v)) throw new UdashError('BAD_INPUT', `${fn}: new point ${idx + 1} has a value that is not a finite number`, { row: idx + 1 });
    const f = basisRow(fn, result, point).map((v, j) => v - model.means[j]!);
    let fit = model.yMean;
    for (let j = 0; j < q; j++) fit += model.coef[j]! * f[j]!;
    let h = model.intercept ? 1 / model.n : 0;
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) h += f[a]! * model.covUnscaled[a * q + b]! * f[b]!;
    const conf = t * s * Math.sqrt(Math.max(0, h));
    const pred = t * s * Math.sqrt(1 + Math.max(0, h));
    return { fit, confLow: fit - conf, confHigh: fit + conf, predLow: fit - pred, predHigh: fit + pred };
  });
}
