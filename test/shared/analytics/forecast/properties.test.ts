/**
 * Property tests (fast-check): forecasts of a constant series are that constant (with zero-width
 * intervals), and adding a constant to a series adds it to the point forecasts of every model whose
 * equations are shift-equivariant (additive models; multiplicative ETS is, by design, not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitModel } from '../../../../shared/analytics/forecast/fit-model.js';
import { forecastSeries } from '../../../../shared/analytics/forecast/forecast-series.js';
import type { ModelKind } from '../../../../shared/analytics/forecast/model-kinds.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));

describe('forecast properties', () => {
  it('a constant series forecasts that constant with zero-width intervals, whatever the model', () => {
    const kinds: ModelKind[] = ['auto', 'naive', 'snaive', 'drift', 'linear', 'ses', 'holt', 'holt-winters', 'arima', 'ets'];
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 15, max: 60 }), fc.constantFrom(...kinds), fc.integer({ min: 1, max: 20 }), (c, n, model, h) => {
        const a = forecastSeries({ times: days(n), values: Array(n).fill(c), horizon: h, model, levels: [80, 95] });
        expect(a.forecast).toHaveLength(h);
        // Exactly c; "+ 0" only folds -0 into 0 (toBe tells them apart; the JSON answer cannot).
        for (const p of a.forecast) {
          expect(p.mean + 0).toBe(c + 0);
          expect(p.lower['80']! + 0).toBe(c + 0);
          expect(p.upper['95']! + 0).toBe(c + 0);
        }
        expect(a.notices.some((x) => x.code === 'constant')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('shifting the series by a constant shifts the point forecasts by it', () => {
    const kinds = ['naive', 'snaive', 'drift', 'linear', 'ses', 'holt', 'holt-winters-additive', 'arima'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 40, maxLength: 72 }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.constantFrom(...kinds),
        (noise, shift, kind) => {
          // A trend, a season of 4 and noise, so every model has something to fit.
          const y = Float64Array.from(noise, (e, t) => 50 + 0.8 * t + 10 * Math.sin((Math.PI * t) / 2) + e / 10);
          const base = fitModel(kind, y, 4).forecast(8, []).mean;
          const moved = fitModel(kind, y.map((v) => v + shift), 4).forecast(8, []).mean;
          const scale = Math.max(1, Math.abs(shift), ...Array.from(base, Math.abs));
          for (let i = 0; i < 8; i++) expect(Math.abs(moved[i]! - (base[i]! + shift)) / scale).toBeLessThan(2e-3);
        },
      ),
      { numRuns: 40 },
    );
  });
});
