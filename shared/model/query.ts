import { z } from 'zod';

export const AGGREGATIONS = ['sum', 'avg', 'count', 'count_distinct', 'min', 'max'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

export const TIME_BUCKETS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export const TimeBucket = z.enum(TIME_BUCKETS);
export type TimeBucket = z.infer<typeof TimeBucket>;

export const FILTER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'between', 'is_null', 'not_null'] as const;
export const FilterOp = z.enum(FILTER_OPS);
export type FilterOp = z.infer<typeof FilterOp>;

export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof Scalar>;

export const Filter = z.object({
  field: z.string().min(1),
  op: FilterOp,
  value: z.union([Scalar, z.array(Scalar)]).optional(),
});
export type Filter = z.infer<typeof Filter>;

/** Absolute ISO bounds or a preset relative to the dataset's latest timestamp (offline data is often old). */
export const DateRange = z.object({
  preset: z.enum(['all', 'last_7d', 'last_30d', 'last_90d', 'last_365d', 'ytd', 'custom']).default('all'),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type DateRange = z.infer<typeof DateRange>;

export const Measure = z.object({
  /** Omitted only for COUNT(*). */
  field: z.string().min(1).optional(),
  agg: Aggregation,
  /** Result column name; defaults to "agg(field)". */
  as: z.string().min(1).max(80).optional(),
});
export type Measure = z.infer<typeof Measure>;

export const WidgetQuery = z.object({
  datasetId: z.string().min(1),
  /** The x axis / grouping dimension; with a bucket it must be a datetime column. */
  x: z.object({ field: z.string().min(1), bucket: TimeBucket.optional() }).optional(),
  y: z.array(Measure).min(1).max(12),
  /** A second grouping that splits the result into series. */
  series: z.string().min(1).optional(),
  filters: z.array(Filter).max(32).default([]),
  dateRange: DateRange.optional(),
  sort: z.object({ by: z.string().min(1), dir: z.enum(['asc', 'desc']).default('asc') }).optional(),
  limit: z.number().int().positive().max(1_000_000).optional(),
  /** The most points per series the chart can show; longer series are downsampled keeping peaks. */
  maxPoints: z.number().int().min(3).max(100_000).optional(),
});
export type WidgetQuery = z.input<typeof WidgetQuery>;
export type WidgetQueryParsed = z.output<typeof WidgetQuery>;

const Period = z.object({ from: z.string(), to: z.string() });

/**
 * KPI cards (widgets.data for a widget of type "kpi", or query.run with kpi: true): the first measure
 * over the widget's effective date range, the same measure over the period of the same length
 * immediately before it, and a sparkline across the current period. Periods are [from, to) in UTC.
 * Without a date range the period is the dataset's whole span (whole UTC days), so the previous
 * period usually holds no rows. KPIs are numbers: a measure that is not (MIN of a text column) gives
 * null here, while `rows` still hold it. `previous`, `change` and `previousPeriod` are null when the
 * widget asks for no comparison (options.compare "none") or there is nothing to compare.
 */
export const KpiSummary = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** (value − previous) / |previous|; null when either is missing or previous is 0. */
  change: z.number().nullable(),
  /** null when the dataset has no time column or no timestamps. */
  period: Period.nullable(),
  previousPeriod: Period.nullable(),
  /** The measure per bucket across the current period, oldest first … */
  sparkline: z.array(z.number().nullable()),
  /** … and each bucket's start as an ISO string (same length as sparkline). */
  sparklineX: z.array(z.string()),
  sparklineBucket: TimeBucket.nullable(),
});
export type KpiSummary = z.infer<typeof KpiSummary>;

export const QueryResult = z.object({
  columns: z.array(z.object({ name: z.string(), role: z.enum(['x', 'series', 'y']), type: z.string() })),
  rows: z.array(z.array(Scalar)),
  /** Set when rows were reduced for display. */
  downsampled: z.object({ method: z.enum(['lttb', 'minmax']), from: z.number(), to: z.number() }).optional(),
  /** Where the answer came from: the raw table or a pre-aggregated rollup. */
  source: z.enum(['table', 'rollup']),
  elapsedMs: z.number(),
  /** Present for KPI widgets; see KpiSummary. */
  kpi: KpiSummary.optional(),
});
export type QueryResult = z.infer<typeof QueryResult>;
