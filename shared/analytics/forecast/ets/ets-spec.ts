/**
 * ETS (error, trend, seasonal) specifications of the innovations state space models of Hyndman, Koehler,
 * Ord & Snyder (2008), "Forecasting with Exponential Smoothing", Table 2.1; FPP3 §8.5–8.6. Multiplicative
 * trends are left out, as R's forecast::ets does by default (they forecast poorly).
 */
export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length; 1 when season is 'N'. */
  m: number;
}

export function etsName(s: EtsSpec): string {
  return `ETS(${s.error},${s.trend},${s.season})`;
}

/** Smoothing parameters and initial states a model estimates (the variance is counted separately). */
export function etsParamCount(s: EtsSpec): number {
  const smoothing = 1 + (s.trend !== 'N' ? 1 : 0) + (s.season !== 'N' ? 1 : 0) + (s.trend === 'Ad' ? 1 : 0);
  const states = 1 + (s.trend !== 'N' ? 1 : 0) + (s.season !== 'N' ? s.m - 1 : 0);
  return smoothing + states;
}

/** Additive error, additive (or no) components: linear models with analytic variances (class 1 of Hyndman et al. 2008, ch. 6). */
export function isLinear(s: EtsSpec): boolean {
  return s.error === 'A' && s.season !== 'M';
}

/**
 * The models R's ets refuses by default as numerically unstable (Hyndman et al. 2008 §15.4): additive
 * errors with multiplicative seasonality.
 */
export function isRestricted(s: EtsSpec): boolean {
  return s.error === 'A' && s.season === 'M';
}

export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
  /** Initial seasonal states by phase: s[j] is the seasonal for observation j (and j + m, …) before any update. */
  s0: Float64Array;
}
