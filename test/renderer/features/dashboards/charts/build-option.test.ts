import { describe, expect, it } from 'vitest';
import { buildOption, countPoints, type ChartWidget } from '../../../../../renderer/src/features/dashboards/charts/build-option.js';
import { chartPalette } from '../../../../../renderer/src/features/dashboards/charts/palette.js';
import type { QueryResult } from '../../../../../shared/model/query.js';

const pal = chartPalette('light');
const timeSeries: QueryResult = {
  columns: [
    { name: 'date', role: 'x', type: 'datetime' },
    { name: 'channel', role: 'series', type: 'text' },
    { name: 'sum(revenue)', role: 'y', type: 'number' },
  ],
  rows: [
    ['2025-01-01T00:00:00.000Z', 'web', 10],
    ['2025-01-01T00:00:00.000Z', 'store', 5],
    ['2025-02-01T00:00:00.000Z', 'web', 12],
    ['2025-02-01T00:00:00.000Z', 'store', 7],
  ],
  source: 'table',
  elapsedMs: 1,
};
const w = (type: ChartWidget['type'], options: ChartWidget['options'] = {}): ChartWidget => ({ type, options, query: { x: { field: 'date', bucket: 'month' } } });
type AnySeries = { type: string; stack?: string; data: unknown[]; radius?: unknown; areaStyle?: unknown };
const series = (o: ReturnType<typeof buildOption>) => o.series as AnySeries[];

describe('chart options', () => {
  it('draws a line per series over month labels', () => {
    const o = buildOption(timeSeries, w('line'), pal);
    expect(series(o).map((s) => s.type)).toEqual(['line', 'line']);
    expect((o.xAxis as { data: string[] }).data).toHaveLength(2);
    expect((o.xAxis as { data: string[] }).data[0]).toMatch(/2025|2024/);
    expect(countPoints(o)).toBe(4);
  });

  it('stacks bars and areas when asked, and swaps axes for horizontal bars', () => {
    expect(series(buildOption(timeSeries, w('bar', { stacked: true }), pal)).every((s) => s.stack === 'total')).toBe(true);
    expect(series(buildOption(timeSeries, w('bar'), pal)).every((s) => s.stack === undefined)).toBe(true);
    const area = buildOption(timeSeries, w('area', { stacked: true }), pal);
    expect(series(area).every((s) => s.areaStyle && s.stack === 'total')).toBe(true);
    const h = buildOption(timeSeries, w('bar', { horizontal: true }), pal);
    expect((h.yAxis as { type: string }).type).toBe('category');
    expect((h.xAxis as { type: string }).type).toBe('value');
  });

  it('makes a pie of the x categories and a donut with an inner radius', () => {
    const byChannel: QueryResult = { ...timeSeries, columns: [{ name: 'channel', role: 'x', type: 'text' }, { name: 'sum(revenue)', role: 'y', type: 'number' }], rows: [['web', 22], ['store', 12], ['phone', 0]] };
    const pie = buildOption(byChannel, { type: 'pie', options: {}, query: { x: { field: 'channel' } } }, pal);
    const data = series(pie)[0]!.data as { name: string; value: number }[];
    expect(data).toEqual([
      { name: 'web', value: 22 },
      { name: 'store', value: 12 },
    ]);
    const donut = buildOption(byChannel, { type: 'pie', options: { donut: true }, query: { x: { field: 'channel' } } }, pal);
    expect((series(donut)[0]!.radius as string[])[0]).not.toBe(0);
  });

  it('folds small pie slices into Other', () => {
    const many: QueryResult = { ...timeSeries, columns: [{ name: 'k', role: 'x', type: 'text' }, { name: 'v', role: 'y', type: 'number' }], rows: Array.from({ length: 15 }, (_, i) => [`k${i}`, 100 - i]) };
    const data = series(buildOption(many, { type: 'pie', options: {}, query: { x: { field: 'k' } } }, pal))[0]!.data as { name: string; value: number }[];
    expect(data).toHaveLength(10);
    expect(data[9]!.name).toBe('Other');
    expect(data[9]!.value).toBe([9, 10, 11, 12, 13, 14].reduce((a, i) => a + 100 - i, 0));
  });

  it('lays a heatmap out as x by series with a colour scale over the values', () => {
    const o = buildOption(timeSeries, w('heatmap'), pal);
    const s = series(o)[0]!;
    expect(s.type).toBe('heatmap');
    expect(s.data).toHaveLength(4);
    expect((o.visualMap as { min: number; max: number })).toMatchObject({ min: 5, max: 12 });
  });

  it('refuses to draw KPI and table widgets, which are not charts', () => {
    expect(() => buildOption(timeSeries, w('kpi'), pal)).toThrow(/not drawn with ECharts/);
  });
});

describe('scatter of two numbers', () => {
  it('puts a numeric x on a value axis and draws [x, y] points', () => {
    const r: QueryResult = { columns: [{ name: 'price', role: 'x', type: 'number' }, { name: 'avg(units)', role: 'y', type: 'number' }], rows: [[9.5, 3], [20, 1], [null, 4]], source: 'table', elapsedMs: 1 };
    const o = buildOption(r, { type: 'scatter', options: {}, query: { x: { field: 'price' } } }, pal);
    expect((o.xAxis as { type: string }).type).toBe('value');
    expect(series(o)[0]!.data).toEqual([
      [9.5, 3],
      [20, 1],
    ]);
    expect(countPoints(o)).toBe(2);
  });
});
