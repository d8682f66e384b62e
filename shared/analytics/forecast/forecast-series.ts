/**
 * The forecasting entry point: columns in, a JSON-ready answer out.
 *
 *   regularise the time column (./time/regularise.ts) → resolve season and horizon → fit the requested
 *   model (or `auto`) → rolling-origin backtest → forecasts with intervals, every repair and fallback
 *   reported as a notice.
 *
 * Bad input is a UdashError naming what is wrong (never a NaN in the answer): no numeric values, too
 * few observations for the model, infinities, text in the value column, a horizon ≤ 0 or too far, a
 * season the series is too short for. A constant series gets that constant as its forecast with
 * zero-width intervals and a notice.
 */
import { UdashError } from '../../errors.js';
import { autoSelect, backtestPlan, type Progress } from './auto-select.js';
import { backtest, type Backtest } from './evaluation/backtest.js';
import { fitModel } from './fit-model.js';
import { fitNnar } from './neural/nnar.js';
import { neuralOffer, type NeuralOffer } from './neural/offer.js';
import type { NeuralRuntime } from './neural/runtime.js';
import { SEASONAL_KINDS, type ModelKind } from './model-kinds.js';
import { defaultSeason, describeFrequency, type Frequency } from './time/frequency.js';
import { horizonSteps } from './time/horizon.js';
import { labelsFor, regularise, type AggregateMethod, type FillMethod } from './time/regularise.js';
import type { FittedModel, Notice } from './types.js';

export interface ForecastRequest {
  times: readonly unknown[];
  values: readonly unknown[];
  /** Steps (12) or an amount with a calendar unit ("30d", "6mo"). */
  horizon: number | string;
  model?: ModelKind;
  /** Season length, 'auto' (from the frequency) or 'off'. */
  season?: number | 'auto' | 'off';
  /** Interval levels in percent. */
  levels?: number[];
  fill?: FillMethod;
  aggregate?: AggregateMethod;
  timeColumn?: string;
  valueColumn?: string;
  /** Row number of the first value, for messages (2 for a CSV below its header). */
  firstRow?: number;
  onProgress?: Progress;
  /** tfjs, loaded by the caller (./neural/runtime.ts): needed for model "nnar" and for `offerNeural`. */
  neural?: NeuralRuntime;
  /** With `auto`: also backtest a neural network, and offer it beside the chosen model if it does better. */
  offerNeural?: boolean;
}

export interface ForecastPoint {
  time: string | number;
  mean: number;
  lower: Record<string, number>;
  upper: Record<string, number>;
}

export interface ForecastAnswer {
  model: { name: string; spec: string; aicc: number | null; family: string; params: Record<string, number> };
  frequency: { unit: string; label: string };
  season: number;
  horizon: number;
  levels: number[];
  history: { time: string | number; value: number; fitted: number | null }[];
  forecast: ForecastPoint[];
  backtest: Backtest | null;
  candidates: { name: string; family: string; aicc: number | null; mase: number | null }[];
  notices: Notice[];
  /** A neural network that beat the chosen model on the backtest: shown to the user, never chosen by itself. */
  offer?: NeuralOffer;
}

const MIN_OBSERVATIONS = 3;

function checkLevels(levels: number[]): number[] {
  for (const l of levels) if (!(l > 0 && l < 100)) throw new UdashError('BAD_INPUT', `Interval level ${l} must be between 0 and 100 (exclusive), e.g. 80 or 95`, { field: 'levels' }, ['levels']);
  return [...new Set(levels)].sort((a, b) => a - b);
}

function resolveSeason(season: ForecastRequest['season'], f: Frequency, n: number, notices: Notice[]): number {
  if (season === 'off' || season === 1) return 1;
  if (season === undefined || season === 'auto') {
    const m = defaultSeason(f);
    if (m > 1 && n < 2 * m + 1) {
      notices.push({ code: 'season_off', message: `A ${describeFrequency(f)} series suggests a season of ${m}, but ${n} observations are fewer than two full seasons; the models are non-seasonal.` });
      return 1;
    }
    return m;
  }
  if (!Number.isInteger(season) || season < 1) throw new UdashError('BAD_INPUT', `Season must be a whole number of periods (≥ 2), "auto" or "off"; got ${season}`, { field: 'season' }, ['season']);
  if (n < 2 * season + 1) throw new UdashError('BAD_DATA', `A season of ${season} needs at least ${2 * season + 1} observations (two full seasons and one more); the series has ${n}. Use a shorter season or --season off.`, { field: 'season' });
  return season;
}

function finite(v: number, what: string): number {
  if (!Number.isFinite(v)) throw new UdashError('BAD_DATA', `The model produced a non-finite ${what}; the series may be too short or too erratic for it. Try another model.`);
  return v;
}

function constantAnswer(value: number, h: number, levels: number[]): { model: FittedModel; bt: Backtest } {
  const model: FittedModel = {
    family: 'benchmark',
    name: 'Constant',
    spec: `Constant series: every forecast is ${value}`,
    aicc: null,
    params: { value },
    nobs: 0,
    npar: 0,
    sigma2: 0,
    fitted: new Float64Array(0),
    forecast: (hh, lv) => {
      const mean = new Float64Array(hh).fill(value);
      return { mean, levels: [...lv], lower: lv.map(() => Float64Array.from(mean)), upper: lv.map(() => Float64Array.from(mean)) };
    },
    refit: () => model,
    refilter: () => model,
  };
  const coverage: Record<string, number> = {};
  for (const l of levels) coverage[String(l)] = 1;
  return { model, bt: { mae: 0, rmse: 0, mape: value !== 0 ? 0 : null, smape: 0, mase: null, origins: 0, horizon: h, coverage } };
}

