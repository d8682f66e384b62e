/**
 * The widget editor's working copy and its conversions to and from the contract's widget shape
 * (pure, unit-tested). A draft always names a dataset; fields that the dataset lacks are dropped
 * when the dataset changes rather than left to fail.
 */
import type { Widget, WidgetOptions, WidgetType } from '../../../../../shared/model/dashboard.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import type { Aggregation, DateRange, Filter, Measure, TimeBucket, WidgetQuery } from '../../../../../shared/model/query.js';

export interface Draft {
  title: string;
  type: WidgetType;
  datasetId: string;
  x: { field: string; bucket?: TimeBucket } | null;
  y: Measure[];
  series: string | null;
  filters: Filter[];
  /** The widget's own date range, applied on top of the dashboard's (both must hold). */
  dateRange: DateRange | null;
  sort: { by: string; dir: 'asc' | 'desc' } | null;
  limit: number | null;
  options: WidgetOptions;
}

/** How many points a chart asks for; longer series are downsampled in main, keeping peaks. */
export const MAX_POINTS: Partial<Record<WidgetType, number>> = { line: 1500, area: 1500, scatter: 3000, bar: 400, heatmap: 3000 };

export const NUMERIC_AGGS: Aggregation[] = ['sum', 'avg', 'min', 'max'];

const isNumeric = (t: string) => t === 'integer' || t === 'number';

/** The bucket that gives a readable number of points for the dataset's time span. */
export function suggestBucket(rowCount: number): TimeBucket {
  if (rowCount > 5000) return 'month';
  if (rowCount > 200) return 'week';
  return 'day';
}

export function defaultAlias(m: Measure): string {
  return m.as ?? (m.field ? `${m.agg}(${m.field})` : `${m.agg}(*)`);
}

/** A sensible first chart for a dataset: its first number summed over its time column by month. */
export function newDraft(ds: DatasetMeta | undefined, type: WidgetType = 'line'): Draft {
  const timeCol = ds?.columns.find((c) => c.name === ds.timeColumn) ?? ds?.columns.find((c) => c.type === 'datetime');
  const num = ds?.columns.find((c) => isNumeric(c.type) && c.name !== timeCol?.name);
  const cat = ds?.columns.find((c) => c.type === 'text');
  const x = timeCol ? { field: timeCol.name, bucket: suggestBucket(ds?.rowCount ?? 0) } : cat ? { field: cat.name } : null;
  return {
    title: '',
    type,
    datasetId: ds?.id ?? '',
    x,
    y: [num ? { agg: 'sum', field: num.name } : { agg: 'count' }],
    series: null,
    filters: [],
    dateRange: null,
    sort: null,
    limit: null,
    options: {},
  };
}

export function fromWidget(w: Pick<Widget, 'title' | 'type' | 'query' | 'options'>): Draft {
  const q = w.query;
  return {
    title: w.title,
    type: w.type,
    datasetId: q.datasetId,
    x: q.x ? { field: q.x.field, ...(q.x.bucket ? { bucket: q.x.bucket } : {}) } : null,
    y: q.y.map((m) => ({ ...m })),
    series: q.series ?? null,
    filters: [...(q.filters ?? [])],
    dateRange: q.dateRange ? { ...q.dateRange } : null,
    sort: q.sort ? { by: q.sort.by, dir: q.sort.dir ?? 'asc' } : null,
    limit: q.limit ?? null,
    options: { ...w.options },
  };
}

export function toQuery(d: Draft): WidgetQuery {
  const q: WidgetQuery = { datasetId: d.datasetId, y: d.y.map((m) => (m.agg === 'count' && !m.field ? { agg: 'count', ...(m.as ? { as: m.as } : {}) } : m)), filters: d.filters };
  // A KPI is one number over the period (main adds the comparison and the sparkline): no x, no series.
  if (d.x && d.type !== 'kpi') q.x = { field: d.x.field, ...(d.x.bucket ? { bucket: d.x.bucket } : {}) };
  if (d.series && d.type !== 'kpi') q.series = d.series;
  if (d.dateRange && (d.dateRange.preset !== 'all' || d.dateRange.from || d.dateRange.to)) q.dateRange = d.dateRange;
  if (d.sort) q.sort = d.sort;
  if (d.limit) q.limit = d.limit;
  const mp = MAX_POINTS[d.type];
  if (mp) q.maxPoints = mp;
  return q;
}

export function toWidgetDraft(d: Draft): { title: string; type: WidgetType; query: WidgetQuery; options: WidgetOptions } {
  return { title: d.title.trim(), type: d.type, query: toQuery(d), options: cleanOptions(d) };
}

/** Only the options that mean something for the chosen type are saved. */
export function cleanOptions(d: Draft): WidgetOptions {
  const o = d.options;
  const out: WidgetOptions = {};
  if (o.format) out.format = o.format;
  if (o.color) out.color = o.color;
  if ((d.type === 'bar' || d.type === 'area' || d.type === 'line') && o.stacked) out.stacked = true;
  if (d.type === 'bar' && o.horizontal) out.horizontal = true;
  if (d.type === 'pie' && o.donut) out.donut = true;
  if (d.type === 'kpi') out.compare = o.compare ?? 'previous_period';
  return out;
}

/** Switches dataset, keeping every field the new dataset also has. */
export function withDataset(d: Draft, ds: DatasetMeta): Draft {
  const has = (name: string | undefined | null) => !!name && ds.columns.some((c) => c.name === name);
  const fresh = newDraft(ds, d.type);
  const y = d.y.filter((m) => !m.field || has(m.field));
  return {
    ...d,
    datasetId: ds.id,
    x: d.x && has(d.x.field) ? d.x : fresh.x,
    y: y.length ? y : fresh.y,
    series: has(d.series) ? d.series : null,
    filters: d.filters.filter((f) => has(f.field)),
    sort: null,
  };
}

/** Problems the editor can see before asking main, keyed by the same paths main's errors use. */
export function checkDraft(d: Draft, ds: DatasetMeta | undefined): Record<string, string> {
  const err: Record<string, string> = {};
  if (!ds) {
    err.datasetId = 'Choose a dataset';
    return err;
  }
  const col = (name: string) => ds.columns.find((c) => c.name === name);
  if (d.x?.bucket && col(d.x.field)?.type !== 'datetime') err['x.bucket'] = 'A time bucket needs a date/time field';
  d.y.forEach((m, i) => {
    if (!m.field && m.agg !== 'count') err[`y.${i}.field`] = 'Choose a field to aggregate';
    const t = m.field ? col(m.field)?.type : undefined;
    if (m.field && (m.agg === 'sum' || m.agg === 'avg') && t && !isNumeric(t) && t !== 'boolean') err[`y.${i}.agg`] = `${m.agg === 'sum' ? 'Sum' : 'Average'} needs a numeric field; “${m.field}” is ${t}`;
  });
  if ((d.type === 'heatmap' || d.type === 'scatter' || d.type === 'line' || d.type === 'area' || d.type === 'bar') && !d.x) err['x.field'] = 'Choose what goes along the x axis';
  if (d.type === 'heatmap' && !d.series) err.series = 'A heatmap needs a second field for its rows';
  return err;
}
