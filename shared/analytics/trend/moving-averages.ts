/**
 * Moving averages of an evenly spaced series without gaps. Positions before the first full window
 * are NaN in the returned array (the contract turns them into null: "no value yet").
 * - SMA: mean of the last `window` values (running sum, re-summed every window to stop drift).
 * - WMA: linearly weighted, weights 1…window with the newest heaviest.
 * - EMA: s₀ = x₀, s_t = α·x_t + (1 − α)·s_{t−1}, α = 2/(span + 1) unless given.
 */
import { UdashError } from '../../errors.js';

function checkWindow(fn: string, window: number, n: number): void {
  if (!Number.isInteger(window) || window < 1) throw new UdashError('BAD_INPUT', `${fn}: window must be a whole number ≥ 1, got ${window}`, { field: 'window' });
  if (window > n) throw new UdashError('BAD_DATA', `${fn}: the window (${window}) is longer than the series (${n} values)`, { field: 'window' });
}

/**
 * @example
 * simpleMovingAverage(Float64Array.from([1, 2, 3, 4]), 2); // [NaN, 1.5, 2.5, 3.5]
 */
export function simpleMovingAverage(values: Float64Array, window: number): Float64Array {
  checkWindow('simpleMovingAverage', window, values.length);
  const out = new Float64Array(values.length).fill(NaN);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) sum -= values[i - window]!;
    if ((i + 1) % window === 0 && i >= window - 1) {
      // Re-sum the window now and then so rounding from add/subtract pairs cannot accumulate.
      sum = 0;
      for (let j = i - window + 1; j <= i; j++) sum += values[j]!;
    }
    if (i >= window - 1) out[i] = sum / window;
  }
  return out;
}

/**
 * @example
 * weightedMovingAverage(Float64Array.from([1, 2, 3]), 2); // [NaN, (1·1 + 2·2)/3, (2·1 + 3·2)/3]
 */
export function weightedMovingAverage(values: Float64Array, window: number): Float64Array {
  checkWindow('weightedMovingAverage', window, values.length);
  const out = new Float64Array(values.length).fill(NaN);
  const denom = (window * (window + 1)) / 2;
  for (let i = window - 1; i < values.length; i++) {
    let s = 0;
    for (let k = 0; k < window; k++) s += (k + 1) * values[i - window + 1 + k]!;
    out[i] = s / denom;
  }
  return out;
}

/**
 * @example
 * exponentialMovingAverage(Float64Array.from([1, 2, 3]), { alpha: 0.5 }); // [1, 1.5, 2.25]
 */
export function exponentialMovingAverage(values: Float64Array, opts: { alpha?: number; span?: number }): Float64Array {
  const fn = 'exponentialMovingAverage';
  const alpha = opts.alpha ?? (opts.span !== undefined ? 2 / (opts.span + 1) : NaN);
  if (!(alpha > 0 && alpha <= 1)) throw new UdashError('BAD_INPUT', `${fn}: give alpha in (0, 1] or a span ≥ 1`, { field: 'alpha' });
  const out = new Float64Array(values.length);
  let s = values[0] ?? NaN;
  for (let i = 0; i < values.length; i++) {
    s = i === 0 ? values[0]! : alpha * values[i]! + (1 - alpha) * s;
    out[i] = s;
  }
  return out;
}
