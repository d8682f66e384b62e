/**
 * Forecasting speed, measured in one run:
 *   analytics.auto_forecast_10k_ms            `auto` (ETS + ARIMA searches, benchmarks, backtest) on 10,000
 *                                             daily points with weekly seasonality (median of 3 after a warm-up)
 *   analytics.autoarima_ms                    our auto-ARIMA on a 1,000-point monthly series (median of 3)
 *   analytics.autoarima_arima_pkg_ms          the `arima` npm package's AutoARIMA on the same series
 *                                             (method 1 = CSS and an explicit season length, as LIBRARIES.md advises)
 *   analytics.autoarima_ratio_vs_arima_pkg    ours / theirs (goal ≤ 1)
 *   analytics.autoarima_holdout_mape_ours     MAPE (%) of each on the series' last 12 points, held out
 *   analytics.autoarima_holdout_mape_arima_pkg
 * Other engineers share this 2-core machine while it runs: treat the times as pessimistic.
 */
import ARIMA from 'arima';
import { autoArima } from '../shared/analytics/forecast/arima/auto-arima.js';
import { arimaModel } from '../shared/analytics/forecast/arima/arima-model.js';
import { forecastSeries } from '../shared/analytics/forecast/forecast-series.js';
import { SeededRandom } from '../shared/analytics/forecast/optim/rng.js';
import { bench, medianMs } from './lib/report.js';

function dailySeries(n: number) {
  const rng = new SeededRandom(7);
  const weekly = [0, 6, 9, 7, 5, -12, -15];
  const times: string[] = [];
  const values: number[] = [];
  let level = 500;
  for (let t = 0; t < n; t++) {
    level += 0.03 + 0.4 * rng.normal();
    times.push(new Date(Date.UTC(1998, 0, 1 + t)).toISOString().slice(0, 10));
    values.push(level + weekly[t % 7]! * (1 + t / n) + 4 * rng.normal());
  }
  return { times, values };
}

/** Monthly: trend, a yearly pattern and AR(1) noise — an honest seasonal ARIMA case. */
function monthlySeries(n: number): number[] {
  const rng = new SeededRandom(11);
  const season = [-20, -25, -5, 0, 5, 20, 35, 30, 10, -5, -20, -10];
  const y: number[] = [];
  let noise = 0;
  let level = 1000;
  for (let t = 0; t < n; t++) {
    noise = 0.6 * noise + 6 * rng.normal();
    level += 0.8 + 2 * rng.normal();
    y.push(level + season[t % 12]! + noise);
  }
  return y;
}

const mape = (actual: number[], predicted: ArrayLike<number>) => (100 * actual.reduce((s, a, i) => s + Math.abs((a - predicted[i]!) / a), 0)) / actual.length;

// 1. auto on 10,000 daily points.
const daily = dailySeries(10_000);
const runAuto = () => forecastSeries({ ...daily, horizon: 28, model: 'auto', levels: [80, 95] });
const first = runAuto();
process.stderr.write(`auto on 10k daily points chose ${first.model.name} (season ${first.season})\n`);
bench('analytics.auto_forecast_10k_ms', await medianMs(3, runAuto), 'ms');

// 2. auto-ARIMA against the arima package on 1,000 monthly points (last 12 held out).
const monthly = monthlySeries(1000);
const train = monthly.slice(0, 988);
const test = monthly.slice(988);
const trainArr = Float64Array.from(train);
const ours = () => arimaModel(autoArima(trainArr, { m: 12 }).fit, trainArr);
const theirs = () => {
  const model = new ARIMA({ auto: true, s: 12, method: 1, verbose: false }).train(train);
  const [pred] = model.predict(12);
  model.destroy();
  return pred;
};
const ourModel = ours();
const theirPred = theirs();
process.stderr.write(`our auto-ARIMA chose ${ourModel.name}\n`);
const oursMs = await medianMs(3, ours);
const theirsMs = await medianMs(3, theirs);
bench('analytics.autoarima_ms', oursMs, 'ms');
bench('analytics.autoarima_arima_pkg_ms', theirsMs, 'ms');
bench('analytics.autoarima_ratio_vs_arima_pkg', oursMs / theirsMs, 'x');
bench('analytics.autoarima_holdout_mape_ours', mape(test, ourModel.forecast(12, []).mean), '%');
bench('analytics.autoarima_holdout_mape_arima_pkg', mape(test, theirPred), '%');
