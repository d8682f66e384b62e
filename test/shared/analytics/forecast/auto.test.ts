/**
 * `auto` on AirPassengers (test/fixtures/forecast): it must pick a seasonal model, and its forecast of the
 * held-out final year (1960) must be in the accuracy range published for ETS/ARIMA on this series.
 *
 * The published figures (reference_results.json) are forecast::auto.arima's one-step training accuracy on
 * AirPassengers (MAPE 2.80%, MASE 0.2456) and the M3 competition's best monthly-and-overall methods
 * (Theta: sMAPE 13.01, MASE 1.39). A 12-step holdout is harder than one-step training errors, so the test
 * asks for at most twice the published training MAPE (≤ 5.6%), an sMAPE below Theta's M3 figure and a
 * MASE (scaled by the in-sample seasonal naive errors, as Hyndman & Koehler 2006) below Theta's 1.39.
 */
import { describe, expect, it } from 'vitest';
import { accuracy } from '../../../../shared/analytics/forecast/evaluation/accuracy.js';
import { forecastSeries } from '../../../../shared/analytics/forecast/forecast-series.js';
import { loadSeries, reference } from './fixtures.js';

describe('auto on AirPassengers', () => {
  const s = loadSeries('AirPassengers');
  const n = s.values.length;
  const train = { times: s.periods.slice(0, n - 12), values: s.values.slice(0, n - 12) };
  const actual = s.values.slice(n - 12);
  const answer = forecastSeries({ ...train, horizon: 12, model: 'auto', levels: [80, 95] });

  it('picks a seasonal model', () => {
    expect(answer.season).toBe(12);
    expect(answer.model.name).toMatch(/ETS\(.,.{1,2},[AM]\)|ARIMA\(\d,\d,\d\)\(\d,[01],\d\)\[12\]|Seasonal naive/);
    expect(answer.model.name).not.toMatch(/\(0,0,0\)\[12\]|ETS\(.,.{1,2},N\)/);
    expect(answer.forecast.map((p) => p.time)).toEqual(s.periods.slice(n - 12));
  });

  it('forecasts the held-out year within the published ETS/ARIMA range', () => {
    const published = reference.series.AirPassengers.auto_arima_forecast_pkg.training_accuracy;
    const theta = reference.M3_competition.table.Theta as number[];
    const acc = accuracy(actual, answer.forecast.map((p) => p.mean), Float64Array.from(train.values), 12);
    expect(acc.mape!).toBeLessThan(2 * published.MAPE); // 5.60 %
    expect(acc.smape!).toBeLessThan(theta[0]!); // 13.01
    expect(acc.mase!).toBeLessThan(theta[3]!); // 1.39
  });

  it('reports its choice with AICc, backtest accuracy and the candidates it compared', () => {
    expect(answer.model.aicc).toEqual(expect.any(Number));
    expect(answer.backtest!.origins).toBeGreaterThanOrEqual(3);
    for (const k of ['mae', 'rmse', 'mape', 'smape', 'mase'] as const) expect(answer.backtest![k]).toBeGreaterThan(0);
    const families = new Set(answer.candidates.map((c) => c.family));
    expect(families).toEqual(new Set(['ets', 'arima', 'benchmark', 'regression']));
    const chosen = answer.candidates.find((c) => c.name === answer.model.name)!;
    for (const c of answer.candidates) if (c.mase !== null) expect(chosen.mase!).toBeLessThanOrEqual(c.mase);
  });
});
