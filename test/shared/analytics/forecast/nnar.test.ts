/**
 * The optional neural model (NNAR on tfjs's CPU backend): it forecasts a real seasonal series sensibly
 * and reproducibly, and `auto` offers it only when it beats the chosen model on the same backtest —
 * never choosing it by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy } from '../../../../shared/analytics/forecast/evaluation/accuracy.js';
import { forecastSeries } from '../../../../shared/analytics/forecast/forecast-series.js';
import { fitNnar } from '../../../../shared/analytics/forecast/neural/nnar.js';
import { loadNeuralRuntime, type NeuralRuntime } from '../../../../shared/analytics/forecast/neural/runtime.js';
import { loadSeries } from './fixtures.js';

let tf: NeuralRuntime;
beforeAll(async () => {
  tf = await loadNeuralRuntime();
});

describe('NNAR', { timeout: 120_000 }, () => {
  it('forecasts the held-out year of USAccDeaths with nested intervals, the same answer every time', () => {
    const s = loadSeries('USAccDeaths');
    const n = s.y.length;
    const train = s.y.slice(0, n - 12);
    const model = fitNnar(tf, train, 12);
    expect(model.name).toMatch(/^NNAR\(\d+,1,\d+\)\[12\]$/);
    expect(model.family).toBe('neural');
    const fc = model.forecast(12, [80, 95]);
    const acc = accuracy(Array.from(s.y.slice(n - 12)), Array.from(fc.mean), train, 12);
    expect(acc.mape!).toBeLessThan(10);
    for (let i = 0; i < 12; i++) {
      expect(fc.lower[1]![i]!).toBeLessThanOrEqual(fc.lower[0]![i]!);
      expect(fc.lower[0]![i]!).toBeLessThan(fc.mean[i]!);
      expect(fc.upper[0]![i]!).toBeGreaterThan(fc.mean[i]!);
      expect(fc.upper[1]![i]!).toBeGreaterThanOrEqual(fc.upper[0]![i]!);
    }
    expect(Array.from(fitNnar(tf, train, 12).forecast(12, []).mean)).toEqual(Array.from(fc.mean));
  });

  it('is offered beside auto when it backtests better, and auto still answers with a statistical model', () => {
    // The logistic map is nonlinear in its last value: no ETS or ARIMA model can follow it, a network can.
    const values: number[] = [0.2];
    for (let i = 1; i < 300; i++) values.push(3.6 * values[i - 1]! * (1 - values[i - 1]!));
    const times = values.map((_, i) => i + 1);
    const answer = forecastSeries({ times, values, horizon: 2, season: 'off', levels: [80, 95], offerNeural: true, neural: tf });
    expect(answer.model.family).not.toBe('neural');
    expect(answer.offer).toBeDefined();
    expect(answer.offer!.model.name).toMatch(/^NNAR\(\d+,\d+\)$/);
    expect(answer.offer!.backtest.mase!).toBeLessThan(answer.backtest!.mase!);
    expect(answer.offer!.forecast).toHaveLength(2);
    expect(answer.offer!.message).toContain('offered, not chosen');
    expect(answer.candidates.some((c) => c.family === 'neural' && c.mase === answer.offer!.backtest.mase)).toBe(true);
  });

  it('says so, and offers nothing, when the statistical model is better', () => {
    const s = loadSeries('USAccDeaths');
    const answer = forecastSeries({ times: s.periods, values: s.values, horizon: 12, levels: [80], offerNeural: true, neural: tf });
    expect(answer.offer).toBeUndefined();
    expect(answer.notices.find((n) => n.code === 'neural_not_better')?.message).toMatch(/NNAR.*is not offered: its backtest MASE [\d.]+ is not below/);
  });

  it('can be asked for by name, and is refused clearly on a series too short for its inputs', () => {
    const s = loadSeries('nottem');
    const named = forecastSeries({ times: s.periods, values: s.values, horizon: 6, model: 'nnar', levels: [90], neural: tf });
    expect(named.model.family).toBe('neural');
    expect(named.backtest!.mase).toBeGreaterThan(0);
    expect(() => forecastSeries({ times: [1, 2, 3, 4, 5], values: [3, 1, 4, 1, 5], horizon: 1, model: 'nnar', neural: tf })).toThrow(/Cannot fit "nnar": a neural network with 1 lagged input needs at least 7 observations/);
  });
});
