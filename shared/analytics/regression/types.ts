/** Result shapes of the regression functions; plain numbers and arrays so they serialise as JSON. */
import type { Notice } from '../notice.js';

export interface RegressionTerm {
  /** "(intercept)", a predictor's column name, or "x^k" for polynomial terms. */
  term: string;
  estimate: number;
  stdError: number;
  /** ±Infinity only for a perfect fit (residual standard error 0); see `notices`. */
  tValue: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * How the model was fitted internally, kept so predictions use the same well-conditioned basis:
 * predictors are centred at `means` (intercept models) and, for polynomials, x is first mapped to
 * u = (x − shift)/scale and expanded as u¹…u^degree.
 */
export type RegressionBasis = { kind: 'linear'; predictors: string[] } | { kind: 'polynomial'; predictor: string; degree: number; shift: number; scale: number };

export interface RegressionModel {
  basis: RegressionBasis;
  intercept: boolean;
  /** Mean of each basis column over the rows used (zeros without an intercept). */
  means: number[];
  yMean: number;
  /** Coefficients of the centred basis columns (no intercept entry). */
  coef: number[];
  /** (XcᵀXc)⁻¹ of the centred basis columns, row-major q×q. */
  covUnscaled: number[];
  n: number;
}

export interface RegressionResult {
  kind: 'simple' | 'multiple' | 'polynomial';
  response: string;
  intercept: boolean;
  level: number;
  terms: RegressionTerm[];
  /** Centred R² = 1 − RSS/Σ(y−ȳ)² with an intercept; uncentred 1 − RSS/Σy² without (as NIST and R do). */
  rSquared: number;
  adjRSquared: number;
  residualStdError: number;
  fStatistic: number;
  fPValue: number;
  dfModel: number;
  dfResidual: number;
  /** Complete rows used. */
  n: number;
  /** Rows left out because y or a predictor was missing. */
  missing: number;
  rss: number;
  tss: number;
  /** Covariance matrix of the estimates (row-major, in `terms` order). */
  covariance: number[][];
  /** Per used row, in input order. */
  fitted: Float64Array;
  residuals: Float64Array;
  /** Input row index (0-based) of each fitted value. */
  rows: Int32Array;
  notices: Notice[];
  model: RegressionModel;
}

export interface Prediction {
  fit: number;
  /** Interval for the mean response at x. */
  confLow: number;
  confHigh: number;
  /** Interval for a new observation at x. */
  predLow: number;
  predHigh: number;
}
