import type { QueryResult, WidgetQueryParsed } from '../../shared/model/query.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';
import { QueryEngine } from './engine.js';
import { kpiSummary } from './kpi.js';
import type { DashboardScope } from './resolve.js';

export interface WidgetRunOptions {
  /** The dashboard's date range and filters, applied on top of the widget's own. */
  dashboard?: DashboardScope;
  /** Also compute the KPI summary (current, previous period, sparkline). */
  kpi?: { compare: boolean };
}

/** One widget's data, as query.run and widgets.data answer it. */
export function runWidgetQuery(db: Db, rec: DatasetRecord, query: WidgetQueryParsed, opts: WidgetRunOptions = {}): QueryResult {
  const t0 = performance.now();
  const engine = new QueryEngine(db);
  const resolved = engine.resolve(rec, query, opts.dashboard ? { dashboard: opts.dashboard } : {});
  const result = engine.execute(resolved);
  if (opts.kpi) result.kpi = kpiSummary(engine, resolved, opts.kpi);
  return { ...result, elapsedMs: performance.now() - t0 };
}
