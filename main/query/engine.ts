/**
 * The widget query engine: resolve (check fields and types) → plan (rollup or table scan) → run in
 * SQLite → decode stored values (epoch ms → ISO strings, 0/1 → booleans) → downsample long series.
 */
import type { QueryResult, Scalar, WidgetQueryParsed } from '../../shared/model/query.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';
import { downsampleRows } from './downsample-rows.js';
import type { QueryPath } from './fields.js';
import { planQuery, timeBounds } from './plan.js';
import { resolveQuery, type DashboardScope } from './resolve.js';
import { toIso } from './time.js';
import type { ColumnRef, ResolvedQuery, ResultType } from './types.js';

export type ResultColumn = QueryResult['columns'][number];

export interface RunOptions {
  /** false forces a table scan (tests compare both plans). */
  allowRollup?: boolean;
}

function decode(v: unknown, type: ResultType): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') v = Number(v);
  if (type === 'datetime') return toIso(Number(v));
  if (type === 'boolean') return Number(v) !== 0;
  return v as Scalar;
}

export function resultColumns(q: ResolvedQuery): ResultColumn[] {
  const cols: ResultColumn[] = [];
  if (q.x) cols.push({ name: q.x.column.name, role: 'x', type: q.x.bucket ? 'datetime' : q.x.column.type });
  if (q.series) cols.push({ name: q.series.name, role: 'series', type: q.series.type });
  for (const m of q.measures) cols.push({ name: m.alias, role: 'y', type: m.type });
  return cols;
}

export class QueryEngine {
  constructor(private readonly db: Db) {}

  /** The earliest and latest value of a datetime column (index lookups when it is the time column). */
  span(rec: DatasetRecord, column: ColumnRef): { min: number | null; max: number | null } {
    return timeBounds(this.db, rec.tableName, column.key);
  }

  latest(rec: DatasetRecord, column: ColumnRef): number | null {
    return this.span(rec, column).max;
  }

  resolve(rec: DatasetRecord, query: WidgetQueryParsed, scope?: { dashboard?: DashboardScope; path?: QueryPath }): ResolvedQuery {
    return resolveQuery(query, rec, { latest: (col) => this.latest(rec, col), ...(scope?.dashboard ? { dashboard: scope.dashboard } : {}), ...(scope?.path ? { path: scope.path } : {}) });
  }

  /** Stored rows of a resolved query, undecoded (x as epoch ms), with the plan that produced them. */
  rawRows(q: ResolvedQuery, opts: RunOptions = {}): { rows: unknown[][]; source: 'table' | 'rollup' } {
    const plan = planQuery(this.db, q, opts);
    const rows = this.db.prepare(plan.sql).raw(true).all(...plan.params) as unknown[][];
    return { rows, source: plan.source };
  }

  execute(q: ResolvedQuery, opts: RunOptions = {}): QueryResult {
    const t0 = performance.now();
    const { rows: raw, source } = this.rawRows(q, opts);
    const columns = resultColumns(q);
    let rows = raw;
    let downsampled: QueryResult['downsampled'];
    if (q.maxPoints !== undefined) {
      const reduced = downsampleRows(q, raw, q.maxPoints);
      if (reduced) ({ rows, downsampled } = reduced);
    }
    const types = columns.map((c) => c.type as ResultType);
    const decoded = rows.map((r) => r.map((v, i) => decode(v, types[i]!)));
    return { columns, rows: decoded, source, elapsedMs: performance.now() - t0, ...(downsampled ? { downsampled } : {}) };
  }

  run(rec: DatasetRecord, query: WidgetQueryParsed, scope?: { dashboard?: DashboardScope; path?: QueryPath }, opts: RunOptions = {}): QueryResult {
    const t0 = performance.now();
    const result = this.execute(this.resolve(rec, query, scope), opts);
    return { ...result, elapsedMs: performance.now() - t0 };
  }
}
