import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WidgetQuery, type WidgetQuery as WidgetQueryInput } from '../../../shared/model/query.js';
import { QueryEngine } from '../../../main/query/engine.js';
import { rebuildRollup } from '../../../main/query/rollup/build.js';
import { freshSpec, readSpec, rollupTable } from '../../../main/query/rollup/spec.js';
import { ident, type DatasetRecord } from '../../../main/store/datasets-repo.js';
import type { Services } from '../../../main/services.js';
import type { RollupJobReport } from '../../../main/query/rollup/background.js';
import { testServices } from '../../helpers/home.js';
import { appendRows, createDataset, replaceRows, SALES_BASE, SALES_COLUMNS, salesRows } from './fixtures.js';

const DAY = 86_400_000;
const BASE = SALES_BASE;

function engineRun(svc: Services, rec: DatasetRecord, q: Omit<WidgetQueryInput, 'datasetId'>, allowRollup = true) {
  const engine = new QueryEngine(svc.core().store.db);
  const fresh = svc.core().datasets.get(rec.workspaceId, rec.id);
  return engine.execute(engine.resolve(fresh, WidgetQuery.parse({ datasetId: rec.id, ...q })), { allowRollup });
}

function rollupRows(svc: Services, rec: DatasetRecord): number {
  return (svc.core().store.db.prepare(`SELECT COUNT(*) AS n FROM ${ident(rollupTable(rec))}`).get() as { n: number }).n;
}

/** Every rollup row but its rid, in group order. */
function rollupContent(svc: Services, rec: DatasetRecord): unknown[][] {
  const db = svc.core().store.db;
  const spec = readSpec(db, rec);
  if (!spec) return [];
  // Canonical column order: dimensions may be chosen in another order by another build.
  const dims = [...spec.dims].sort();
  const cols = ['day', ...dims, 'n', ...spec.measures.flatMap((m) => ['sum', 'cnt', 'min', 'max'].map((a) => `${m}_${a}`))].map((c) => `"${c}"`);
  return db.prepare(`SELECT ${cols.join(', ')} FROM ${ident(rollupTable(rec))} ORDER BY ${cols.slice(0, 1 + dims.length).join(', ')}`).raw(true).all() as unknown[][];
}

