/**
 * Compiles a widget query to parameterised SQL over the dataset's own table (the table-scan plan).
 * Identifiers come only from the dataset record (ds_<hex>, c0…cN via ident()); every value is a
 * bound parameter. The rollup plan (rollup/compile.ts) produces the same result shape from the
 * pre-aggregated day table when it can.
 */
import type { WidgetQueryParsed } from '../../shared/model/query.js';
import { ident, type DatasetRecord } from '../store/datasets-repo.js';
import { filterSql } from './filters.js';
import { resolveQuery, type ResolveOptions } from './resolve.js';
import { assembleSelect } from './sql.js';
import { bucketSql } from './time.js';
import type { CompiledQuery, ResolvedMeasure, ResolvedQuery } from './types.js';

export interface TableScanOptions {
  /**
   * false turns off the time index for the range condition. SQLite assumes a range on an indexed
   * column is selective and walks the index, fetching rows one by one; for a range covering most of
   * the table that is about twice as slow as a plain scan, so the planner turns it off for wide ranges.
   */
  useTimeIndex?: boolean;
}

function measureSql(m: ResolvedMeasure): string {
  if (!m.column) return 'COUNT(*)';
  const c = ident(m.column.key);
  switch (m.agg) {
    case 'count':
      return `COUNT(${c})`;
    case 'count_distinct':
      return `COUNT(DISTINCT ${c})`;
    case 'sum':
      return `SUM(${c})`;
    case 'avg':
      return `AVG(${c})`;
    case 'min':
      return `MIN(${c})`;
    case 'max':
      return `MAX(${c})`;
  }
}

export function compileTableScan(q: ResolvedQuery, opts: TableScanOptions = {}): CompiledQuery {
  const params: (number | string)[] = [];
  const where: string[] = [];
  if (q.range) {
    // Unary + keeps the column's value but hides it from the index planner.
    const c = `${opts.useTimeIndex === false ? '+' : ''}${ident(q.range.column.key)}`;
    if (q.range.from !== null) {
      where.push(`${c} >= ?`);
      params.push(q.range.from);
    }
    if (q.range.to !== null) {
      where.push(`${c} < ?`);
      params.push(q.range.to);
    }
  }
  for (const f of q.filters) where.push(filterSql(ident(f.column.key), f, params));
  const x = q.x ? (q.x.bucket ? bucketSql(ident(q.x.column.key), q.x.bucket) : ident(q.x.column.key)) : undefined;
  const { sql, params: all } = assembleSelect(q, {
    from: ident(q.dataset.tableName),
    ...(x !== undefined ? { x } : {}),
    ...(q.series ? { series: ident(q.series.key) } : {}),
    measures: q.measures.map(measureSql),
    where,
    params,
  });
  return { sql, params: all, source: 'table' };
}

/** A widget query straight to table-scan SQL (what tests and tools inspect); the engine also considers rollups. */
export function compileWidgetQuery(q: WidgetQueryParsed, rec: DatasetRecord, opts: ResolveOptions & TableScanOptions = {}): CompiledQuery & { resolved: ResolvedQuery } {
  const resolved = resolveQuery(q, rec, opts);
  return { ...compileTableScan(resolved, opts), resolved };
}
