/** The models a caller can ask for by name (the CLI's --model and the contract's `model`). */
export const MODEL_KINDS = [
  'auto',
  'naive',
  'snaive',
  'drift',
  'linear',
  'ses',
  'holt',
  'holt-damped',
  'holt-winters',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'holt-winters-damped',
  'ets',
  'arima',
  /** A neural network autoregression (tfjs); never chosen by `auto`, only offered when it backtests better. */
  'nnar',
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Models that need a season length of at least 2. */
export const SEASONAL_KINDS: readonly ModelKind[] = ['snaive', 'holt-winters', 'holt-winters-additive', 'holt-winters-multiplicative', 'holt-winters-damped'];
