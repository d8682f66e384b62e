/** Forecast bands and the forecast chart: each interval fills exactly lower…upper, the widest lightest. */
import { describe, expect, it } from 'vitest';
import { bandOpacity, bandSeries, drawnSeries, isBandSeries } from '../../../../../renderer/src/features/analytics/charts/bands.js';
import { forecastOption } from '../../../../../renderer/src/features/analytics/charts/forecast-option.js';
import { chartPalette } from '../../../../../renderer/src/features/dashboards/charts/palette.js';
import type { ForecastResult } from '../../../../../shared/contract/forecast.js';

const pal = chartPalette('light');

function result(n: number, h: number): ForecastResult {
  return {
    model: { name: 'Holt', spec: 'Holt', aicc: 1, family: 'ets', params: {} },
    frequency: { unit: 'day', label: 'daily' },
    season: 1,
    horizon: h,
    levels: [80, 95],
    history: Array.from({ length: n }, (_, i) => ({ time: `2025-01-${String(i + 1).padStart(2, '0')}`, value: 10 + i, fitted: 10 + i })),
    forecast: Array.from({ length: h }, (_, i) => ({ time: `2025-02-${String(i + 1).padStart(2, '0')}`, mean: 20 + i, lower: { '80': 18 + i, '95': 16 + i }, upper: { '80': 22 + i, '95': 24 + i } })),
    backtest: null,
    candidates: [],
    notices: [],
  };
}

describe('interval bands', () => {
  it('stack an invisible lower edge and a filled width, so the fill spans exactly lower…upper', () => {
    const s = bandSeries([{ level: 95, lower: [null, 1, 2], upper: [null, 5, 4] }], '#e0587a', 'k');
    expect(s.map((x) => x.id)).toEqual(['band:k:95:lower', 'band:k:95:width']);
    expect(s[0]!.stack).toBe(s[1]!.stack);
    expect(s[0]!.areaStyle).toBeUndefined();
    expect(s[1]!.data).toEqual([null, 4, 2]);
    expect(s[1]!.areaStyle).toEqual({ color: '#e0587a', opacity: 0.28 });
    expect(s.every((x) => isBandSeries(x.id))).toBe(true);
  });

  it('draw the widest level first and lightest; stacked they stay plainly visible', () => {
    const s = bandSeries(
      [
        { level: 80, lower: [1], upper: [2] },
        { level: 95, lower: [0], upper: [3] },
      ],
      '#000',
      'k',
    );
    expect(s.filter((x) => x.areaStyle).map((x) => [x.id, (x.areaStyle as { opacity: number }).opacity])).toEqual([
      ['band:k:95:width', 0.16],
      ['band:k:80:width', 0.36],
    ]);
    expect(bandOpacity(0, 3)).toBe(0.16);
    expect(bandOpacity(2, 3)).toBeCloseTo(0.36, 12);
    // The narrowest band shows every fill beneath it combined.
    expect(1 - (1 - 0.16) * (1 - 0.36)).toBeGreaterThan(0.45);
  });
});

describe('forecast chart', () => {
  it('puts history, then the forecast from the last observation, then bands on one time axis', () => {
    const r = result(10, 5);
    const o = forecastOption(r, 'revenue', pal);
    expect((o.xAxis as { data: string[] }).data).toHaveLength(15);
    const series = o.series as { id: string; data: (number | null)[] }[];
    const byId = (id: string) => series.find((s) => s.id === id)!;
    expect(byId('history').data.slice(0, 10)).toEqual(r.history.map((p) => p.value));
    expect(byId('history').data.slice(10)).toEqual([null, null, null, null, null]);
    // The dashed forecast joins the last observation to the first forecast.
    expect(byId('forecast').data.slice(8)).toEqual([null, 19, 20, 21, 22, 23, 24]);
    expect(byId('band:forecast:95:lower').data.slice(10)).toEqual([16, 17, 18, 19, 20]);
    expect(byId('band:forecast:95:width').data.slice(10)).toEqual([8, 8, 8, 8, 8]);
    expect(byId('band:forecast:80:width').data.slice(9)).toEqual([null, 4, 4, 4, 4, 4]);
    expect(drawnSeries(o)).toBe('history forecast');
    expect(drawnSeries(forecastOption(r, 'revenue', pal, { showFitted: true }))).toBe('history fitted forecast');
    expect(o.dataZoom).toBeUndefined();
  });

  it('opens a zoom window on the recent history when the history is long', () => {
    const o = forecastOption(result(200, 10), 'revenue', pal);
    const zoom = o.dataZoom as { startValue: number; endValue: number }[];
    expect(zoom[0]).toMatchObject({ startValue: 140, endValue: 209 });
  });
});
