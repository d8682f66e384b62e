/**
 * The forecast overlay of dashboard widgets: which widgets offer it (every time-series chart, no
 * other), what it forecasts (each drawn series, or a stacked chart's total), how far ahead, and how
 * the forecast joins the widget's chart (axis extended, series padded, dashed line with its bands).
 */
import { describe, expect, it } from 'vitest';
import { canForecast, overlayApplies } from '../../../../../renderer/src/features/dashboards/overlay/eligibility.js';
import { MAX_OVERLAY_SERIES, overlayHorizon, overlayTargets } from '../../../../../renderer/src/features/dashboards/overlay/overlay-jobs.js';
import { withForecastOverlay } from '../../../../../renderer/src/features/dashboards/overlay/overlay-option.js';
import { buildOption } from '../../../../../renderer/src/features/dashboards/charts/build-option.js';
import { chartPalette } from '../../../../../renderer/src/features/dashboards/charts/palette.js';
import { formatBucket } from '../../../../../renderer/src/lib/format.js';
import { forecastSeries } from '../../../../../shared/analytics/forecast/forecast-series.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import type { QueryResult } from '../../../../../shared/model/query.js';

const pal = chartPalette('light');
const sales = { id: 'ds', columns: [{ name: 'date', type: 'datetime' }, { name: 'region', type: 'text' }, { name: 'day', type: 'integer' }, { name: 'revenue', type: 'number' }] } as unknown as DatasetMeta;
const widget = (type: string, x: { field: string; bucket?: 'day' | 'week' | 'month' } | undefined, options: Record<string, unknown> = {}) => ({ type, options, query: { datasetId: 'ds', x } }) as Parameters<typeof canForecast>[0];

const days = 40;
const iso = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
function daily(groups: string[]): QueryResult {
  const rows: unknown[][] = [];
  for (let i = 0; i < days; i++) groups.forEach((g, k) => rows.push(groups.length > 1 ? [iso(i), g, 100 * (k + 1) + i + (i % 7) * 3] : [iso(i), 100 + i + (i % 7) * 3]));
  return {
    columns: groups.length > 1 ? [{ name: 'date', role: 'x', type: 'datetime' }, { name: 'region', role: 'series', type: 'text' }, { name: 'revenue', role: 'y', type: 'number' }] : [{ name: 'date', role: 'x', type: 'datetime' }, { name: 'revenue', role: 'y', type: 'number' }],
    rows,
    source: 'table',
    elapsedMs: 1,
  } as QueryResult;
}

describe('which widgets offer a forecast', () => {
  it('every line, area and vertical bar chart over time, bucketed or on a datetime column', () => {
    for (const type of ['line', 'area', 'bar']) {
      expect(canForecast(widget(type, { field: 'date', bucket: 'day' }), [sales])).toBe(true);
      expect(canForecast(widget(type, { field: 'date' }), [sales])).toBe(true);
    }
  });

  it('no chart without a time axis, no horizontal bar, no other widget type', () => {
    expect(canForecast(widget('line', { field: 'region' }), [sales])).toBe(false);
    expect(canForecast(widget('line', { field: 'day' }), [sales])).toBe(false);
    expect(canForecast(widget('line', undefined), [sales])).toBe(false);
    expect(canForecast(widget('bar', { field: 'date', bucket: 'month' }, { horizontal: true }), [sales])).toBe(false);
    for (const type of ['pie', 'kpi', 'table', 'heatmap', 'scatter', 'pivot']) expect(canForecast(widget(type, { field: 'date', bucket: 'month' }), [sales])).toBe(false);
  });

  it('checks the drawn rows too: a time x column, and rows to continue', () => {
    const w = widget('line', { field: 'date' });
    expect(overlayApplies(w, daily(['all']))).toBe(true);
    expect(overlayApplies(w, { ...daily(['all']), rows: [] })).toBe(false);
    expect(overlayApplies(w, { ...daily(['all']), columns: [{ name: 'region', role: 'x', type: 'text' }, { name: 'revenue', role: 'y', type: 'number' }] } as QueryResult)).toBe(false);
  });
});

