import { describe, expect, it } from 'vitest';
import { WidgetQuery, type WidgetQuery as WidgetQueryInput } from '../../../shared/model/query.js';
import { QueryEngine } from '../../../main/query/engine.js';
import { planQuery } from '../../../main/query/plan.js';
import { testServices } from '../../helpers/home.js';
import { createDataset, SALES_COLUMNS, type Cell } from './fixtures.js';

describe('the planner and the time index', () => {
  it('walks the time index for a narrow range and scans for a wide one', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rows: Cell[][] = Array.from({ length: 2000 }, (_, i) => [new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(), 'web', 'north', i, 1, false, null]);
    const rec = createDataset(svc, ws, 'hourly', SALES_COLUMNS, rows);
    const db = svc.core().store.db;
    const engine = new QueryEngine(db);
    const plan = (q: Omit<WidgetQueryInput, 'datasetId'>) => planQuery(db, engine.resolve(rec, WidgetQuery.parse({ datasetId: rec.id, ...q })));
    const explain = (p: ReturnType<typeof plan>) => (db.prepare(`EXPLAIN QUERY PLAN ${p.sql}`).all(...p.params) as { detail: string }[]).map((r) => r.detail).join('; ');

    const narrow = plan({ x: { field: 'date', bucket: 'hour' }, y: [{ agg: 'sum', field: 'revenue' }], dateRange: { preset: 'custom', from: '2024-01-10', to: '2024-01-12' } });
    expect(narrow.source).toBe('table');
    expect(narrow.scanReason).toMatch(/hour/);
    expect(explain(narrow)).toMatch(/USING INDEX/);

    const wide = plan({ x: { field: 'date', bucket: 'hour' }, y: [{ agg: 'sum', field: 'revenue' }], dateRange: { preset: 'custom', from: '2024-01-05' } });
    expect(wide.sql).toContain('+"c0" >= ?');
    expect(explain(wide)).not.toMatch(/USING INDEX/);

    // Both give what the data says.
    expect(engine.execute(engine.resolve(rec, WidgetQuery.parse({ datasetId: rec.id, y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-01-05' } }))).rows).toEqual([[2000 - 96]]);
  });
});
