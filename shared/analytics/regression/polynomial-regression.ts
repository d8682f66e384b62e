/**
 * Polynomial regression y = b₀ + b₁x + … + b_d x^d, d = 1…10.
 *
 * The monomial (Vandermonde) design is ill-conditioned: NIST's Filip (degree 10, x in [−9, −3]) has a
 * condition number near 10¹⁵ and many packages fail it. So the fit is done in the basis u^k with
 * u = (x − x̄)/max|x − x̄| (u in [−1, 1], condition number ~10⁴ after centring), and the estimates
 * and their covariance are mapped back exactly: x^j coefficients β = T·θ with
 * T_jk = C(k, j)(−x̄)^{k−j}/s^k, Cov β = T·Cov θ·Tᵀ. Without an intercept u = x/max|x| (a shift would
 * add one). This reaches 14 digits on Filip and ≥ 7.9 on Wampler5 (see the NIST tests).
 * Reference: Golub & Van Loan §5.3; Å. Björck, Numerical Methods for Least Squares Problems §4.4.
 */
import { UdashError } from '../../errors.js';
import { assertLevel, assertSameLength } from '../checks.js';
import type { NumericColumn } from '../column.js';
import { accurateMean } from '../math/sum.js';
import { completeRows, fitCore } from './fit-core.js';
import { checkRegressionData, type RegressionOptions } from './multiple-regression.js';
import { regressionResult, withIntercept } from './summarize.js';
import type { RegressionResult } from './types.js';

export const MAX_POLYNOMIAL_DEGREE = 10;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Powers u¹…u^d of u = (x − shift)/scale, one array per power. */
export function polynomialBasis(x: Float64Array, degree: number, shift: number, scale: number): Float64Array[] {
  const cols: Float64Array[] = [];
  const u = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) u[i] = (x[i]! - shift) / scale;
  let prev = u;
  cols.push(u);
  for (let k = 2; k <= degree; k++) {
    const next = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) next[i] = prev[i]! * u[i]!;
    cols.push(next);
    prev = next;
  }
  return cols;
}

/**
 * Fits a polynomial of the given degree in x. Terms are named "(intercept)", "x^1" … "x^d".
 *
 * @example
 * const r = polynomialRegression(numericColumn('x', [0, 1, 2, 3, 4]), numericColumn('y', [1, 2, 5, 10, 17]), 2);
 * r.terms.map((t) => Math.round(t.estimate)); // [1, 0, 1]
 */
export function polynomialRegression(x: NumericColumn, y: NumericColumn, degree: number, opts: RegressionOptions = {}): RegressionResult {
  const fn = 'polynomialRegression';
  const intercept = opts.intercept ?? true;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(degree) || degree < 1 || degree > MAX_POLYNOMIAL_DEGREE) {
    throw new UdashError('BAD_INPUT', `${fn}: degree must be a whole number from 1 to ${MAX_POLYNOMIAL_DEGREE}, got ${degree}`, { field: 'degree' });
  }
  assertLevel(fn, level);
  assertSameLength(fn, [y, x]);
  const { values, rows } = completeRows(fn, [y, x]);
  const [yv, xv] = values as [Float64Array, Float64Array];
  const p = degree + (intercept ? 1 : 0);
  const powerNames = Array.from({ length: degree }, (_, k) => `x^${k + 1}`);
  checkRegressionData(fn, y, [yv, xv], [x.name], p, intercept);

  const shift = intercept ? accurateMean(xv).mean : 0;
  let scale = 0;
  for (let i = 0; i < xv.length; i++) scale = Math.max(scale, Math.abs(xv[i]! - shift));
  const basis = polynomialBasis(xv, degree, shift, scale);
  const core = fitCore(fn, yv, basis, powerNames.map((t) => t.replace(/^x/, x.name)), intercept);
  const { theta, cov } = withIntercept(core);

  // θ indexes powers 0…d (intercept models) or 1…d; map to monomials in x.
  const first = intercept ? 0 : 1;
  const T: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    const j = a + first;
    for (let b = a; b < p; b++) {
      const k = b + first;
      T[a]![b] = (binomial(k, j) * Math.pow(-shift / scale, k - j)) / Math.pow(scale, j);
    }
  }
  const beta = T.map((row) => row.reduce((s, t, b) => s + t * theta[b]!, 0));
  const tc = T.map((row) => cov.map((_, b) => row.reduce((s, t, c) => s + t * cov[c]![b]!, 0)));
  const covBeta = tc.map((row) => T.map((rowT) => row.reduce((s, v, c) => s + v * rowT[c]!, 0)));

  const names = intercept ? ['(intercept)', ...powerNames] : powerNames;
  const basisSpec = { kind: 'polynomial' as const, predictor: x.name, degree, shift, scale };
  return regressionResult({ kind: 'polynomial', response: y, core, estimates: beta, covUnscaled: covBeta, names, intercept, level, rows, basis: basisSpec });
}
