/**
 * A report model built from fixture widget data (no query engine involved): monthly revenue over two
 * years with a spike in the last month, orders by region and quarter, channel shares, a KPI and a
 * table. Values come from a seeded generator, so every run sees the same numbers.
 */
import type { Widget } from '../../../shared/model/dashboard.js';
import type { QueryResult } from '../../../shared/model/query.js';
import { Report, type ReportTemplate } from '../../../shared/model/report.js';
import { buildReportModel } from '../../../main/reports/model/build-model.js';
import type { ReportModel, WidgetData } from '../../../main/reports/model/types.js';
import { toWidgetData } from '../../../main/reports/model/widget-data.js';
import { TemplateEngine } from '../../../main/reports/templates/handlebars.js';
import { loadBuiltinTemplates } from '../../../main/reports/templates/builtin.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const result = (columns: QueryResult['columns'], rows: QueryResult['rows'], kpi?: QueryResult['kpi']): QueryResult => ({ columns, rows, source: 'table', elapsedMs: 1, ...(kpi ? { kpi } : {}) });
const widget = (id: string, title: string, type: Widget['type'], y: Widget['query']['y'], extra: Partial<Widget['query']> = {}, options: Widget['options'] = {}): Widget => ({
  id,
  dashboardId: 'd1',
  title,
  type,
  query: { datasetId: 'ds', y, filters: [], ...extra },
  options,
});

export const MONTHS = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2024, i, 1)).toISOString());

export function fixtureWidgets(): WidgetData[] {
  const r = rng(42);
  const revenue = MONTHS.map((_, i) => Math.round(40_000 + i * 900 + r() * 3000));
  revenue[revenue.length - 1] = 98_765; // an unmistakable spike in the last month
  const total = revenue.reduce((a, b) => a + b, 0);
  const regions = ['North', 'South', 'East', 'West'];
  const quarters = ['2025-01-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z', '2025-10-01T00:00:00.000Z'];
  const products = Array.from({ length: 30 }, (_, i) => [`Product ${String.fromCharCode(65 + (i % 26))}${i}`, Math.round(500 + r() * 5000), Math.round(10 + r() * 200)]);
  return [
    toWidgetData(
      widget('w-kpi', 'Total revenue', 'kpi', [{ agg: 'sum', field: 'revenue' }], {}, { format: 'currency' }),
      result([{ name: 'sum(revenue)', role: 'y', type: 'number' }], [[total]], {
        value: total,
        previous: 900_000,
        change: (total - 900_000) / 900_000,
        period: { from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
        previousPeriod: { from: '2022-01-01T00:00:00.000Z', to: '2024-01-01T00:00:00.000Z' },
        sparkline: revenue,
        sparklineX: MONTHS,
        sparklineBucket: 'month',
      }),
    ),
    toWidgetData(
      widget('w-line', 'Monthly revenue', 'line', [{ agg: 'sum', field: 'revenue' }], { x: { field: 'date', bucket: 'month' } }, { format: 'currency' }),
      result(
        [
          { name: 'date', role: 'x', type: 'datetime' },
          { name: 'sum(revenue)', role: 'y', type: 'number' },
        ],
        MONTHS.map((m, i) => [m, revenue[i]!]),
      ),
    ),
    toWidgetData(
      widget('w-bar', 'Orders by region', 'bar', [{ agg: 'count' }], { x: { field: 'date', bucket: 'quarter' }, series: 'region' }, { stacked: true }),
      result(
        [
          { name: 'date', role: 'x', type: 'datetime' },
          { name: 'region', role: 'series', type: 'text' },
          { name: 'count(*)', role: 'y', type: 'integer' },
        ],
        quarters.flatMap((q) => regions.map((g) => [q, g, Math.round(200 + r() * 400)])),
      ),
    ),
    toWidgetData(
      widget('w-pie', 'Revenue by channel', 'pie', [{ agg: 'sum', field: 'revenue' }], { x: { field: 'channel' } }, { donut: true }),
      result(
        [
          { name: 'channel', role: 'x', type: 'text' },
          { name: 'sum(revenue)', role: 'y', type: 'number' },
        ],
        [
          ['Web', 520_000],
          ['Retail', 310_000],
          ['Partners', 170_000],
        ],
      ),
    ),
    toWidgetData(
      widget('w-table', 'Top products', 'table', [
        { agg: 'sum', field: 'revenue' },
        { agg: 'sum', field: 'units' },
      ], { x: { field: 'product' } }),
      result(
        [
          { name: 'product', role: 'x', type: 'text' },
          { name: 'sum(revenue)', role: 'y', type: 'number' },
          { name: 'sum(units)', role: 'y', type: 'number' },
        ],
        products,
      ),
    ),
  ];
}

export const engine = new TemplateEngine();
export const builtins = loadBuiltinTemplates();

export function template(id: string): ReportTemplate {
  const t = builtins.find((b) => b.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

export function fixtureReport(over: Partial<Parameters<typeof Report.parse>[0]> = {}) {
  return Report.parse({ id: 'r1', name: 'Sales overview', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', content: { dashboardId: 'd1' }, comments: 'Strong quarter overall.\n\nWatch the December spike.', ...over });
}

export function fixtureModel(templateId = 'builtin:detailed-analytics', widgets = fixtureWidgets(), over: Parameters<typeof fixtureReport>[0] = {}): ReportModel {
  const r = fixtureReport(over);
  return buildReportModel({
    report: { ...r, dateRange: r.data.dateRange },
    template: template(templateId),
    dashboardName: 'Sales',
    workspaceName: 'Acme',
    widgets,
    generatedAt: new Date('2026-01-05T08:00:00Z'),
    engine,
  });
}
