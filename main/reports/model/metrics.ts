/**
 * Template variables for numbers: {{metric.revenue.total}}, {{metric.orders.changePct}} … Each measure
 * of each widget becomes a metric reachable under several keys (its field, "agg_field", the widget's
 * title), the first widget to claim a key keeps it, so {{metric.revenue.total}} means the first widget
 * measuring revenue.
 */
import type { Aggregation } from '../../../shared/model/query.js';
import { formatChangePct, formatNumber } from './format.js';
import type { Metric, WidgetData } from './types.js';
import { measureColumns, xColumn } from './widget-data.js';

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function combine(values: number[], agg: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (agg) {
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    default:
      return values.reduce((a, b) => a + b, 0);
  }
}

export interface Points {
  /** The x values (ISO dates for time series) in row order, one per point. */
  xs: string[];
  values: number[];
  /** The last time bucket is not over yet (a week or month still running when the data ends). */
  partialLast: boolean;
}

const BUCKET_MONTHS: Partial<Record<NonNullable<WidgetData['bucket']>, number>> = { month: 1, quarter: 3, year: 12 };

function bucketEndMs(iso: string, bucket: WidgetData['bucket']): number | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || !bucket) return null;
  if (bucket === 'week') return d.getTime() + 7 * 86_400_000;
  if (bucket === 'day') return d.getTime() + 86_400_000;
  if (bucket === 'hour') return d.getTime() + 3_600_000;
  const months = BUCKET_MONTHS[bucket]!;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/**
 * One value per x (series combined per the measure's aggregation), in row order; all rows when there
 * is no x. `dataEnd` (exclusive, ms) is where the data stops, to tell an unfinished last bucket.
 */
export function pointsByX(w: WidgetData, column: number, agg: Aggregation, dataEnd: number | null = null): Points {
  const xi = xColumn(w);
  if (xi < 0) {
    const values = w.rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
    return { xs: values.map(() => ''), values, partialLast: false };
  }
  const groups = new Map<string, number[]>();
  for (const r of w.rows) {
    const v = r[column];
    if (typeof v !== 'number') continue;
    const k = String(r[xi]);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(v);
  }
  const how = agg === 'avg' || agg === 'min' || agg === 'max' ? agg : 'sum';
  const xs = [...groups.keys()];
  const values = [...groups.values()].map((g) => combine(g, how)!);
  const lastEnd = w.timeSeries && xs.length > 1 && w.bucket && w.bucket !== 'day' && w.bucket !== 'hour' ? bucketEndMs(xs[xs.length - 1]!, w.bucket) : null;
  return { xs, values, partialLast: dataEnd !== null && lastEnd !== null && lastEnd > dataEnd + 1000 };
}

/** Where the report's data ends (exclusive): the KPI period end, else the day after the latest daily point. */
export function dataEndOf(widgets: WidgetData[]): number | null {
  let end: number | null = null;
  for (const w of widgets) {
    const to = w.kpi?.period?.to ? Date.parse(w.kpi.period.to) : NaN;
    if (Number.isFinite(to)) end = Math.max(end ?? 0, to);
    const xi = xColumn(w);
    if (w.timeSeries && (w.bucket === 'day' || w.bucket === 'hour') && xi >= 0)
      for (const r of w.rows) {
        const e = bucketEndMs(String(r[xi]), w.bucket);
        if (e !== null) end = Math.max(end ?? 0, e);
      }
  }
  return end;
}

function metricOf(w: WidgetData, column: number, key: string, dataEnd: number | null): Metric {
  const info = w.measures.find((m) => m.name === w.columns[column]!.name);
  const agg = info?.agg ?? 'sum';
  const format = w.options.format ?? 'number';
  const label = w.measures.length > 1 ? `${w.title}: ${info?.field ?? w.columns[column]!.name}` : w.title;
  let total: number | null;
  let last: number | null = null;
  let previous: number | null = null;
  const points = pointsByX(w, column, agg, dataEnd);
  const values = points.values;
  // An unfinished last bucket would compare half a month with a whole one: changes use complete buckets.
  const complete = points.partialLast ? values.slice(0, -1) : values;
  if (w.kpi && column === measureColumns(w)[0]) {
    total = w.kpi.value;
    last = w.kpi.value;
    previous = w.kpi.previous;
  } else {
    total = combine(values, agg);
    if (w.timeSeries && complete.length > 0) {
      last = complete[complete.length - 1]!;
      previous = complete.length > 1 ? complete[complete.length - 2]! : null;
    } else if (values.length === 1) {
      last = values[0]!;
    }
  }
  const change = last !== null && previous !== null ? last - previous : null;
  const changePct = change !== null && previous ? (change / Math.abs(previous)) * 100 : w.kpi && column === measureColumns(w)[0] && w.kpi.change !== null ? w.kpi.change * 100 : null;
  return {
    key,
    label,
    widgetId: w.id,
    measure: w.columns[column]!.name,
    format,
    total,
    last,
    previous,
    change,
    changePct,
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
    avg: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    count: values.length,
    partialLast: points.partialLast,
    totalText: formatNumber(total, format),
    lastText: formatNumber(last, format),
    changePctText: formatChangePct(changePct),
  };
}

export function computeMetrics(widgets: WidgetData[], dataEnd: number | null = dataEndOf(widgets)): Record<string, Metric> {
  const out: Record<string, Metric> = {};
  for (const w of widgets) {
    if (w.error) continue;
    const cols = measureColumns(w);
    for (const c of cols) {
      const info = w.measures.find((m) => m.name === w.columns[c]!.name);
      const keys = [
        info?.field ? slug(info.field) : '',
        slug(w.columns[c]!.name),
        info ? slug(`${info.agg}_${info.field ?? 'all'}`) : '',
        cols.length === 1 ? slug(w.title) : slug(`${w.title}_${info?.field ?? w.columns[c]!.name}`),
      ].filter((k) => k.length > 0);
      const metric = metricOf(w, c, keys[0] ?? slug(w.title), dataEnd);
      for (const k of keys) if (!(k in out)) out[k] = { ...metric, key: k };
    }
  }
  return out;
}
