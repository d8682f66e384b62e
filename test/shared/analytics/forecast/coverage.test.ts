/**
 * Prediction-interval calibration on rolling-origin backtests: over the five reference series, the share
 * of actuals inside the 80% and 95% intervals of the model `auto` picks must be within ±10 percentage
 * points of 80% and 95% (8 origins 6 months apart, forecasts 1–12 steps ahead, parameters re-estimated at
 * every origin).
 */
import { describe, expect, it } from 'vitest';
import { autoSelect } from '../../../../shared/analytics/forecast/auto-select.js';
import { backtest } from '../../../../shared/analytics/forecast/evaluation/backtest.js';
import { loadSeries } from './fixtures.js';

const SERIES = [
  ['AirPassengers', 12],
  ['USAccDeaths', 12],
  ['UKgas', 4],
  ['nottem', 12],
  ['co2', 12],
] as const;

describe('interval coverage on rolling backtests', () => {
  it('80% and 95% intervals cover within ±10 points of nominal', { timeout: 300_000 }, () => {
    let inside80 = 0;
    let inside95 = 0;
    let points = 0;
    const perSeries: string[] = [];
    for (const [name, m] of SERIES) {
      const y = loadSeries(name).y;
      const chosen = autoSelect(y, m, 12, [80, 95]).chosen.model;
      const bt = backtest(chosen, y, { h: 12, m, origins: 8, step: 6, minTrain: Math.ceil(y.length / 2), levels: [80, 95] })!;
      const k = bt.origins * bt.horizon;
      inside80 += bt.coverage['80']! * k;
      inside95 += bt.coverage['95']! * k;
      points += k;
      perSeries.push(`${name} ${chosen.name}: ${bt.coverage['80']!.toFixed(2)} / ${bt.coverage['95']!.toFixed(2)}`);
    }
    const c80 = inside80 / points;
    const c95 = inside95 / points;
    expect(Math.abs(c80 - 0.8), perSeries.join('; ')).toBeLessThanOrEqual(0.1);
    expect(Math.abs(c95 - 0.95), perSeries.join('; ')).toBeLessThanOrEqual(0.1);
  });
});
