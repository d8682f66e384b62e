/**
 * Turns estimates and their unscaled covariance into the table every regression reports: standard
 * errors, t and p values, confidence intervals at any level, R², adjusted R², the F test. Follows
 * R's summary.lm conventions (uncentred R² and F without an intercept; adjusted R² uses n − 1 only
 * with an intercept), which are also NIST's.
 */
import { fSf, tQuantile, tTwoSidedP } from '../math/distributions.js';
import type { CoreFit } from './fit-core.js';
import type { Notice } from '../notice.js';
import type { RegressionBasis, RegressionResult, RegressionTerm } from './types.js';

export interface Summary {
  terms: RegressionTerm[];
  covariance: number[][];
  rSquared: number;
  adjRSquared: number;
  residualStdError: number;
  fStatistic: number;
  fPValue: number;
  dfModel: number;
  dfResidual: number;
  notices: Notice[];
}

/**
 * Full parameter vector and unscaled covariance (row-major) of a core fit, with the intercept first
 * when there is one: b₀ = ȳ − Σ mⱼbⱼ, Var(b₀) = 1/n + mᵀCm, Cov(b₀, b) = −Cm.
 */
export function withIntercept(core: CoreFit): { theta: number[]; cov: number[][] } {
  const q = core.coef.length;
  const C = (a: number, b: number) => core.covUnscaled[b * q + a]!;
  if (!core.intercept) {
    return { theta: Array.from(core.coef), cov: Array.from({ length: q }, (_, a) => Array.from({ length: q }, (_, b) => C(a, b))) };
  }
  const m = core.means;
  const cm = new Array<number>(q).fill(0);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) cm[a]! += C(a, b) * m[b]!;
  let mcm = 0;
  for (let a = 0; a < q; a++) mcm += m[a]! * cm[a]!;
  let b0 = core.yMean;
  for (let j = 0; j < q; j++) b0 -= m[j]! * core.coef[j]!;
  const cov: number[][] = [[1 / core.n + mcm, ...cm.map((v) => -v)]];
  for (let a = 0; a < q; a++) cov.push([-cm[a]!, ...Array.from({ length: q }, (_, b) => C(a, b))]);
  return { theta: [b0, ...Array.from(core.coef)], cov };
}

export function summarize(args: { estimates: number[]; covUnscaled: number[][]; names: string[]; n: number; intercept: boolean; rss: number; tss: number; level: number; essentiallyPerfect?: boolean }): Summary {
  const { estimates, covUnscaled, names, n, intercept, rss, tss, level } = args;
  const p = estimates.length;
  const dfResidual = n - p;
  const dfModel = p - (intercept ? 1 : 0);
  const sigma2 = rss / dfResidual;
  const sigma = Math.sqrt(sigma2);
  const tcrit = tQuantile(1 - (1 - level) / 2, dfResidual);
  const notices: Notice[] = [];
  if (sigma === 0) notices.push({ code: 'perfect-fit', message: 'Perfect fit: the residuals are all zero, so standard errors are 0 and t statistics infinite.' });
  else if (args.essentiallyPerfect) notices.push({ code: 'perfect-fit', message: 'Essentially perfect fit: the residuals are at rounding level, so standard errors, t and p values are unreliable.' });
  const terms: RegressionTerm[] = estimates.map((estimate, j) => {
    const stdError = Math.sqrt(Math.max(0, covUnscaled[j]![j]!) * sigma2);
    let tValue: number;
    let pValue: number;
    if (stdError > 0) {
      tValue = estimate / stdError;
      pValue = tTwoSidedP(tValue, dfResidual);
    } else {
      tValue = estimate === 0 ? 0 : estimate > 0 ? Infinity : -Infinity;
      pValue = estimate === 0 ? 1 : 0;
    }
    return { term: names[j]!, estimate, stdError, tValue, pValue, ciLow: estimate - tcrit * stdError, ciHigh: estimate + tcrit * stdError };
  });
  const rSquared = 1 - rss / tss;
  const adjRSquared = 1 - ((1 - rSquared) * (n - (intercept ? 1 : 0))) / dfResidual;
  const fStatistic = dfModel > 0 ? (tss - rss) / dfModel / sigma2 : NaN;
  const fPValue = dfModel > 0 ? (sigma2 === 0 ? 0 : fSf(fStatistic, dfModel, dfResidual)) : NaN;
  const covariance = covUnscaled.map((row) => row.map((v) => v * sigma2));
  return { terms, covariance, rSquared, adjRSquared, residualStdError: sigma, fStatistic, fPValue, dfModel, dfResidual, notices };
}

/**
 * The result every regression returns: the summary table of `estimates` (in the caller's terms) plus
 * the fit's rows, residuals and the model kept for predictions in the centred basis.
 */
export function regressionResult(args: {
  kind: RegressionResult['kind'];
  response: { name: string; values: ArrayLike<unknown> };
  core: CoreFit;
  estimates: number[];
  covUnscaled: number[][];
  names: string[];
  intercept: boolean;
  level: number;
  rows: Int32Array;
  basis: RegressionBasis;
}): RegressionResult {
  const { core, intercept, level } = args;
  const s = summarize({ estimates: args.estimates, covUnscaled: args.covUnscaled, names: args.names, n: core.n, intercept, rss: core.rss, tss: core.tss, level, essentiallyPerfect: core.essentiallyPerfect });
  return {
    kind: args.kind,
    response: args.response.name,
    intercept,
    level,
    ...s,
    n: core.n,
    missing: args.response.values.length - core.n,
    rss: core.rss,
    tss: core.tss,
    fitted: core.fitted,
    residuals: core.residuals,
    rows: args.rows,
    model: {
      basis: args.basis,
      intercept,
      means: Array.from(core.means),
      yMean: core.yMean,
      coef: Array.from(core.coef),
      covUnscaled: Array.from(core.covUnscaled),
      n: core.n,
    },
  };
}
