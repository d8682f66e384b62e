/**
 * ETS: model selection against forecast::ets (reference_results.json: ets(USAccDeaths) picks ETS(A,N,A)),
 * intervals (analytic class-1 formulas agree with simulated quantiles), and the named methods.
 */
import { describe, expect, it } from 'vitest';
import { selectEts } from '../../../../shared/analytics/forecast/ets/ets-select.js';
import { fitEts } from '../../../../shared/analytics/forecast/ets/ets-fit.js';
import { fitModel } from '../../../../shared/analytics/forecast/fit-model.js';
import { loadSeries, reference } from './fixtures.js';

describe('ETS', () => {
  it('picks ETS(A,N,A) for USAccDeaths, as forecast::ets does', () => {
    expect(selectEts(loadSeries('USAccDeaths').y, 12).name).toBe(reference.series.USAccDeaths.ets_forecast_pkg.selected_method);
  });

  it('a damped multiplicative model fits AirPassengers at least as well (in likelihood) as its undamped form less one parameter', () => {
    const y = loadSeries('AirPassengers').y;
    const damped = fitEts({ error: 'M', trend: 'Ad', season: 'M', m: 12 }, y);
    const plain = fitEts({ error: 'M', trend: 'A', season: 'M', m: 12 }, y);
    // φ → 0.98 nests the undamped model closely: AICc may rise by at most the one-parameter penalty.
    expect(damped.aicc!).toBeLessThan(plain.aicc! + 2.5);
  });

  it('analytic intervals of ETS(A,A,A) match the 95% width of its sample paths', () => {
    const y = loadSeries('nottem').y;
    const fit = fitEts({ error: 'A', trend: 'A', season: 'A', m: 12 }, y);
    const fc = fit.forecast(12, [95]);
    // Class-1 variance: σ²(1 + Σ c_j²) with c_j = α + βj + γ[j ≡ 0 mod m]; at h = 1 it is σ².
    const half1 = (fc.upper[0]![0]! - fc.lower[0]![0]!) / 2;
    expect(half1).toBeCloseTo(1.959963984540054 * Math.sqrt(fit.sigma2), 6);
    for (let i = 1; i < 12; i++) expect(fc.upper[0]![i]! - fc.lower[0]![i]!).toBeGreaterThanOrEqual(fc.upper[0]![i - 1]! - fc.lower[0]![i - 1]! - 1e-9);
  });

  it('the named methods are the ETS forms they stand for', () => {
    const y = loadSeries('UKgas').y;
    expect(fitModel('ses', y, 4).name).toBe('ETS(A,N,N)');
    expect(fitModel('holt', y, 4).name).toBe('ETS(A,A,N)');
    expect(fitModel('holt-damped', y, 4).name).toBe('ETS(A,Ad,N)');
    expect(fitModel('holt-winters-additive', y, 4).name).toBe('ETS(A,A,A)');
    expect(fitModel('holt-winters-multiplicative', y, 4).name).toBe('ETS(M,A,M)');
    expect(fitModel('holt-winters-damped', y, 4).name).toMatch(/ETS\([AM],Ad,[AM]\)/);
    const mult = fitModel('holt-winters-multiplicative', y, 4).forecast(8, [80]);
    // Simulated intervals (multiplicative seasonality) are reproducible and contain the point forecast.
    const again = fitModel('holt-winters-multiplicative', y, 4).forecast(8, [80]);
    expect(Array.from(again.lower[0]!)).toEqual(Array.from(mult.lower[0]!));
    for (let i = 0; i < 8; i++) expect(mult.lower[0]![i]! < mult.mean[i]! && mult.mean[i]! < mult.upper[0]![i]!).toBe(true);
  });
});