export function forecastSeries(req: ForecastRequest): ForecastAnswer {
  const progress = req.onProgress;
  const levels = checkLevels(req.levels ?? [80, 95]);
  const kind = req.model ?? 'auto';
  progress?.('prepare', 0);
  const series = regularise(req.times, req.values, {
    ...(req.fill ? { fill: req.fill } : {}),
    ...(req.aggregate ? { aggregate: req.aggregate } : {}),
    ...(req.timeColumn ? { timeColumn: req.timeColumn } : {}),
    ...(req.valueColumn ? { valueColumn: req.valueColumn } : {}),
    ...(req.firstRow !== undefined ? { firstRow: req.firstRow } : {}),
  });
  const notices = [...series.notices];
  const y = series.y;
  const n = y.length;
  if (n < MIN_OBSERVATIONS) throw new UdashError('BAD_DATA', `Forecasting needs at least ${MIN_OBSERVATIONS} observations; the series has ${n}`);
  const m = resolveSeason(req.season, series.frequency, n, notices);
  if (SEASONAL_KINDS.includes(kind) && m < 2) throw new UdashError('BAD_INPUT', `Model "${kind}" is seasonal: give a season length (--season N) or use a time column with a calendar frequency`, { field: 'season' }, ['season']);
  const h = horizonSteps(req.horizon, series.frequency, series.times[n - 1]!, n, m);

  let model: FittedModel;
  let bt: Backtest | null;
  let candidates: ForecastAnswer['candidates'] = [];
  let offer: NeuralOffer | undefined;
  if ((kind === 'nnar' || req.offerNeural) && !req.neural) throw new UdashError('INTERNAL', 'The neural model needs its runtime loaded by the caller (loadNeuralRuntime)');
  const constant = y.every((v) => v === y[0]);
  if (constant) {
    notices.push({ code: 'constant', message: `The series is constant (${y[0]}): the forecast is that value, with zero-width intervals.` });
    ({ model, bt } = constantAnswer(y[0]!, h, levels));
  } else {
    try {
      if (kind === 'auto') {
        const auto = autoSelect(y, m, h, levels, progress);
        model = auto.chosen.model;
        bt = auto.chosen.backtest;
        notices.push(...auto.notices);
        candidates = auto.candidates.map((c) => ({ name: c.model.name, family: c.model.family, aicc: nullable(c.model.aicc), mase: nullable(c.backtest?.mase ?? null) }));
        if (req.offerNeural && req.neural) {
          const tried = neuralOffer(req.neural, y, m, levels, { model, backtest: bt }, labelsFor(series, h, n), progress);
          candidates.push(tried.candidate);
          notices.push(...tried.notices);
          offer = tried.offer ?? undefined;
        }
      } else {
        let fits = 0;
        model = kind === 'nnar' ? fitNnar(req.neural!, y, m) : fitModel(kind, y, m, () => progress?.('fit', ++fits));
        const plan = backtestPlan(n, h, m);
        let done = 0;
        bt = backtest(model, y, { ...plan, m, levels, onOrigin: () => progress?.('backtest', ++done, plan.origins) });
        if (!bt) notices.push({ code: 'no_backtest', message: `The series is too short for a backtest (${n} observations).` });
      }
    } catch (e) {
      if (e instanceof RangeError) throw new UdashError('BAD_DATA', `Cannot fit ${kind === 'auto' ? 'a model' : `"${kind}"`}: ${e.message}`);
      throw e;
    }
  }
  progress?.('forecast', 0);
  const fc = model.forecast(h, levels);
  const futureLabels = labelsFor(series, h, n);
  const historyLabels = labelsFor(series, n);
  const forecast: ForecastPoint[] = [];
  for (let i = 0; i < h; i++) {
    const lower: Record<string, number> = {};
    const upper: Record<string, number> = {};
    levels.forEach((l, k) => {
      lower[String(l)] = finite(fc.lower[k]![i]!, 'interval bound');
      upper[String(l)] = finite(fc.upper[k]![i]!, 'interval bound');
    });
    forecast.push({ time: futureLabels[i]!, mean: finite(fc.mean[i]!, 'forecast'), lower, upper });
  }
  const history = historyLabels.map((time, i) => {
    const f = model.fitted[i];
    return { time, value: y[i]!, fitted: f !== undefined && Number.isFinite(f) ? f : null };
  });
  return {
    model: { name: model.name, spec: model.spec, aicc: nullable(model.aicc), family: model.family, params: model.params },
    frequency: { unit: series.frequency.unit, label: describeFrequency(series.frequency) },
    season: m,
    horizon: h,
    levels,
    history,
    forecast,
    backtest: bt ? cleanBacktest(bt) : null,
    candidates,
    notices,
    ...(offer ? { offer } : {}),
  };
}

function nullable(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

function cleanBacktest(b: Backtest): Backtest {
  return { ...b, mae: nullable(b.mae), rmse: nullable(b.rmse), mape: nullable(b.mape), smape: nullable(b.smape), mase: nullable(b.mase) };
}
