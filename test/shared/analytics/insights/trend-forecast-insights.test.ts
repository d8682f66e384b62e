import { describe, expect, it } from 'vitest';
import { forecastInsights, seriesSummary, trendInsights, type ForecastFacts, type TrendFacts } from '../../../../shared/analytics/insights/index.js';
import { runAnalyticsJob } from '../../../../shared/analytics/run-job.js';
import { numericColumn } from '../../../../shared/analytics/column.js';
import type { TrendResult } from '../../../../shared/contract/analytics.js';

const DAY = 86_400_000;

function trendFacts(over: { pct?: number | null; p?: number | null; period?: number | null; strength?: number; unit?: string; step?: number; timeKind?: 'datetime' | 'number' } = {}): TrendFacts {
  return {
    timeKind: over.timeKind ?? 'datetime',
    frequency: { unit: over.unit ?? 'day', step: over.step ?? DAY, regular: true, naturalPeriods: [7, 365] },
    linear: { degree: 1, terms: [], rSquared: 0.6412, slopePerStep: 10, slopePerStepPercentOfMean: over.pct === undefined ? 0.102 : over.pct, slopePValue: over.p === undefined ? 0.0001 : over.p, projection: [] },
    seasonality: { period: over.period === undefined ? 7 : over.period, strength: over.strength ?? 0.8213, acf: 0.7, periodogramPeriod: 7, candidates: [], method: 'acf' },
  };
}

/** 30 daily forecasts of about 136.7k each, the 95% interval ±10k around each. */
function forecastFacts(over: Partial<ForecastFacts> = {}): ForecastFacts {
  const forecast = Array.from({ length: 30 }, (_, i) => ({ time: `2026-12-${String(i + 1).padStart(2, '0')}`, mean: 136_666.67, lower: { '80': 130_000, '95': 126_666.67 }, upper: { '80': 143_333, '95': 146_666.67 } }));
  return {
    model: { name: 'ETS(A,N,A)', spec: 'ETS(A,N,A) alpha=0.3', aicc: 1234.5, family: 'ets', params: {} },
    frequency: { unit: 'day', label: 'daily' },
    levels: [80, 95],
    forecast,
    backtest: { mae: 5000, rmse: 6000, mape: 4.234, smape: 4.1, mase: 0.8123, origins: 8, horizon: 30, coverage: { '80': 0.79, '95': 0.94 } },
    candidates: Array.from({ length: 9 }, (_, i) => ({ name: i === 0 ? 'ETS(A,N,A)' : `M${i}`, family: 'ets', aicc: 1234.5 + i, mase: 0.8 + i / 10 })),
    ...over,
  };
}

describe('trend insights', () => {
  it('quotes daily growth per month and names a weekly season', () => {
    const cards = trendInsights('revenue', trendFacts());
    expect(cards.map((c) => c.text)).toEqual(['Revenue grows 3.1% a month (linear trend, R² 0.64).', 'Strong weekly seasonality (strength 0.82).']);
    expect(cards[0]!.tone).toBe('positive');
  });

  it('says a falling series falls, and a weaker season is moderate', () => {
    const cards = trendInsights('Tickets', trendFacts({ pct: -0.5, strength: 0.5, unit: 'month', step: 30.44 * DAY, period: 12 }));
    expect(cards.map((c) => c.text)).toEqual(['Tickets falls 0.5% a month (linear trend, R² 0.64).', 'Moderate yearly seasonality (strength 0.50).']);
    expect(cards[0]!.tone).toBe('negative');
  });

  it('does not claim a trend the slope test does not support', () => {
    expect(trendInsights('Sessions', trendFacts({ p: 0.4234, period: null }))).toEqual([
      { kind: 'trend', tone: 'neutral', title: 'Trend', text: 'Sessions shows no clear trend (p = 0.42).' },
      { kind: 'seasonality', tone: 'neutral', title: 'Seasonality', text: 'No clear seasonality.' },
    ]);
  });

  it('quotes growth per step when the time axis is a plain number', () => {
    expect(trendInsights('y', trendFacts({ timeKind: 'number', unit: 'step', step: 1, pct: 1.25, period: 5 })).map((c) => c.text)).toEqual(['Y grows 1.3% per step (linear trend, R² 0.64).', 'Strong 5-period seasonality (strength 0.82).']);
  });
});

describe('forecast insights', () => {
  it('states the total of an additive forecast with its 95% band, the backtest and the model', () => {
    expect(forecastInsights(forecastFacts(), { additive: true, auto: true }).map((c) => c.text)).toEqual([
      'The next 30 days are forecast to total 4.1M ± 0.3M (95%).',
      'In a rolling backtest (8 origins) the forecasts were off by 4.2% on average (MAPE); with MASE 0.81 they beat a naive forecast.',
      'Auto chose ETS(A,N,A) from 9 candidate models, compared by AICc and backtest error.',
    ]);
  });

  it('states the average level of a non-additive forecast', () => {
    expect(forecastInsights(forecastFacts())[0]!.text).toBe('The next 30 days are forecast to average 137k ± 10k (95%).');
  });

  it('uses the widest level when 95% was not asked for, and says when the model did not beat naive', () => {
    const f = forecastFacts({
      levels: [80],
      forecast: [{ time: '2027-01', mean: 50, lower: { '80': 40 }, upper: { '80': 60 } }],
      frequency: { unit: 'month', label: 'monthly' },
      backtest: { mae: 12.5, rmse: 14, mape: null, smape: null, mase: 1.234, origins: 1, horizon: 1, coverage: {} },
    });
    expect(forecastInsights(f).map((c) => c.text)).toEqual(['The next month is forecast at 50 ± 10 (80%).', 'In a rolling backtest (1 origin) the forecasts were off by 12.5 on average (MAE); with MASE 1.23 they did no better than a naive forecast.', 'Model: ETS(A,N,A).']);
  });

  it('joins trend, season and forecast into the headline', () => {
    expect(seriesSummary('revenue', { trend: trendFacts(), forecast: forecastFacts(), forecastOptions: { additive: true } })?.text).toBe('Revenue grows 3.1% a month; strong weekly seasonality (strength 0.82); the next 30 days are forecast to total 4.1M ± 0.3M (95%).');
    expect(seriesSummary('revenue', {})).toBeNull();
  });

  it('reads the engine’s own trend answer: a growing weekly series is described as such', () => {
    const n = 365;
    const time = Float64Array.from({ length: n }, (_, i) => Date.UTC(2025, 0, 1) + i * DAY);
    let seed = 42;
    const noise = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5) * 120;
    const value = Float64Array.from({ length: n }, (_, i) => 1000 + 2 * i + 150 * Math.sin((2 * Math.PI * i) / 7) + noise());
    const trend = runAnalyticsJob({ kind: 'trend', time: numericColumn('date', time), value: numericColumn('revenue', value), timeKind: 'datetime', options: { maxPoints: 100, level: 0.95, seasonality: 'auto' } }) as TrendResult;
    const [growth, season] = trendInsights('revenue', trend).map((c) => c.text);
    // Slope 2 a day on a mean level of 1364: 2 × 30.4375 / 1364 = 4.46% a month.
    expect(growth).toMatch(/^Revenue grows 4\.[45]% a month \(linear trend, R² 0\.\d\d\)\.$/);
    expect(season).toMatch(/^Strong weekly seasonality \(strength 0\.\d\d\)\.$/);
  });
});
