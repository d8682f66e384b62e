/**
 * query.run and widgets.data end to end through the dispatcher, on a small hand-made dataset whose
 * rows sit on the awkward days (a leap day, a Sunday before a Monday, the last second of a quarter,
 * a row without a date). Expected values come from a JavaScript oracle over the same rows.
 */
import { describe, expect, it } from 'vitest';
import type { Aggregation, Filter, QueryResult, Scalar, TimeBucket } from '../../../shared/model/query.js';
import { TIME_BUCKETS } from '../../../shared/model/query.js';
import type { Services } from '../../../main/services.js';
import { testServices } from '../../helpers/home.js';
import { createDataset, jsBucket, SALES_COLUMNS, type Cell } from './fixtures.js';

// date, channel, region, revenue, units, returned, note
const ROWS: Cell[][] = [
  ['2024-02-26T09:00:00Z', 'web', 'north', 100.5, 2, false, 'first'],
  ['2024-02-29T12:00:00Z', 'web', 'south', 50, 1, true, 'leap day'],
  ['2024-02-29T23:30:00Z', 'store', 'north', 25, 5, false, null],
  ['2024-03-01T00:00:00Z', 'store', 'south', 75.25, 3, null, '100% off_sale'],
  ['2024-03-03T22:00:00Z', 'web', null, 10, null, false, 'Sunday'],
  ['2024-03-04T01:00:00Z', 'partner', 'north', 200, 4, true, 'big'],
  ['2024-03-31T23:59:59Z', 'web', 'north', 30, 1, false, null],
  ['2024-04-01T00:00:00Z', 'web', 'south', 40, 2, false, "O'Brien"],
  ['2024-06-15T13:00:00Z', 'store', 'north', null, 6, true, 'late'],
  ['2023-12-31T23:00:00Z', 'web', 'north', 5, 1, false, 'old year'],
  [null, 'web', 'south', 1, 1, false, 'no date'],
  ['2024-06-15T13:30:00Z', 'partner', 'south', 60, 2, false, null],
];
const COL = { date: 0, channel: 1, region: 2, revenue: 3, units: 4, returned: 5, note: 6 } as const;
type ColName = keyof typeof COL;

const cell = (r: Cell[], c: ColName): string | number | null => {
  const v = r[COL[c]] ?? null;
  if (v === null) return null;
  if (c === 'date') return Date.parse(v as string);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
};

/** What SQLite's aggregate gives, computed in JavaScript. */
function oracle(rows: Cell[][], agg: Aggregation, c?: ColName): Scalar {
  if (!c) return rows.length;
  const vals = rows.map((r) => cell(r, c)).filter((v): v is string | number => v !== null);
  const out = (v: string | number | undefined): Scalar => (v === undefined ? null : c === 'date' ? new Date(v).toISOString() : c === 'returned' ? v === 1 : v);
  switch (agg) {
    case 'count':
      return vals.length;
    case 'count_distinct':
      return new Set(vals).size;
    case 'sum':
      return vals.length ? (vals as number[]).reduce((a, b) => a + b, 0) : null;
    case 'avg':
      return vals.length ? (vals as number[]).reduce((a, b) => a + b, 0) / vals.length : null;
    case 'min':
      return out([...vals].sort((a, b) => (a < b ? -1 : 1))[0]);
    case 'max':
      return out([...vals].sort((a, b) => (a < b ? 1 : -1))[0]);
  }
}

async function setup(): Promise<{ svc: Services; workspaceId: string; datasetId: string }> {
  const svc = await testServices();
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'Shop' });
  const rec = createDataset(svc, workspaceId, 'sales', SALES_COLUMNS, ROWS);
  return { svc, workspaceId, datasetId: rec.id };
}

type Q = Record<string, unknown>;
async function run(ctx: { svc: Services; workspaceId: string; datasetId: string }, q: Q, dashboardId?: string): Promise<QueryResult> {
  return ctx.svc.dispatcher.call('query.run', { workspaceId: ctx.workspaceId, query: { datasetId: ctx.datasetId, ...q } as never, ...(dashboardId ? { dashboardId } : {}) });
}

