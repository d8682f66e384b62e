import { describe, expect, it } from 'vitest';
import { checkDraft, fromWidget, newDraft, toWidgetDraft, withDataset } from '../../../../../renderer/src/features/dashboards/editor/draft.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { WidgetQuery } from '../../../../../shared/model/query.js';

const sales: DatasetMeta = {
  id: 'sales',
  workspaceId: 'w',
  name: 'Sales',
  source: { kind: 'csv' },
  columns: [
    { name: 'date', key: 'c0', type: 'datetime' },
    { name: 'region', key: 'c1', type: 'text' },
    { name: 'revenue', key: 'c2', type: 'number' },
  ],
  rowCount: 10_000,
  timeColumn: 'date',
  createdAt: '',
  updatedAt: '',
};
const traffic: DatasetMeta = { ...sales, id: 'traffic', name: 'Traffic', columns: [{ name: 'date', key: 'c0', type: 'datetime' }, { name: 'visits', key: 'c1', type: 'integer' }] };

describe('widget drafts', () => {
  it('starts with the first number summed over the time column', () => {
    const d = newDraft(sales);
    expect(d).toMatchObject({ datasetId: 'sales', x: { field: 'date', bucket: 'month' }, y: [{ agg: 'sum', field: 'revenue' }] });
    expect(checkDraft(d, sales)).toEqual({});
  });

  it('produces a query the contract accepts, with a point bound for the chart', () => {
    const body = toWidgetDraft({ ...newDraft(sales, 'bar'), series: 'region', options: { stacked: true, donut: true } });
    expect(WidgetQuery.safeParse(body.query).success).toBe(true);
    expect(body.query).toMatchObject({ series: 'region', maxPoints: 400 });
    expect(body.options).toEqual({ stacked: true });
  });

  it('gives KPI widgets no x axis or series and a comparison by default', () => {
    const body = toWidgetDraft({ ...newDraft(sales, 'kpi'), series: 'region' });
    expect(body.query.x).toBeUndefined();
    expect(body.query.series).toBeUndefined();
    expect(body.options.compare).toBe('previous_period');
  });

  it('round-trips a saved widget', () => {
    const body = toWidgetDraft({ ...newDraft(sales, 'line'), title: ' Revenue ', filters: [{ field: 'region', op: 'eq', value: 'North' }], sort: { by: 'x', dir: 'desc' }, limit: 50 });
    expect(body.title).toBe('Revenue');
    const again = toWidgetDraft(fromWidget({ ...body, query: WidgetQuery.parse(body.query) }));
    expect(again).toEqual(body);
  });

  it('keeps the fields the new dataset also has when switching datasets', () => {
    const d = withDataset({ ...newDraft(sales), series: 'region', filters: [{ field: 'region', op: 'eq', value: 'N' }] }, traffic);
    expect(d.datasetId).toBe('traffic');
    expect(d.x).toEqual({ field: 'date', bucket: 'month' });
    expect(d.y).toEqual([{ agg: 'sum', field: 'visits' }]);
    expect(d.series).toBeNull();
    expect(d.filters).toEqual([]);
  });

  it('names the controls that need attention before asking main', () => {
    const d = newDraft(sales);
    expect(checkDraft({ ...d, y: [{ agg: 'sum' }] }, sales)).toHaveProperty(['y.0.field']);
    expect(checkDraft({ ...d, y: [{ agg: 'avg', field: 'region' }] }, sales)).toHaveProperty(['y.0.agg']);
    expect(checkDraft({ ...d, x: { field: 'region', bucket: 'day' } }, sales)).toHaveProperty(['x.bucket']);
    expect(checkDraft({ ...d, type: 'heatmap' }, sales)).toHaveProperty(['series']);
    expect(checkDraft(d, undefined)).toHaveProperty(['datasetId']);
  });
});

describe('widget date ranges', () => {
  it("keeps a saved widget's own date range through an edit, and drops an all-time one", () => {
    const saved = toWidgetDraft({ ...newDraft(sales, 'kpi'), dateRange: { preset: 'last_30d' } });
    expect(saved.query.dateRange).toEqual({ preset: 'last_30d' });
    expect(toWidgetDraft(fromWidget({ ...saved, query: WidgetQuery.parse(saved.query) })).query.dateRange).toEqual({ preset: 'last_30d' });
    expect(toWidgetDraft({ ...newDraft(sales), dateRange: { preset: 'all' } }).query.dateRange).toBeUndefined();
  });
});
