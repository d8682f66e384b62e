/**
 * The shapes every forecasting model shares. A model is fitted to a regular series (a Float64Array with
 * no gaps; see ./time/regularise.ts) and answers point forecasts with prediction intervals at any level.
 */

/** Model families: AICc is comparable within a family only (different likelihoods and data transforms). */
export type ModelFamily = 'benchmark' | 'regression' | 'ets' | 'arima' | 'neural';

/** Point forecasts and interval bounds; lower[i] and upper[i] belong to levels[i] (percent, e.g. 80). */
export interface ForecastPaths {
  mean: Float64Array;
  levels: number[];
  lower: Float64Array[];
  upper: Float64Array[];
}

export interface FittedModel {
  family: ModelFamily;
  /** Short name, e.g. "ETS(M,Ad,M)", "ARIMA(0,1,1)(0,1,1)[12]", "Seasonal naive". */
  name: string;
  /** The name plus estimated parameters, e.g. "ETS(A,N,N) alpha=0.412 l0=102.3". */
  spec: string;
  /** Corrected AIC on the model's own likelihood; null for models without one (benchmarks). */
  aicc: number | null;
  params: Record<string, number>;
  /** Observations the likelihood used and the number of estimated parameters (including the variance). */
  nobs: number;
  npar: number;
  /** One-step innovation variance. */
  sigma2: number;
  /** In-sample one-step fitted values; NaN where the model has none (e.g. the first season of snaive). */
  fitted: Float64Array;
  /** Forecasts h steps ahead with central prediction intervals at `levels` (percent). */
  forecast(h: number, levels: readonly number[]): ForecastPaths;
  /** Fits the same specification to other data (a backtest's training window), starting from these estimates. */
  refit(y: Float64Array): FittedModel;
  /** The same specification and parameters run over other data, without re-estimating (cheap). */
  refilter(y: Float64Array): FittedModel;
}

/** Something the user should know about how the answer was produced (fills, fallbacks, aggregation). */
export interface Notice {
  code: string;
  message: string;
}
