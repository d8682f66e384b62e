/**
 * Answers a resolved query from the day rollup when that gives exactly what a table scan would:
 * buckets of a day or longer on the rollup's time column (or x on a dimension), series and filters on
 * dimensions only, a date range on whole UTC days, and aggregates that re-aggregate from partials
 * (SUM, COUNT, MIN, MAX, AVG = ΣSUM / ΣCOUNT; COUNT DISTINCT, MIN, MAX of a dimension). Anything
 * else — hour buckets, COUNT DISTINCT of a measure, a filter on a measure — is left to the table scan.
 */
import { filterSql } from '../filters.js';
import { assembleSelect } from '../sql.js';
import { bucketSql, isDayAligned } from '../time.js';
import type { CompiledQuery, ResolvedMeasure, ResolvedQuery } from '../types.js';
import { ident } from '../../store/datasets-repo.js';
import { rcol, rollupTable, type RollupSpec } from './spec.js';

/** Why the rollup cannot answer, or null when it can. */
export function rollupRefusal(q: ResolvedQuery, spec: RollupSpec): string | null {
  const isDim = (key: string) => spec.dims.includes(key);
  const isMeasure = (key: string) => spec.measures.includes(key);
  if (q.x) {
    const onTime = q.x.column.key === spec.timeKey && q.x.bucket !== undefined && q.x.bucket !== 'hour';
    const onDim = isDim(q.x.column.key) && !q.x.bucket;
    if (!onTime && !onDim) return `x "${q.x.column.name}"${q.x.bucket ? ` by ${q.x.bucket}` : ''} is not in the day rollup`;
  }
  if (q.series && !isDim(q.series.key)) return `series "${q.series.name}" is not a rollup dimension`;
  for (const f of q.filters) if (!isDim(f.column.key)) return `filter on "${f.column.name}" is not on a rollup dimension`;
  if (q.range) {
    if (q.range.column.key !== spec.timeKey) return 'the date range is on another column';
    if ((q.range.from !== null && !isDayAligned(q.range.from)) || (q.range.to !== null && !isDayAligned(q.range.to))) return 'the date range does not start and end on whole UTC days';
  }
  for (const m of q.measures) {
    if (!m.column) continue;
    const key = m.column.key;
    const ok = m.agg === 'count_distinct' ? isDim(key) : m.agg === 'sum' || m.agg === 'avg' ? isMeasure(key) : isMeasure(key) || isDim(key);
    if (!ok) return `${m.agg}(${m.column.name}) cannot be re-aggregated from the day rollup`;
  }
  return null;
}

function measureSql(m: ResolvedMeasure, spec: RollupSpec): string {
  // COALESCE: with no GROUP BY and no matching rows, COUNT gives 0 where SUM gives NULL.
  if (!m.column) return 'COALESCE(SUM(n), 0)';
  const key = m.column.key;
  const part = (a: 'sum' | 'cnt' | 'min' | 'max') => rcol(`${key}_${a}`);
  const measure = spec.measures.includes(key);
  switch (m.agg) {
    case 'sum':
      return `SUM(${part('sum')})`;
    case 'avg':
      // Dividing by zero gives NULL in SQLite, as AVG of no values does.
      return `(SUM(${part('sum')}) * 1.0 / SUM(${part('cnt')}))`;
    case 'count':
      return measure ? `COALESCE(SUM(${part('cnt')}), 0)` : `COALESCE(SUM(CASE WHEN ${rcol(key)} IS NOT NULL THEN n ELSE 0 END), 0)`;
    case 'count_distinct':
      return `COUNT(DISTINCT ${rcol(key)})`;
    case 'min':
      return measure ? `MIN(${part('min')})` : `MIN(${rcol(key)})`;
    case 'max':
      return measure ? `MAX(${part('max')})` : `MAX(${rcol(key)})`;
  }
}

/** Call only when rollupRefusal(q, spec) is null. */
export function compileRollup(q: ResolvedQuery, spec: RollupSpec): CompiledQuery {
  const params: (number | string)[] = [];
  const where: string[] = [];
  if (q.range?.from != null) {
    where.push('day >= ?');
    params.push(q.range.from);
  }
  if (q.range?.to != null) {
    where.push('day < ?');
    params.push(q.range.to);
  }
  for (const f of q.filters) where.push(filterSql(rcol(f.column.key), f, params));
  let x: string | undefined;
  if (q.x) x = q.x.bucket ? (q.x.bucket === 'day' ? 'day' : bucketSql('day', q.x.bucket)) : rcol(q.x.column.key);
  const { sql, params: all } = assembleSelect(q, {
    from: ident(rollupTable(q.dataset)),
    ...(x !== undefined ? { x } : {}),
    ...(q.series ? { series: rcol(q.series.key) } : {}),
    measures: q.measures.map((m) => measureSql(m, spec)),
    where,
    params,
  });
  return { sql, params: all, source: 'rollup' };
}