describe('what the overlay forecasts', () => {
  it('goes a bucket-sized way ahead, never beyond half the history', () => {
    expect(overlayHorizon('day', 400)).toBe(30);
    expect(overlayHorizon('week', 100)).toBe(12);
    expect(overlayHorizon('month', 100)).toBe(6);
    expect(overlayHorizon('day', 20)).toBe(10);
    expect(overlayHorizon(undefined, 100)).toBe(10);
  });

  it('forecasts each drawn series (the first four), or a stacked chart’s total', () => {
    const split = overlayTargets(daily(['n', 's', 'e', 'w', 'c']), { type: 'line', options: {}, query: { x: { bucket: 'day' } } });
    // The pivot orders series largest first (c has the largest values, n the smallest and is left out).
    expect(split.targets.map((t) => [t.name, t.seriesIndex])).toEqual([['c', 0], ['w', 1], ['e', 2], ['s', 3]]);
    expect(split.targets).toHaveLength(MAX_OVERLAY_SERIES);
    expect(split.notes).toEqual(['Forecast for the 4 largest of 5 series']);
    expect(split.targets[0]!.job.request).toMatchObject({ horizon: 20, model: 'auto', season: 'auto', levels: [80, 95] });

    const stacked = overlayTargets(daily(['n', 's']), { type: 'area', options: { stacked: true }, query: { x: { bucket: 'day' } } });
    expect(stacked.targets.map((t) => [t.name, t.seriesIndex])).toEqual([['Total', -1]]);
    expect(stacked.targets[0]!.job.request.values.slice(0, 2)).toEqual([100 + 200, 101 + 201 + 6]);
    expect(stacked.notes).toEqual(['Stacked: the forecast continues the total']);
  });

  it('says so when a series is too short to forecast', () => {
    const short = { ...daily(['all']), rows: daily(['all']).rows.slice(0, 5) };
    expect(overlayTargets(short, { type: 'line', options: {}, query: { x: { bucket: 'day' } } })).toEqual({ targets: [], notes: ['revenue: too few points to forecast'] });
  });
});

describe('the overlay on the chart', () => {
  it('extends the time axis, pads the drawn series, and adds the dashed forecast with its bands', () => {
    const result = daily(['all']);
    const w = { type: 'line' as const, options: {}, query: { x: { field: 'date', bucket: 'day' as const } } };
    const base = buildOption(result, w, pal);
    const { targets } = overlayTargets(result, { ...w, query: { x: { bucket: 'day' } } });
    const forecast = forecastSeries({ ...targets[0]!.job.request, model: 'naive' });
    const o = withForecastOverlay(base, [{ name: 'revenue', seriesIndex: 0, forecast }], pal, { bucket: 'day', format: 'number' });
    const labels = (o.xAxis as { data: string[] }).data;
    expect(labels).toHaveLength(days + 20);
    expect(labels[days]).toBe(formatBucket(new Date(Date.UTC(2025, 0, 1 + days)).toISOString(), 'day'));
    const series = o.series as { id?: string; name?: string; data: (number | null)[]; lineStyle?: { type?: string } }[];
    expect(series[0]!.data).toHaveLength(days + 20);
    expect(series[0]!.data.slice(days)).toEqual(new Array(20).fill(null));
    const line = series.find((s) => s.id === 'forecast:0')!;
    expect(line.name).toBe('revenue · forecast');
    expect(line.lineStyle?.type).toBe('dashed');
    // It starts at the last observation and continues with the forecast means.
    expect(line.data[days - 1]).toBe(forecast.history.at(-1)!.value);
    expect(line.data.slice(days)).toEqual(forecast.forecast.map((p) => p.mean));
    expect(series.filter((s) => s.id?.startsWith('band:overlay-0:')).map((s) => s.id)).toEqual(['band:overlay-0:95:lower', 'band:overlay-0:95:width', 'band:overlay-0:80:lower', 'band:overlay-0:80:width']);
    expect((o.legend as { data: string[] }).data).toEqual(['revenue', 'revenue · forecast']);
  });
});
