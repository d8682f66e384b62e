/**
 * Rolling-origin evaluation ("time series cross-validation", Tashman 2000; FPP3 §5.10): the model's
 * specification is refitted on the data up to each origin (parameters re-estimated, warm-started from
 * the full fit) and forecasts the next h periods; errors are pooled over all origins and horizons.
 * Origins step back by h from the end, so the test windows tile the most recent data.
 *
 * With `fixedParameters` (auto uses it past LONG_SERIES observations) each origin re-runs the model
 * with the full-sample estimates instead of re-estimating them: on thousands of observations the test
 * windows carry a negligible weight in those estimates, and it saves one optimisation per origin.
 */
import type { FittedModel } from '../types.js';
import { AccuracyAccumulator, maseScale, type Accuracy } from './accuracy.js';

export interface Backtest extends Accuracy {
  origins: number;
  horizon: number;
  /** Share of actuals inside each interval, by level ("80" → 0.83). */
  coverage: Record<string, number>;
}

export interface BacktestOptions {
  h: number;
  /** Season length for the MASE scale. */
  m: number;
  /** Most origins to use. */
  origins?: number;
  /** Distance between origins (default h). */
  step?: number;
  /** Smallest training window. */
  minTrain: number;
  levels?: readonly number[];
  /** Keep the full-sample parameters and only re-run the model from each origin (long series). */
  fixedParameters?: boolean;
  onOrigin?: () => void;
}

/** Origins (training lengths) for a series of length n, oldest first; empty when none fits. */
export function backtestOrigins(n: number, opts: Pick<BacktestOptions, 'h' | 'origins' | 'step' | 'minTrain'>): number[] {
  const step = opts.step ?? opts.h;
  const out: number[] = [];
  for (let end = n - opts.h; end >= opts.minTrain && out.length < (opts.origins ?? 5); end -= step) out.unshift(end);
  return out;
}

export function backtest(model: FittedModel, y: Float64Array, opts: BacktestOptions): Backtest | null {
  const levels = opts.levels ?? [];
  const origins = backtestOrigins(y.length, opts);
  const acc = new AccuracyAccumulator();
  const inside = levels.map(() => 0);
  let points = 0;
  let used = 0;
  for (const end of origins) {
    const train = y.subarray(0, end);
    let fit: FittedModel;
    try {
      fit = opts.fixedParameters ? model.refilter(Float64Array.from(train)) : model.refit(Float64Array.from(train));
    } catch {
      opts.onOrigin?.();
      continue;
    }
    const fc = fit.forecast(opts.h, levels);
    const scale = maseScale(train, opts.m);
    for (let i = 0; i < opts.h; i++) {
      const actual = y[end + i]!;
      acc.add(actual, fc.mean[i]!, scale);
      levels.forEach((_, k) => {
        if (actual >= fc.lower[k]![i]! && actual <= fc.upper[k]![i]!) inside[k]!++;
      });
      points++;
    }
    used++;
    opts.onOrigin?.();
  }
  if (used === 0) return null;
  const coverage: Record<string, number> = {};
  levels.forEach((level, k) => (coverage[String(level)] = inside[k]! / points));
  return { ...acc.result(), origins: used, horizon: opts.h, coverage };
}
