/**
 * Checks a widget query against its dataset and resolves it into the engine's intermediate form
 * (types.ts). Every user-supplied name is looked up in the dataset's column map; an unknown one is a
 * BAD_INPUT that names the field, where in the query it was, and the columns that exist.
 *
 * A dashboard's date range and filters apply to every widget, but a dashboard spans datasets: a
 * dashboard filter on a field this dataset lacks, or a date range on a dataset without a time column,
 * is ignored rather than an error.
 */
import type { DatasetColumn } from '../../shared/model/dataset.js';
import type { DateRange, Filter, Measure, WidgetQueryParsed } from '../../shared/model/query.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import { intersect, resolveDateRange, type Bounds } from './date-range.js';
import { badInput, findColumn, requireColumn, type QueryPath } from './fields.js';
import { resolveFilter } from './filters.js';
import type { ColumnRef, ResolvedMeasure, ResolvedQuery, ResultType, SortTarget } from './types.js';

export interface DashboardScope {
  dateRange?: DateRange;
  filters?: Filter[];
}

export interface ResolveOptions {
  /** The latest timestamp in a datetime column; asked only when a preset needs it. */
  latest?: (column: ColumnRef) => number | null;
  dashboard?: DashboardScope;
  /** Where the query sits in the caller's input, for error paths (default ['query']). */
  path?: QueryPath;
}

const NUMERIC = new Set<DatasetColumn['type']>(['integer', 'number', 'boolean']);

export function defaultAlias(m: Measure): string {
  return m.field ? `${m.agg}(${m.field})` : `${m.agg}(*)`;
}

function resolveMeasure(rec: DatasetRecord, m: Measure, path: QueryPath): ResolvedMeasure {
  const alias = m.as ?? defaultAlias(m);
  if (!m.field) {
    if (m.agg !== 'count') throw badInput(`${m.agg.toUpperCase()} needs a field; only COUNT may count rows without one`, [...path, 'field']);
    return { agg: 'count', column: null, alias, type: 'integer' };
  }
  const col = requireColumn(rec, m.field, [...path, 'field']);
  const numericOnly = (type: ResultType): ResolvedMeasure => {
    if (!NUMERIC.has(col.type)) throw badInput(`${m.agg.toUpperCase()} needs a numeric column; "${col.name}" is ${col.type}`, [...path, 'agg'], { field: col.name, type: col.type });
    return { agg: m.agg, column: col, alias, type };
  };
  switch (m.agg) {
    case 'sum':
      return numericOnly(col.type === 'number' ? 'number' : 'integer');
    case 'avg':
      return numericOnly('number');
    case 'count':
    case 'count_distinct':
      return { agg: m.agg, column: col, alias, type: 'integer' };
    case 'min':
    case 'max':
      return { agg: m.agg, column: col, alias, type: col.type };
  }
}

/** The column date ranges apply to: the dataset's time column, else the x axis when it is a datetime. */
export function rangeColumn(rec: DatasetRecord, x?: ResolvedQuery['x']): ColumnRef | undefined {
  const time = rec.timeColumn ? findColumn(rec, rec.timeColumn) : undefined;
  if (time?.type === 'datetime') return time;
  if (x?.column.type === 'datetime') return x.column;
  return rec.columns.find((c) => c.type === 'datetime');
}

export function resolveQuery(q: WidgetQueryParsed, rec: DatasetRecord, opts: ResolveOptions = {}): ResolvedQuery {
  const base = opts.path ?? ['query'];

  let x: ResolvedQuery['x'];
  if (q.x) {
    const column = requireColumn(rec, q.x.field, [...base, 'x', 'field']);
    if (q.x.bucket && column.type !== 'datetime') throw badInput(`A time bucket needs a datetime column; "${column.name}" is ${column.type}`, [...base, 'x', 'bucket'], { field: column.name });
    x = q.x.bucket ? { column, bucket: q.x.bucket } : { column };
  }
  const series = q.series ? requireColumn(rec, q.series, [...base, 'series']) : undefined;

  const measures = q.y.map((m, i) => resolveMeasure(rec, m, [...base, 'y', i]));
  const aliases = new Set<string>();
  measures.forEach((m, i) => {
    if (aliases.has(m.alias)) throw badInput(`Two measures are both named "${m.alias}"; give one another name with "as"`, [...base, 'y', i, 'as']);
    aliases.add(m.alias);
  });

  const filters = q.filters.map((f, i) => resolveFilter(requireColumn(rec, f.field, [...base, 'filters', i, 'field']), f, [...base, 'filters', i]));
  (opts.dashboard?.filters ?? []).forEach((f, i) => {
    const col = findColumn(rec, f.field);
    if (col) filters.push(resolveFilter(col, f, ['dashboard', 'filters', i]));
  });

  const timeCol = rangeColumn(rec, x);
  const latest = () => (timeCol && opts.latest ? opts.latest(timeCol) : null);
  let bounds: Bounds | null = null;
  if (q.dateRange) {
    const own = timeCol ? resolveDateRange(q.dateRange, latest, [...base, 'dateRange']) : null;
    const constrains = !['all', 'custom'].includes(q.dateRange.preset ?? 'all') || !!q.dateRange.from || !!q.dateRange.to;
    if (!timeCol && constrains)
      throw badInput(`Dataset "${rec.name}" has no datetime column, so a date range cannot apply`, [...base, 'dateRange']);
    bounds = own;
  }
  if (opts.dashboard?.dateRange && timeCol) bounds = intersect(bounds, resolveDateRange(opts.dashboard.dateRange, latest, ['dashboard', 'dateRange']));

  return {
    dataset: rec,
    ...(x ? { x } : {}),
    ...(series ? { series } : {}),
    measures,
    filters,
    range: bounds && timeCol ? { column: timeCol, ...bounds } : null,
    sort: q.sort ? { target: resolveSort(q.sort.by, x, series, measures, [...base, 'sort', 'by']), dir: q.sort.dir } : null,
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
    ...(q.maxPoints !== undefined ? { maxPoints: q.maxPoints } : {}),
  };
}

/** Sort by "x" or the x field, "series" or the series field, or a measure's name. */
function resolveSort(by: string, x: ResolvedQuery['x'], series: ColumnRef | undefined, measures: ResolvedMeasure[], path: QueryPath): SortTarget {
  const m = measures.findIndex((mm) => mm.alias === by);
  if (m >= 0) return { kind: 'measure', index: m };
  if (x && (by === 'x' || by === x.column.name)) return { kind: 'x' };
  if (series && (by === 'series' || by === series.name)) return { kind: 'series' };
  const options = [...(x ? ['x', x.column.name] : []), ...(series ? ['series', series.name] : []), ...measures.map((mm) => mm.alias)];
  throw badInput(`Cannot sort by "${by}": sort by one of ${options.map((o) => `"${o}"`).join(', ')}`, path, { field: by, available: options });
}
