/**
 * ARIMA fits against published R printouts (test/fixtures/forecast/reference_results.json, which gives
 * the sources: stats::arima and forecast::auto.arima printouts, 4 decimals). Coefficients are compared
 * to ±0.0005, log-likelihoods and information criteria to ±0.02, forecasts and intervals to 0.05%.
 */
import { describe, expect, it } from 'vitest';
import { fitArima } from '../../../../shared/analytics/forecast/arima/arima-fit.js';
import { fitArimaModel } from '../../../../shared/analytics/forecast/arima/arima-model.js';
import { autoArima } from '../../../../shared/analytics/forecast/arima/auto-arima.js';
import { arimaName } from '../../../../shared/analytics/forecast/arima/arima-spec.js';
import { loadSeries, reference } from './fixtures.js';

const airline = { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m: 12 };
const ap = loadSeries('AirPassengers').y;
const usacc = loadSeries('USAccDeaths').y;
const aic = (f: { loglik: number; npar: number }) => -2 * f.loglik + 2 * f.npar;

describe('ARIMA estimation against R', () => {
  it('airline model on log AirPassengers (stats::arima, exact ML)', () => {
    const ref = reference.series.AirPassengers.airline_model_log;
    const fit = fitArima(ap.map(Math.log), airline, 'none');
    expect(fit.coef[0]).toBeCloseTo(ref.coef.ma1, 3); // -0.4018
    expect(fit.coef[1]).toBeCloseTo(ref.coef.sma1, 3); // -0.5569
    expect(fit.sigma2).toBeCloseTo(ref.sigma2_stats_arima, 6); // 0.001348
    expect(Math.abs(fit.loglik - ref.loglik)).toBeLessThan(0.05); // 244.7
    expect(Math.abs(aic(fit) - ref.aic_precise)).toBeLessThan(0.02); // -483.3991
  });

  it('the AIC table of four airline variants on log AirPassengers', () => {
    const table = reference.series.AirPassengers.airline_model_log.aic_table_log_scale_stats_arima;
    const variants: [string, number, number][] = [
      ['ARIMA(0,1,0)(0,1,0)[12]', 0, 0],
      ['ARIMA(0,1,1)(0,1,0)[12]', 1, 0],
      ['ARIMA(0,1,0)(0,1,1)[12]', 0, 1],
      ['ARIMA(0,1,1)(0,1,1)[12]', 1, 1],
    ];
    for (const [name, q, Q] of variants) {
      const fit = fitArima(ap.map(Math.log), { ...airline, q, Q }, 'none');
      expect(Math.abs(aic(fit) - table[name].AIC), name).toBeLessThan(0.02);
    }
  });

  it("R's ?arima examples on log10 AirPassengers: ML, CSS and the window from 1954", () => {
    const ref = reference.series.AirPassengers.airline_model_log10_R_docs;
    const y = ap.map(Math.log10);
    const ml = fitArima(y, airline, 'none');
    expect(ml.coef[0]).toBeCloseTo(ref.ML.coef.ma1, 3);
    expect(ml.coef[1]).toBeCloseTo(ref.ML.coef.sma1, 3);
    expect(ml.sigma2).toBeCloseTo(ref.ML.sigma2, 7); // 0.0002543
    expect(Math.abs(ml.loglik - ref.ML.loglik)).toBeLessThan(0.02); // 353.96
    const css = fitArima(y, airline, 'none', 'CSS');
    expect(css.coef[0]).toBeCloseTo(ref.CSS.coef.ma1, 3); // -0.3772
    expect(css.coef[1]).toBeCloseTo(ref.CSS.coef.sma1, 3); // -0.5724
    expect(css.sigma2).toBeCloseTo(ref.CSS.sigma2, 7); // 0.0002619
    expect(Math.abs(css.loglik - ref.CSS.part_loglik)).toBeLessThan(0.02); // 354.32
    const late = fitArima(y.slice(60), airline, 'none');
    expect(late.coef[0]).toBeCloseTo(ref.ML_window_from_1954.coef.ma1, 3); // -0.4797
    expect(late.coef[1]).toBeCloseTo(ref.ML_window_from_1954.coef.sma1, 3); // -0.446
    expect(Math.abs(aic(late) - ref.ML_window_from_1954.aic)).toBeLessThan(0.02); // -410.04
  });

  it('ARIMA(2,1,1)(0,1,0)[12] on AirPassengers: coefficients, loglik and AICc of forecast::auto.arima', () => {
    const ref = reference.series.AirPassengers.auto_arima_forecast_pkg;
    const fit = fitArima(ap, { p: 2, d: 1, q: 1, P: 0, D: 1, Q: 0, m: 12 }, 'none');
    expect(fit.coef[0]).toBeCloseTo(ref.coef.ar1, 3); // 0.5960
    expect(fit.coef[1]).toBeCloseTo(ref.coef.ar2, 3); // 0.2143
    expect(fit.coef[2]).toBeCloseTo(ref.coef.ma1, 3); // -0.9819
    expect(Math.abs(fit.loglik - ref.loglik)).toBeLessThan(0.02); // -504.92
    expect(Math.abs(fit.aicc - ref.AICc)).toBeLessThan(0.02); // 1018.17
    // forecast's sigma^2 divides by (nobs - coefficients): 132.3
    expect((fit.ssq / (fit.nobs - 3)).toFixed(1)).toBe(ref.sigma2.toFixed(1));
  });

  it('airline model on USAccDeaths (forecast::auto.arima printout)', () => {
    const ref = reference.series.USAccDeaths.auto_arima_forecast_pkg;
    const fit = fitArima(usacc, airline, 'none');
    expect(fit.coef[0]).toBeCloseTo(ref.coef.ma1, 3); // -0.4303
    expect(fit.coef[1]).toBeCloseTo(ref.coef.sma1, 3); // -0.5528
    expect(Math.abs(fit.loglik - ref.loglik)).toBeLessThan(0.02); // -425.44
    expect(Math.abs(fit.aicc - ref.AICc)).toBeLessThan(0.02); // 857.32
  });

  for (const [name, y, order] of [
    ['AirPassengers', ap, { p: 2, d: 1, q: 1, P: 0, D: 1, Q: 0, m: 12 }],
    ['USAccDeaths', usacc, airline],
  ] as const) {
    it(`12 forecasts with 80% and 95% intervals for ${name} match forecast(fit, h = 12)`, () => {
      const published = reference.series[name].auto_arima_forecast_pkg.forecast_h12 as { point: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
      const fc = fitArimaModel(y, order, 'none').forecast(12, [80, 95]);
      published.forEach((row, i) => {
        const pairs: [number, number][] = [
          [fc.mean[i]!, row.point],
          [fc.lower[0]![i]!, row.lo80],
          [fc.upper[0]![i]!, row.hi80],
          [fc.lower[1]![i]!, row.lo95],
          [fc.upper[1]![i]!, row.hi95],
        ];
        for (const [ours, theirs] of pairs) expect(Math.abs(ours - theirs) / Math.abs(theirs)).toBeLessThan(5e-4);
      });
    });
  }
});

describe('auto-ARIMA order selection against forecast::auto.arima', () => {
  it('AirPassengers → ARIMA(2,1,1)(0,1,0)[12]', () => {
    const r = autoArima(ap, { m: 12 });
    expect(arimaName(r.fit.order, r.fit.constant)).toBe(reference.series.AirPassengers.auto_arima_forecast_pkg.model);
  });

  it('USAccDeaths → ARIMA(0,1,1)(0,1,1)[12]', () => {
    const r = autoArima(usacc, { m: 12 });
    expect(arimaName(r.fit.order, r.fit.constant)).toBe(reference.series.USAccDeaths.auto_arima_forecast_pkg.model);
  });

  it('log10 AirPassengers → the airline model (auto.arima(log10(AirPassengers)))', () => {
    const r = autoArima(ap.map(Math.log10), { m: 12 });
    expect(arimaName(r.fit.order, r.fit.constant)).toBe(reference.series.AirPassengers.airline_model_log10_R_docs.forecast_pkg.model);
    expect(Math.abs(r.fit.aicc - reference.series.AirPassengers.airline_model_log10_R_docs.forecast_pkg.AICc)).toBeLessThan(0.05); // -701.73
  });
});
