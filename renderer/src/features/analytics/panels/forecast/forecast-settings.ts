/** The forecast panel's choices: model names in words, horizon units and interval levels. */
import type { ModelKind } from '../../../../../../shared/analytics/forecast/model-kinds.js';

export const MODEL_LABELS: Record<ModelKind, string> = {
  auto: 'Auto (best of all, by AICc and backtest)',
  naive: 'Naive (last value)',
  snaive: 'Seasonal naive',
  drift: 'Drift',
  linear: 'Linear trend',
  ses: 'Simple exponential smoothing',
  holt: 'Holt (linear trend)',
  'holt-damped': 'Holt, damped trend',
  'holt-winters': 'Holt–Winters',
  'holt-winters-additive': 'Holt–Winters, additive',
  'holt-winters-multiplicative': 'Holt–Winters, multiplicative',
  'holt-winters-damped': 'Holt–Winters, damped',
  ets: 'ETS (automatic form)',
  arima: 'ARIMA (automatic order)',
  nnar: 'Neural network (NNAR, tfjs)',
};

/** Horizon units: the contract's suffix ("30d", "8w") and its word; "steps" counts periods of the series. */
export const HORIZON_UNITS: Readonly<Record<string, string>> = { steps: 'periods', h: 'hours', d: 'days', w: 'weeks', mo: 'months', q: 'quarters', y: 'years' };

/** How several rows at one time combine into one period's value. */
export const AGGREGATES = [
  ['sum', 'Add up (totals)'],
  ['mean', 'Average'],
  ['last', 'Keep the last'],
] as const;

/** How periods without a value are filled. */
export const FILLS = [
  ['linear', 'Interpolate'],
  ['forward', 'Carry forward'],
  ['zero', 'Zero'],
] as const;

/** The confidence levels offered, as the product brief names them. */
export const INTERVAL_LEVELS = [80, 90, 95] as const;

/**
 * The horizon the contract takes: a number of steps, or an amount with a calendar unit.
 *
 * @example
 * horizonValue(30, 'd'); // "30d"
 * horizonValue(12, 'steps'); // 12
 */
export function horizonValue(amount: number, unit: string): number | string {
  return unit === 'steps' ? amount : `${amount}${unit}`;
}
