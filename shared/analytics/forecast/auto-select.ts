/**
 * `auto`: the best ETS model by AICc (Hyndman et al. 2008 §7.2), the best ARIMA by the Hyndman–
 * Khandakar search (AICc), and the simple benchmarks (naive, seasonal naive, drift, linear trend) are
 * compared on one rolling-origin backtest, and the smallest pooled MASE wins. AICc only compares
 * models fitted to the same data with the same likelihood, which is why the families meet on the
 * backtest instead (FPP3 §5.8, §9.10).
 *
 * A series too short for any backtest keeps the ETS choice (or ARIMA, or a benchmark), with a notice.
 */
import { autoArima } from './arima/auto-arima.js';
import { arimaModel } from './arima/arima-model.js';
import { selectEts } from './ets/ets-select.js';
import { backtest, backtestOrigins, type Backtest } from './evaluation/backtest.js';
import { fitDrift } from './models/drift.js';
import { fitLinearTrend } from './models/linear-trend.js';
import { fitNaive } from './models/naive.js';
import { fitSeasonalNaive } from './models/seasonal-naive.js';
import type { FittedModel, Notice } from './types.js';

export interface Candidate {
  model: FittedModel;
  backtest: Backtest | null;
}

export interface AutoResult {
  chosen: Candidate;
  candidates: Candidate[];
  notices: Notice[];
}

export type Progress = (phase: string, done: number, total?: number) => void;

/** Backtest settings shared by auto and single models: horizon, origins and the smallest training window. */
/** Past this many observations the backtest keeps the full-sample parameters (see ./evaluation/backtest.ts). */
export const LONG_SERIES = 2000;

export function backtestPlan(n: number, h: number, m: number): { h: number; origins: number; minTrain: number; fixedParameters: boolean } {
  const hb = Math.max(1, Math.min(h, Math.floor(n / 5)));
  const minTrain = Math.max(Math.ceil(n / 2), m > 1 ? 2 * m + 2 : 6);
  return { h: hb, origins: 5, minTrain, fixedParameters: n > LONG_SERIES };
}

export function autoSelect(y: Float64Array, m: number, h: number, levels: readonly number[], progress?: Progress): AutoResult {
  const n = y.length;
  const notices: Notice[] = [];
  const candidates: FittedModel[] = [];
  let fits = 0;
  const tick = (phase: string) => () => progress?.(phase, ++fits);
  try {
    candidates.push(selectEts(y, m, {}, tick('ets')));
  } catch {
    notices.push({ code: 'ets_skipped', message: 'No exponential smoothing model could be fitted to this series.' });
  }
  try {
    candidates.push(arimaModel(autoArima(y, { m, onFit: tick('arima') }).fit, y));
  } catch {
    notices.push({ code: 'arima_skipped', message: 'No ARIMA model could be fitted to this series.' });
  }
  const benchmarks: (() => FittedModel)[] = [() => fitNaive(y), () => fitDrift(y), () => fitLinearTrend(y)];
  if (m > 1 && n > m) benchmarks.splice(1, 0, () => fitSeasonalNaive(y, m));
  for (const make of benchmarks) {
    try {
      candidates.push(make());
    } catch {
      // A benchmark that does not apply (too short) is simply not a candidate.
    }
  }
  if (candidates.length === 0) throw new RangeError('no model could be fitted to this series');

  const plan = backtestPlan(n, h, m);
  const origins = backtestOrigins(n, plan);
  if (origins.length === 0) {
    notices.push({ code: 'no_backtest', message: `The series is too short for a backtest (${n} observations); the model was chosen by AICc among exponential smoothing models.` });
    const only = candidates.map((model) => ({ model, backtest: null }));
    return { chosen: only[0]!, candidates: only, notices };
  }
  const total = origins.length * candidates.length;
  let done = 0;
  const scored: Candidate[] = candidates.map((model) => ({
    model,
    backtest: backtest(model, y, { ...plan, m, levels, onOrigin: () => progress?.('backtest', ++done, total) }),
  }));
  let chosen = scored[0]!;
  for (const c of scored) {
    const a = c.backtest?.mase ?? c.backtest?.mae ?? Infinity;
    const b = chosen.backtest?.mase ?? chosen.backtest?.mae ?? Infinity;
    if (a < b) chosen = c;
  }
  return { chosen, candidates: scored, notices };
}