describe('day rollups kept in step with the rows', () => {
  it('are built in the background after the write, with low-cardinality text columns as dimensions', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(500, 1), { settle: false });
    // The writer's transaction only invalidated it; the build runs after the commit, in the worker.
    expect(readSpec(svc.core().store.db, rec)).toBeNull();
    const reports: RollupJobReport[] = [];
    svc.core().rollups.onJob((r) => reports.push(r));
    await svc.core().rollups.whenIdle();
    expect(reports).toMatchObject([{ datasetId: rec.id, outcome: 'built', ranIn: 'worker', reason: 'write', attempts: 1 }]);
    const spec = readSpec(svc.core().store.db, rec)!;
    // Cheapest first: region and returned (2 values each), then channel (3); note has 500 values.
    expect(spec.dims).toEqual(['c2', 'c5', 'c1']);
    expect(spec.dims).not.toContain('c6'); // note: 500 distinct values
    expect(spec.measures).toEqual(['c3', 'c4', 'c5']);
    expect(spec.rows).toBe(500);
    expect(rollupRows(svc, rec)).toBeLessThan(500);
    // Deleting the dataset drops its rollup tables too.
    await svc.dispatcher.call('datasets.delete', { workspaceId: ws, datasetId: rec.id });
    expect(svc.core().store.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE ?").all(`${rec.tableName}%`)).toEqual([]);
  });

  it('answer what they can and leave the rest to a table scan', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(300, 2));
    const source = (q: Omit<WidgetQueryInput, 'datasetId'>) => engineRun(svc, rec, q).source;
    expect(source({ x: { field: 'date', bucket: 'day' }, y: [{ agg: 'sum', field: 'revenue' }] })).toBe('rollup');
    expect(source({ x: { field: 'date', bucket: 'quarter' }, series: 'channel', y: [{ agg: 'avg', field: 'revenue' }, { agg: 'count' }], filters: [{ field: 'region', op: 'eq', value: 'north' }], dateRange: { preset: 'last_30d' } })).toBe('rollup');
    expect(source({ x: { field: 'channel' }, y: [{ agg: 'count_distinct', field: 'region' }, { agg: 'max', field: 'units' }] })).toBe('rollup');
    expect(source({ x: { field: 'date', bucket: 'hour' }, y: [{ agg: 'sum', field: 'revenue' }] })).toBe('table');
    expect(source({ x: { field: 'date' }, y: [{ agg: 'sum', field: 'revenue' }] })).toBe('table');
    expect(source({ y: [{ agg: 'count_distinct', field: 'units' }] })).toBe('table');
    expect(source({ y: [{ agg: 'count' }], filters: [{ field: 'revenue', op: 'gt', value: 5 }] })).toBe('table');
    expect(source({ y: [{ agg: 'count' }], series: 'note' })).toBe('table');
    expect(source({ y: [{ agg: 'count' }], dateRange: { preset: 'custom', from: '2024-03-01T12:00:00Z' } })).toBe('table');
    expect(source({ y: [{ agg: 'min', field: 'note' }] })).toBe('table');
  });

  it('fold appended rows in incrementally, giving what a rebuild gives', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const all = salesRows(600, 3);
    let rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, all.slice(0, 400));
    // settle: false — appends smaller than the dataset keep it fresh inside their own transaction.
    rec = appendRows(svc, rec, all.slice(400, 550), { settle: false });
    expect(freshSpec(svc.core().store.db, rec)?.rows).toBe(550);
    rec = appendRows(svc, rec, [...all.slice(550), [null, 'web', 'north', 1, 1, false, 'undated'], [null, 'web', 'north', 2, 1, false, 'undated']], { settle: false });
    const db = svc.core().store.db;
    expect(freshSpec(db, rec)?.rows).toBe(602);
    // Compaction leaves one row per (day, dimensions) group.
    const groups = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT day, ${readSpec(db, rec)!.dims.map((d) => `"${d}"`).join(', ')} FROM ${ident(rollupTable(rec))})`).get() as { n: number }).n;
    expect(rollupRows(svc, rec)).toBe(groups);
    const q = { x: { field: 'date', bucket: 'week' as const }, series: 'channel', y: [{ agg: 'sum' as const, field: 'revenue' }, { agg: 'count' as const }, { agg: 'min' as const, field: 'units' }, { agg: 'max' as const, field: 'revenue' }] };
    const fromRollup = engineRun(svc, rec, q);
    expect(fromRollup.source).toBe('rollup');
    expect(fromRollup.rows).toEqual(engineRun(svc, rec, q, false).rows);
    expect(fromRollup.rows[0]![0]).toBeNull(); // the undated rows, in their own group
  });

  it('rebuild on replace, and are bypassed when a writer skipped the hooks', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    let rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(200, 4));
    rec = replaceRows(svc, rec, salesRows(50, 5));
    const q = { x: { field: 'date', bucket: 'month' as const }, y: [{ agg: 'sum' as const, field: 'units' }] };
    expect(engineRun(svc, rec, q)).toMatchObject({ source: 'rollup', rows: engineRun(svc, rec, q, false).rows });
    expect(readSpec(svc.core().store.db, rec)!.rows).toBe(50);

    rec = appendRows(svc, rec, salesRows(10, 6), { hooks: false });
    const stale = engineRun(svc, rec, q);
    expect(stale.source).toBe('table');
    expect(stale.rows).toEqual(engineRun(svc, rec, q, false).rows);
  });

  it('roll back with the rows when the write fails', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(100, 7));
    const before = readSpec(svc.core().store.db, rec);
    const db = svc.core().store.db;
    expect(() =>
      db.transaction(() => {
        appendRows(svc, rec, salesRows(100, 8));
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(readSpec(db, rec)).toEqual(before);
    expect(engineRun(svc, rec, { y: [{ agg: 'count' }] })).toMatchObject({ source: 'rollup', rows: [[100]] });
  });

  it('give exactly the table scan’s answers on random data and queries (property)', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const sources = { rollup: 0, table: 0 };
    let n = 0;
    const ranIn = new Set<string>();
    svc.core().rollups.onJob((r) => ranIn.add(`${r.ranIn}:${r.outcome}`));

    // Quarter-units keep sums exact in binary floating point, so both plans must agree to the bit.
    const row = fc.tuple(
      // Twelve days (across the leap day): appended rows often land in groups that already exist.
      fc.option(fc.integer({ min: 0, max: 12 * DAY }).map((t) => new Date(BASE + t).toISOString()), { nil: null, freq: 12 }),
      fc.option(fc.constantFrom('web', 'store', 'partner', "o'hare"), { nil: null, freq: 8 }),
      fc.option(fc.constantFrom('north', 'south'), { nil: null, freq: 8 }),
      fc.option(fc.integer({ min: -400, max: 4000 }).map((v) => v / 4), { nil: null, freq: 6 }),
      fc.option(fc.integer({ min: -5, max: 20 }), { nil: null, freq: 6 }),
      fc.option(fc.boolean(), { nil: null, freq: 6 }),
      fc.constant(null),
    );
    const dim = fc.constantFrom('channel', 'region', 'returned');
    const dimFilter = fc.oneof(
      fc.record({ field: fc.constant('channel'), op: fc.constantFrom('eq', 'neq', 'gt', 'lte'), value: fc.constantFrom('web', 'store', 'p') }),
      fc.record({ field: fc.constant('channel'), op: fc.constantFrom('in', 'not_in'), value: fc.subarray(['web', 'store', 'partner', "o'hare"], { minLength: 1 }) }),
      fc.record({ field: fc.constant('region'), op: fc.constantFrom('contains', 'eq', 'neq'), value: fc.constantFrom('nor', 'south', 'TH') }),
      fc.record({ field: dim, op: fc.constantFrom('is_null', 'not_null') }),
      fc.record({ field: fc.constant('returned'), op: fc.constantFrom('eq', 'neq'), value: fc.boolean() }),
      // Not on a dimension: the plan must fall back, and still agree.
      fc.record({ field: fc.constant('units'), op: fc.constant('gt'), value: fc.integer({ min: -2, max: 10 }) }),
      fc.record({ field: fc.constant('units'), op: fc.constant('between'), value: fc.constant([0, 5]) }),
    );
    const measures = [
      { agg: 'count' },
      { agg: 'sum', field: 'revenue' },
      { agg: 'avg', field: 'revenue' },
      { agg: 'min', field: 'revenue' },
      { agg: 'max', field: 'revenue' },
      { agg: 'count', field: 'revenue' },
      { agg: 'sum', field: 'units' },
      { agg: 'avg', field: 'units' },
      { agg: 'sum', field: 'returned' },
      { agg: 'count_distinct', field: 'channel' },
      { agg: 'min', field: 'region' },
      { agg: 'max', field: 'channel' },
      { agg: 'count', field: 'region' },
      { agg: 'max', field: 'returned' },
    ] as const;
    const day = (d: number) => new Date(BASE + d * DAY).toISOString().slice(0, 10);
    const query = fc.record(
      {
        x: fc.oneof(fc.record({ field: fc.constant('date'), bucket: fc.constantFrom('day', 'week', 'month', 'quarter', 'year', 'hour') }), fc.record({ field: dim })),
        series: dim,
        y: fc.subarray([...measures], { minLength: 1, maxLength: 6 }),
        filters: fc.array(dimFilter, { maxLength: 2 }),
        dateRange: fc.oneof(
          fc.record({ preset: fc.constantFrom('last_7d', 'last_30d', 'ytd', 'all') }),
          fc.record({ preset: fc.constant('custom'), from: fc.integer({ min: -2, max: 6 }).map(day), to: fc.integer({ min: 7, max: 15 }).map(day) }),
          fc.record({ preset: fc.constant('custom'), from: fc.constant('2024-02-25T06:00:00Z') }),
        ),
        sort: fc.record({ by: fc.constantFrom('x', 'series', 'count(*)', 'sum(revenue)'), dir: fc.constantFrom('asc', 'desc') }),
        limit: fc.integer({ min: 1, max: 30 }),
      },
      { requiredKeys: ['y'] },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 0, maxLength: 120 }), fc.nat({ max: 100 }), query, async (rows, splitPct, q) => {
        // Part of the rows arrives by append, so the incremental path is checked too.
        const split = Math.floor((rows.length * splitPct) / 100);
        // Through the background builder: the create's build, then the append (incremental when it is
        // smaller than the rows before it, another background build otherwise).
        let rec = createDataset(svc, ws, `p${n++}`, SALES_COLUMNS, rows.slice(0, split), { settle: false });
        await svc.core().rollups.whenIdle();
        rec = appendRows(svc, rec, rows.slice(split), { settle: false });
        await svc.core().rollups.whenIdle();
        const sortable = q.sort && (q.sort.by === 'x' ? q.x : q.sort.by === 'series' ? q.series : q.y?.some((m) => ('field' in m ? `${m.agg}(${m.field})` : 'count(*)') === q.sort!.by));
        const wq = { ...q, ...(sortable ? {} : { sort: undefined }) } as Omit<WidgetQueryInput, 'datasetId'>;
        const planned = engineRun(svc, rec, wq);
        const scanned = engineRun(svc, rec, wq, false);
        sources[planned.source]++;
        expect(planned.rows).toEqual(scanned.rows);
        expect(planned.columns).toEqual(scanned.columns);
        // And the rollup that appends maintained holds exactly what a rebuild from scratch holds.
        const incremental = rollupContent(svc, rec);
        rebuildRollup(svc.core().store.db, rec);
        expect(incremental).toEqual(rollupContent(svc, rec));
        svc.core().datasets.delete(ws, rec.id);
      }),
      { numRuns: 150 },
    );
    // The property is only worth something if the rollup answered a good share of the cases.
    expect(sources.rollup).toBeGreaterThan(30);
    expect(sources.table).toBeGreaterThan(10);
    // Every full build ran in the worker and committed.
    expect([...ranIn]).toEqual(['worker:built']);
  });
});