async function count(ctx: Awaited<ReturnType<typeof setup>>, filters: Filter[], extra: Q = {}): Promise<number> {
  const r = await run(ctx, { y: [{ agg: 'count' }], filters, ...extra });
  return r.rows[0]![0] as number;
}

describe('query.run', () => {
  it('computes every aggregation like the oracle, typed and decoded', async () => {
    const ctx = await setup();
    const measures: [Aggregation, ColName | undefined][] = [
      ['count', undefined],
      ['count', 'revenue'],
      ['count_distinct', 'channel'],
      ['count_distinct', 'region'],
      ['sum', 'revenue'],
      ['sum', 'units'],
      ['sum', 'returned'],
      ['avg', 'revenue'],
      ['avg', 'units'],
      ['min', 'revenue'],
      ['max', 'revenue'],
      ['min', 'date'],
      ['max', 'date'],
      ['min', 'channel'],
      ['max', 'note'],
      ['max', 'returned'],
    ];
    // At most 12 measures per query: two queries.
    const first = await run(ctx, { y: measures.slice(0, 8).map(([agg, field]) => (field ? { agg, field } : { agg })) });
    const second = await run(ctx, { y: measures.slice(8).map(([agg, field]) => (field ? { agg, field } : { agg })) });
    expect(first.rows).toHaveLength(1);
    const got = [...first.rows[0]!, ...second.rows[0]!];
    const want = measures.map(([agg, c]) => oracle(ROWS, agg, c));
    got.forEach((v, i) => (typeof want[i] === 'number' ? expect(v, String(measures[i])).toBeCloseTo(want[i] as number, 9) : expect(v, String(measures[i])).toEqual(want[i])));
    expect(first.columns.map((c) => c.name).slice(0, 3)).toEqual(['count(*)', 'count(revenue)', 'count_distinct(channel)']);
    expect(second.columns.map((c) => c.type).slice(2, 5)).toEqual(['number', 'datetime', 'datetime']);
    expect(second.rows[0]![3]).toBe('2023-12-31T23:00:00.000Z');
  });

  it('buckets by every unit in UTC, with rows lacking a date in their own group first', async () => {
    const ctx = await setup();
    for (const bucket of TIME_BUCKETS) {
      const r = await run(ctx, { x: { field: 'date', bucket }, y: [{ agg: 'count' }, { agg: 'sum', field: 'units' }] });
      const groups = new Map<number | null, Cell[][]>();
      for (const row of ROWS) {
        const t = cell(row, 'date') as number | null;
        const k = t === null ? null : jsBucket(t, bucket as TimeBucket);
        groups.set(k, [...(groups.get(k) ?? []), row]);
      }
      const keys = [...groups.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
      expect(r.rows, bucket).toEqual(keys.map((k) => [k === null ? null : new Date(k).toISOString(), groups.get(k)!.length, oracle(groups.get(k)!, 'sum', 'units')]));
      expect(r.columns[0]).toEqual({ name: 'date', role: 'x', type: 'datetime' });
    }
    // Spot checks against the calendar: the leap day, the ISO week, the quarter's last second.
    const day = await run(ctx, { x: { field: 'date', bucket: 'day' }, y: [{ agg: 'count' }], filters: [{ field: 'date', op: 'between', value: ['2024-02-29', '2024-02-29T23:59:59'] }] });
    expect(day.rows).toEqual([['2024-02-29T00:00:00.000Z', 2]]);
    const week = await run(ctx, { x: { field: 'date', bucket: 'week' }, y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-02-26', to: '2024-03-11' } });
    expect(week.rows).toEqual([
      ['2024-02-26T00:00:00.000Z', 5],
      ['2024-03-04T00:00:00.000Z', 1],
    ]);
    const quarter = await run(ctx, { x: { field: 'date', bucket: 'quarter' }, y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-01-01' } });
    expect(quarter.rows).toEqual([
      ['2024-01-01T00:00:00.000Z', 7],
      ['2024-04-01T00:00:00.000Z', 3],
    ]);
  });

  it('applies every filter operator with type-appropriate values', async () => {
    const ctx = await setup();
    const expectCount = async (f: Filter, pred: (r: Cell[]) => boolean) => expect(await count(ctx, [f]), JSON.stringify(f)).toBe(ROWS.filter(pred).length);
    await expectCount({ field: 'channel', op: 'eq', value: 'web' }, (r) => r[1] === 'web');
    await expectCount({ field: 'region', op: 'neq', value: 'north' }, (r) => r[2] !== 'north'); // keeps the row without a region
    await expectCount({ field: 'revenue', op: 'gt', value: 50 }, (r) => r[3] !== null && (r[3] as number) > 50);
    await expectCount({ field: 'revenue', op: 'gte', value: 50 }, (r) => r[3] !== null && (r[3] as number) >= 50);
    await expectCount({ field: 'units', op: 'lt', value: 2 }, (r) => r[4] !== null && (r[4] as number) < 2);
    await expectCount({ field: 'units', op: 'lte', value: 2 }, (r) => r[4] !== null && (r[4] as number) <= 2);
    await expectCount({ field: 'channel', op: 'in', value: ['store', 'partner'] }, (r) => r[1] === 'store' || r[1] === 'partner');
    await expectCount({ field: 'region', op: 'not_in', value: ['south'] }, (r) => r[2] !== 'south');
    await expectCount({ field: 'note', op: 'contains', value: 'DAY' }, (r) => typeof r[6] === 'string' && r[6].toLowerCase().includes('day'));
    await expectCount({ field: 'revenue', op: 'between', value: [25, 75.25] }, (r) => r[3] !== null && (r[3] as number) >= 25 && (r[3] as number) <= 75.25);
    await expectCount({ field: 'returned', op: 'is_null' }, (r) => r[5] === null);
    await expectCount({ field: 'returned', op: 'not_null' }, (r) => r[5] !== null);
    await expectCount({ field: 'returned', op: 'eq', value: true }, (r) => r[5] === true);
    await expectCount({ field: 'date', op: 'gte', value: '2024-03-01' }, (r) => r[0] !== null && Date.parse(r[0] as string) >= Date.UTC(2024, 2, 1));
    await expectCount({ field: 'date', op: 'lt', value: '2024-03-01T00:00:00+01:00' }, (r) => r[0] !== null && Date.parse(r[0] as string) < Date.UTC(2024, 1, 29, 23));
    await expectCount({ field: 'date', op: 'in', value: ['2024-04-01T00:00:00Z', '2024-03-04T01:00:00Z'] }, (r) => r[0] === '2024-04-01T00:00:00Z' || r[0] === '2024-03-04T01:00:00Z');
    // Several filters all apply.
    expect(await count(ctx, [{ field: 'channel', op: 'eq', value: 'web' }, { field: 'region', op: 'eq', value: 'north' }])).toBe(ROWS.filter((r) => r[1] === 'web' && r[2] === 'north').length);
  });

  it('treats quotes, wildcards and SQL in values as data, and refuses SQL in field names', async () => {
    const ctx = await setup();
    expect(await count(ctx, [{ field: 'channel', op: 'eq', value: "web' OR '1'='1" }])).toBe(0);
    expect(await count(ctx, [{ field: 'note', op: 'eq', value: "O'Brien" }])).toBe(1);
    expect(await count(ctx, [{ field: 'note', op: 'contains', value: '%' }])).toBe(1);
    expect(await count(ctx, [{ field: 'note', op: 'contains', value: '_' }])).toBe(1);
    expect(await count(ctx, [{ field: 'channel', op: 'in', value: ['web); DROP TABLE datasets; --'] }])).toBe(0);
    for (const field of ['channel"; DROP TABLE datasets; --', 'c1', 'rid', '*', 'revenue) FROM sqlite_master --']) {
      await expect(run(ctx, { y: [{ agg: 'sum', field }] }), field).rejects.toMatchObject({ code: 'BAD_INPUT', path: ['query', 'y', 0, 'field'] });
    }
    // The store is intact.
    expect(await count(ctx, [])).toBe(ROWS.length);
    expect(await ctx.svc.dispatcher.call('datasets.list', { workspaceId: ctx.workspaceId })).toHaveLength(1);
  });

  it('answers a missing column with a clear BAD_INPUT naming it, its path and the columns', async () => {
    const ctx = await setup();
    const r = await ctx.svc.dispatcher.dispatch('query.run', { workspaceId: ctx.workspaceId, query: { datasetId: ctx.datasetId, x: { field: 'date', bucket: 'day' }, y: [{ agg: 'sum', field: 'profit' }] } }, { transport: 'test' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.path).toEqual(['query', 'y', 0, 'field']);
    expect(r.error.message).toMatch(/no column "profit".*Available columns: "date", "channel", "region", "revenue", "units", "returned", "note"/);
    expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('counts presets back from the latest timestamp, not from today', async () => {
    const ctx = await setup();
    const dated = ROWS.filter((r) => r[0] !== null).map((r) => Date.parse(r[0] as string));
    const end = Date.UTC(2024, 5, 16); // the day after the latest timestamp (2024-06-15T13:30Z)
    const within = (from: number) => dated.filter((t) => t >= from && t < end).length;
    const day = 86_400_000;
    for (const [preset, from] of [
      ['last_7d', end - 7 * day],
      ['last_30d', end - 30 * day],
      ['last_90d', end - 90 * day],
      ['last_365d', end - 365 * day],
      ['ytd', Date.UTC(2024, 0, 1)],
    ] as const) {
      expect(await count(ctx, [], { dateRange: { preset } }), preset).toBe(within(from));
    }
    expect(await count(ctx, [], { dateRange: { preset: 'all' } })).toBe(ROWS.length);
    expect(await count(ctx, [], { dateRange: { preset: 'custom', from: '2024-03-01', to: '2024-04-01' } })).toBe(dated.filter((t) => t >= Date.UTC(2024, 2, 1) && t < Date.UTC(2024, 3, 1)).length);
  });

  it('groups into series, sorts by x, series or a measure, and limits', async () => {
    const ctx = await setup();
    const bySeries = await run(ctx, { x: { field: 'date', bucket: 'month' }, series: 'channel', y: [{ agg: 'sum', field: 'revenue', as: 'revenue' }], dateRange: { preset: 'ytd' } });
    expect(bySeries.columns.map((c) => [c.name, c.role])).toEqual([
      ['date', 'x'],
      ['channel', 'series'],
      ['revenue', 'y'],
    ]);
    const march = bySeries.rows.filter((r) => r[0] === '2024-03-01T00:00:00.000Z');
    expect(march).toEqual([
      ['2024-03-01T00:00:00.000Z', 'partner', 200],
      ['2024-03-01T00:00:00.000Z', 'store', 75.25],
      ['2024-03-01T00:00:00.000Z', 'web', 40],
    ]);
    const top = await run(ctx, { x: { field: 'channel' }, y: [{ agg: 'sum', field: 'revenue', as: 'total' }], sort: { by: 'total', dir: 'desc' }, limit: 2 });
    expect(top.rows).toEqual([
      ['web', 236.5],
      ['partner', 260],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
    const desc = await run(ctx, { x: { field: 'channel' }, y: [{ agg: 'count' }], sort: { by: 'x', dir: 'desc' } });
    expect(desc.rows.map((r) => r[0])).toEqual(['web', 'store', 'partner']);
    const bySeriesDesc = await run(ctx, { x: { field: 'region' }, series: 'channel', y: [{ agg: 'count' }], sort: { by: 'channel', dir: 'desc' } });
    expect(bySeriesDesc.rows.map((r) => r[1])).toEqual(['web', 'web', 'web', 'store', 'store', 'partner', 'partner']);
    const booleanX = await run(ctx, { x: { field: 'returned' }, y: [{ agg: 'count' }] });
    expect(booleanX.rows).toEqual([
      [null, 1],
      [false, 8],
      [true, 3],
    ]);
  });

  it('applies the dashboard date range and filters, ignoring filters on fields the dataset lacks', async () => {
    const ctx = await setup();
    const dash = await ctx.svc.dispatcher.call('dashboards.create', { workspaceId: ctx.workspaceId, name: 'Board' });
    await ctx.svc.dispatcher.call('dashboards.update', {
      workspaceId: ctx.workspaceId,
      dashboardId: dash.id,
      patch: {
        dateRange: { preset: 'custom', from: '2024-02-01', to: '2024-04-01' },
        filters: [
          { field: 'channel', op: 'eq', value: 'web' },
          { field: 'campaign', op: 'eq', value: 'spring' },
        ],
      },
    });
    const widgetQuery = { x: { field: 'region' }, y: [{ agg: 'count' }], filters: [{ field: 'units', op: 'gte', value: 1 }] };
    const merged = await run(ctx, widgetQuery, dash.id);
    const manual = await run(ctx, { ...widgetQuery, filters: [...widgetQuery.filters, { field: 'channel', op: 'eq', value: 'web' }], dateRange: { preset: 'custom', from: '2024-02-01', to: '2024-04-01' } });
    expect(merged.rows).toEqual(manual.rows);
    expect(merged.rows).toEqual([['north', 2], ['south', 1]]);
    // The widget's own range and the dashboard's both apply (their intersection).
    const both = await run(ctx, { y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-03-01', to: '2024-06-30' } }, dash.id);
    expect(both.rows).toEqual([[2]]);

    const widget = await ctx.svc.dispatcher.call('widgets.create', { workspaceId: ctx.workspaceId, dashboardId: dash.id, widget: { title: 'By region', type: 'bar', query: { datasetId: ctx.datasetId, ...widgetQuery } as never } });
    const data = await ctx.svc.dispatcher.call('widgets.data', { workspaceId: ctx.workspaceId, dashboardId: dash.id, widgetId: widget.id });
    expect(data.rows).toEqual(merged.rows);
    expect(data.kpi).toBeUndefined();
  });

  it('keeps workspaces apart: another workspace’s dataset is NOT_FOUND', async () => {
    const ctx = await setup();
    const { id: other } = await ctx.svc.dispatcher.call('workspaces.create', { name: 'Other' });
    await expect(ctx.svc.dispatcher.call('query.run', { workspaceId: other, query: { datasetId: ctx.datasetId, y: [{ agg: 'count' }] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ctx.svc.dispatcher.call('query.run', { workspaceId: 'nope', query: { datasetId: ctx.datasetId, y: [{ agg: 'count' }] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to save a widget whose query names a missing column', async () => {
    const ctx = await setup();
    const dash = await ctx.svc.dispatcher.call('dashboards.create', { workspaceId: ctx.workspaceId, name: 'Board' });
    await expect(
      ctx.svc.dispatcher.call('widgets.create', { workspaceId: ctx.workspaceId, dashboardId: dash.id, widget: { type: 'line', query: { datasetId: ctx.datasetId, y: [{ agg: 'sum', field: 'profit' }] } } }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', path: ['widget', 'query', 'y', 0, 'field'] });
    const w = await ctx.svc.dispatcher.call('widgets.create', { workspaceId: ctx.workspaceId, dashboardId: dash.id, widget: { type: 'line', query: { datasetId: ctx.datasetId, y: [{ agg: 'count' }] } } });
    await expect(
      ctx.svc.dispatcher.call('widgets.update', { workspaceId: ctx.workspaceId, dashboardId: dash.id, widgetId: w.id, patch: { query: { datasetId: ctx.datasetId, y: [{ agg: 'sum', field: 'channel' }] } } }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', path: ['patch', 'query', 'y', 0, 'agg'] });
    expect((await ctx.svc.dispatcher.call('dashboards.get', { workspaceId: ctx.workspaceId, dashboardId: dash.id })).widgets).toHaveLength(1);
  });
});

describe('datasets without a time column', () => {
  it('refuse a widget date range, ignore the dashboard’s, and still give a KPI value', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'P' });
    const rec = createDataset(svc, workspaceId, 'products', [{ name: 'sku', type: 'text' }, { name: 'price', type: 'number' }], [['a', 1.5], ['b', 2.5], ['c', null]]);
    await expect(svc.dispatcher.call('query.run', { workspaceId, query: { datasetId: rec.id, y: [{ agg: 'count' }], dateRange: { preset: 'last_7d' } } })).rejects.toMatchObject({ code: 'BAD_INPUT', path: ['query', 'dateRange'] });
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'D' });
    await svc.dispatcher.call('dashboards.update', { workspaceId, dashboardId: dash.id, patch: { dateRange: { preset: 'last_30d' }, filters: [{ field: 'region', op: 'eq', value: 'north' }] } });
    const w = await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { type: 'kpi', query: { datasetId: rec.id, y: [{ agg: 'avg', field: 'price' }] } } });
    const data = await svc.dispatcher.call('widgets.data', { workspaceId, dashboardId: dash.id, widgetId: w.id });
    expect(data.source).toBe('table');
    expect(data.rows).toEqual([[2]]);
    expect(data.kpi).toEqual({ value: 2, previous: null, change: null, period: null, previousPeriod: null, sparkline: [], sparklineX: [], sparklineBucket: null });
  });
});

describe('KPI widgets', () => {
  it('return the value, the previous period of the same length and a sparkline', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'K' });
    // 60 days (2024-01-01 … 2024-02-29), value = day number, two rows a day.
    const rows: Cell[][] = [];
    for (let d = 0; d < 60; d++) for (const h of [6, 18]) rows.push([new Date(Date.UTC(2024, 0, 1 + d, h)).toISOString(), 'web', null, d, 1, false, null]);
    const rec = createDataset(svc, workspaceId, 'daily', SALES_COLUMNS, rows);
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'KPIs' });
    const widget = await svc.dispatcher.call('widgets.create', {
      workspaceId,
      dashboardId: dash.id,
      widget: { type: 'kpi', title: 'Revenue', query: { datasetId: rec.id, y: [{ agg: 'sum', field: 'revenue' }], dateRange: { preset: 'last_7d' } } },
    });
    const data = await svc.dispatcher.call('widgets.data', { workspaceId, dashboardId: dash.id, widgetId: widget.id });
    const sumDays = (from: number, to: number) => 2 * Array.from({ length: to - from }, (_, i) => from + i).reduce((a, b) => a + b, 0);
    expect(data.rows).toEqual([[sumDays(53, 60)]]);
    expect(data.kpi).toMatchObject({
      value: sumDays(53, 60),
      previous: sumDays(46, 53),
      period: { from: '2024-02-23T00:00:00.000Z', to: '2024-03-01T00:00:00.000Z' },
      previousPeriod: { from: '2024-02-16T00:00:00.000Z', to: '2024-02-23T00:00:00.000Z' },
      sparklineBucket: 'day',
    });
    expect(data.kpi!.change).toBeCloseTo(sumDays(53, 60) / sumDays(46, 53) - 1, 12);
    expect(data.kpi!.sparkline).toEqual([53, 54, 55, 56, 57, 58, 59].map((d) => 2 * d));
    expect(data.kpi!.sparklineX[0]).toBe('2024-02-23T00:00:00.000Z');

    // A dashboard range narrows the KPI too; "compare: none" drops the comparison.
    await svc.dispatcher.call('dashboards.update', { workspaceId, dashboardId: dash.id, patch: { dateRange: { preset: 'custom', from: '2024-02-27' } } });
    await svc.dispatcher.call('widgets.update', { workspaceId, dashboardId: dash.id, widgetId: widget.id, patch: { options: { compare: 'none' } } });
    const narrowed = await svc.dispatcher.call('widgets.data', { workspaceId, dashboardId: dash.id, widgetId: widget.id });
    expect(narrowed.kpi).toMatchObject({ value: sumDays(57, 60), previous: null, change: null, previousPeriod: null });

    // query.run can ask for the same block (the widget editor's preview).
    const preview = await svc.dispatcher.call('query.run', { workspaceId, query: { datasetId: rec.id, y: [{ agg: 'count' }], dateRange: { preset: 'last_30d' } }, kpi: true });
    expect(preview.kpi).toMatchObject({ value: 60, previous: 60, change: 0 });
  });
});
