/**
 * The neural model beside `auto`: NNAR is fitted and backtested on exactly the rolling origins the
 * statistical candidates met, and offered to the user only if its pooled MASE is lower than the chosen
 * model's. It is never chosen silently: the answer keeps the statistical model and carries the offer.
 */
import { backtestPlan, type Progress } from '../auto-select.js';
import { backtest, type Backtest } from '../evaluation/backtest.js';
import type { FittedModel, Notice } from '../types.js';
import { fitNnar } from './nnar.js';
import type { NeuralRuntime } from './runtime.js';

export interface NeuralOffer {
  model: { name: string; spec: string; family: string };
  backtest: Backtest;
  forecast: { time: string | number; mean: number; lower: Record<string, number>; upper: Record<string, number> }[];
  /** Why it is offered, in plain words. */
  message: string;
}

export interface NeuralTrial {
  candidate: { name: string; family: string; aicc: null; mase: number | null };
  offer: NeuralOffer | null;
  notices: Notice[];
}

export function neuralOffer(tf: NeuralRuntime, y: Float64Array, m: number, levels: readonly number[], chosen: { model: FittedModel; backtest: Backtest | null }, future: readonly (string | number)[], progress?: Progress): NeuralTrial {
  const h = future.length;
  let model: FittedModel;
  try {
    progress?.('neural', 0);
    model = fitNnar(tf, y, m);
  } catch (e) {
    const why = e instanceof RangeError ? e.message : 'it could not be trained';
    return { candidate: { name: 'NNAR', family: 'neural', aicc: null, mase: null }, offer: null, notices: [{ code: 'neural_skipped', message: `A neural network was not tried: ${why}.` }] };
  }
  const plan = backtestPlan(y.length, h, m);
  let done = 0;
  const bt = backtest(model, y, { ...plan, m, levels, onOrigin: () => progress?.('neural backtest', ++done, plan.origins) });
  const mase = bt?.mase ?? null;
  const chosenMase = chosen.backtest?.mase ?? null;
  const candidate = { name: model.name, family: 'neural', aicc: null, mase: mase !== null && Number.isFinite(mase) ? mase : null };
  if (!bt || mase === null || chosenMase === null || !(mase < chosenMase)) {
    const why = mase === null || chosenMase === null ? 'there was no backtest to compare them on' : `its backtest MASE ${mase.toFixed(3)} is not below ${chosen.model.name}'s ${chosenMase.toFixed(3)}`;
    return { candidate, offer: null, notices: [{ code: 'neural_not_better', message: `A neural network (${model.name}) was tried and is not offered: ${why}.` }] };
  }
  const fc = model.forecast(h, levels);
  const forecast = future.map((time, i) => {
    const lower: Record<string, number> = {};
    const upper: Record<string, number> = {};
    levels.forEach((l, k) => {
      lower[String(l)] = fc.lower[k]![i]!;
      upper[String(l)] = fc.upper[k]![i]!;
    });
    return { time, mean: fc.mean[i]!, lower, upper };
  });
  const gain = (1 - mase / chosenMase) * 100;
  return {
    candidate,
    offer: {
      model: { name: model.name, spec: model.spec, family: 'neural' },
      backtest: bt,
      forecast,
      message: `A neural network (${model.name}) forecast the backtest windows ${gain.toFixed(0)}% better than ${chosen.model.name} (MASE ${mase.toFixed(3)} vs ${chosenMase.toFixed(3)}). It is offered, not chosen: its intervals come from simulation and it cannot be checked by a likelihood.`,
    },
    notices: [],
  };
}
