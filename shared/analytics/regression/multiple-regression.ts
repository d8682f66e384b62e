/**
 * Multiple linear regression by least squares (blocked Householder QR on centred columns).
 */
import { UdashError } from '../../errors.js';
import { assertLevel, assertSameLength } from '../checks.js';
import type { NumericColumn } from '../column.js';
import { completeRows, fitCore } from './fit-core.js';
import { regressionResult, withIntercept } from './summarize.js';
import type { RegressionResult } from './types.js';

export interface RegressionOptions {
  /** Fit an intercept (default true). */
  intercept?: boolean;
  /** Confidence level of the coefficient intervals (default 0.95). */
  level?: number;
}

/** Checks shared by the regression entry points: sizes, level, enough rows, variance. */
export function checkRegressionData(fn: string, y: NumericColumn, values: Float64Array[], names: string[], params: number, intercept: boolean): void {
  const n = values[0]!.length;
  if (n === 0) throw new UdashError('BAD_DATA', `${fn}: no row has a value for "${y.name}" and every predictor`, { column: y.name });
  if (n <= params) {
    throw new UdashError('BAD_DATA', `${fn}: ${n} complete row${n === 1 ? '' : 's'} but the model has ${params} parameters; it needs at least ${params + 1} rows`, { column: y.name, rows: n, parameters: params });
  }
  const constant = (v: Float64Array) => {
    const first = v[0];
    for (let i = 1; i < v.length; i++) if (v[i] !== first) return false;
    return true;
  };
  if (constant(values[0]!) && (intercept || values[0]![0] === 0)) throw new UdashError('BAD_DATA', `${fn}: column "${y.name}" has no variance (every value is ${values[0]![0]})`, { column: y.name });
  for (let j = 1; j < values.length; j++) {
    const v = values[j]!;
    if (constant(v) && (intercept || v[0] === 0)) throw new UdashError('BAD_DATA', `${fn}: column "${names[j - 1]}" has no variance (every value is ${v[0]})`, { column: names[j - 1] });
  }
}

/**
 * Regresses `y` on the predictor columns. Rows with a missing value in y or any predictor are left
 * out (counted in `missing`).
 *
 * Reference: Golub & Van Loan §5.3 (least squares by QR); R's summary.lm for the reported statistics.
 *
 * @example
 * const r = multipleRegression(numericColumn('y', [1, 3, 5, 8]), [numericColumn('x', [0, 1, 2, 3])]);
 * r.terms.map((t) => t.term); // ['(intercept)', 'x']
 */
export function multipleRegression(y: NumericColumn, predictors: NumericColumn[], opts: RegressionOptions = {}): RegressionResult {
  return linearRegression('multipleRegression', y, predictors, opts);
}

/** multipleRegression under the caller's name (for error messages). */
export function linearRegression(fn: string, y: NumericColumn, predictors: NumericColumn[], opts: RegressionOptions = {}): RegressionResult {
  const intercept = opts.intercept ?? true;
  const level = opts.level ?? 0.95;
  assertLevel(fn, level);
  if (predictors.length === 0) throw new UdashError('BAD_INPUT', `${fn}: give at least one predictor column`, { field: 'x' });
  const names = predictors.map((p) => p.name);
  const dup = names.find((nm, i) => names.indexOf(nm) !== i);
  if (dup !== undefined) throw new UdashError('BAD_INPUT', `${fn}: predictor "${dup}" is listed twice`, { column: dup });
  assertSameLength(fn, [y, ...predictors]);
  const { values, rows } = completeRows(fn, [y, ...predictors]);
  const p = predictors.length + (intercept ? 1 : 0);
  checkRegressionData(fn, y, values, names, p, intercept);
  const core = fitCore(fn, values[0]!, values.slice(1), names, intercept);
  const { theta, cov } = withIntercept(core);
  const termNames = intercept ? ['(intercept)', ...names] : names;
  const kind = predictors.length === 1 ? 'simple' : 'multiple';
  return regressionResult({ kind, response: y, core, estimates: theta, covUnscaled: cov, names: termNames, intercept, level, rows, basis: { kind: 'linear', predictors: names } });
}
