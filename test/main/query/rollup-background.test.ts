/**
 * The background rollup builder (main/query/rollup/background.ts): full builds run after the writer's
 * commit, in a worker with its own connection; queries scan the table until the rollup is fresh and
 * never answer from stale totals; builds retry when rows change under them; start-up heals what an
 * earlier process did not build; the app's own writes are never refused while a build runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WidgetQuery, type WidgetQuery as WidgetQueryInput } from '../../../shared/model/query.js';
import { QueryEngine } from '../../../main/query/engine.js';
import { RollupBuilder, type RollupJobReport } from '../../../main/query/rollup/background.js';
import { freshSpec, readSpec } from '../../../main/query/rollup/spec.js';
import { createServices, type Services } from '../../../main/services.js';
import type { DatasetRecord } from '../../../main/store/datasets-repo.js';
import { tempHome, testServices } from '../../helpers/home.js';
import { appendRows, createDataset, replaceRows, SALES_BASE, SALES_COLUMNS, salesRows, type Cell } from './fixtures.js';

type Query = Omit<WidgetQueryInput, 'datasetId'>;

const BY_WEEK: Query = { x: { field: 'date', bucket: 'week' }, series: 'channel', y: [{ agg: 'sum', field: 'revenue' }, { agg: 'count' }, { agg: 'max', field: 'units' }] };

function run(svc: Services, rec: DatasetRecord, q: Query, allowRollup = true) {
  const c = svc.core();
  const engine = new QueryEngine(c.store.db);
  const current = c.datasets.get(rec.workspaceId, rec.id);
  return engine.execute(engine.resolve(current, WidgetQuery.parse({ datasetId: rec.id, ...q })), { allowRollup });
}

const current = (svc: Services, rec: DatasetRecord) => svc.core().datasets.get(rec.workspaceId, rec.id);

function collect(svc: Services): RollupJobReport[] {
  const reports: RollupJobReport[] = [];
  svc.core().rollups.onJob((r) => reports.push(r));
  return reports;
}

/** Monthly count and revenue computed in JavaScript from the rows (the oracle for the import test). */
function monthly(rows: Cell[][]): [string, number, number][] {
  const by = new Map<string, [number, number]>();
  for (const r of rows) {
    const month = `${(r[0] as string).slice(0, 7)}-01T00:00:00.000Z`;
    const [n, sum] = by.get(month) ?? [0, 0];
    by.set(month, [n + 1, sum + (r[3] as number)]);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, [n, sum]]) => [m, n, sum]);
}

const toCsv = (rows: Cell[][]) => 'date,channel,region,revenue,units\n' + rows.map((r) => r.slice(0, 5).join(',')).join('\n') + '\n';

describe('background rollup builds', () => {
  it('a query right after an import scans the table; once the build is done the rollup gives the same rows', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const dir = tempHome('udash-rollup-csv-');
    const write = (name: string, rows: Cell[][]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, toCsv(rows));
      return file;
    };
    const rollups = svc.core().rollups;
    const byMonth = (datasetId: string) => svc.dispatcher.call('query.run', { workspaceId, query: { datasetId, x: { field: 'date', bucket: 'month' }, y: [{ agg: 'count' }, { agg: 'sum', field: 'revenue' }] } });

    // Held back, so that "right after" does not depend on how fast the worker is.
    rollups.pause();
    const first = salesRows(300, 11);
    const created = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('a.csv', first) }, name: 'Sales' });
    const scanned = await byMonth(created.dataset.id);
    expect(scanned.source).toBe('table');
    expect(scanned.rows).toEqual(monthly(first));
    rollups.resume();
    await rollups.whenIdle();
    const rolled = await byMonth(created.dataset.id);
    expect(rolled.source).toBe('rollup');
    expect(rolled.rows).toEqual(scanned.rows);

    // A replace with as many rows: right after it the old totals are gone, not served.
    rollups.pause();
    const second = salesRows(300, 12);
    await svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('b.csv', second) }, name: 'Sales', mode: 'replace' });
    const afterReplace = await byMonth(created.dataset.id);
    expect(afterReplace).toMatchObject({ source: 'table', rows: monthly(second) });
    // A small append to a stale (here: missing) rollup does not fold into it; it scans too.
    const extra = salesRows(10, 13);
    await svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('c.csv', extra) }, name: 'Sales', mode: 'append' });
    expect(await byMonth(created.dataset.id)).toMatchObject({ source: 'table', rows: monthly([...second, ...extra]) });
    rollups.resume();
    await rollups.whenIdle();
    expect(await byMonth(created.dataset.id)).toMatchObject({ source: 'rollup', rows: monthly([...second, ...extra]) });

    // A small append to a fresh rollup is folded in by the import's own transaction: no build to wait for.
    rollups.pause();
    const more = salesRows(20, 14);
    await svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('d.csv', more) }, name: 'Sales', mode: 'append' });
    expect(await byMonth(created.dataset.id)).toMatchObject({ source: 'rollup', rows: monthly([...second, ...extra, ...more]) });
    rollups.resume();
  });

  it('an append while a build reads makes it start again, and the rollup it commits covers the new rows', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rollups = svc.core().rollups;
    const reports = collect(svc);
    let rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(400, 1), { settle: false });
    const seen: string[] = [];
    rollups.gate = async (phase, job) => {
      seen.push(`${phase}#${job.attempt}`);
      // The worker holds its read snapshot here; the app's connection writes meanwhile.
      if (phase === 'reading' && job.attempt === 1) rec = appendRows(svc, rec, salesRows(50, 2), { settle: false });
    };
    await rollups.whenIdle();
    expect(seen).toEqual(['reading#1', 'aggregated#1', 'reading#2', 'aggregated#2']);
    // The append's request arrived while the job ran: it ran again and found the rollup fresh.
    expect(reports).toMatchObject([
      { datasetId: rec.id, outcome: 'built', attempts: 2, rows: 450, ranIn: 'worker' },
      { datasetId: rec.id, outcome: 'fresh' },
    ]);
    expect(freshSpec(svc.core().store.db, current(svc, rec))?.rows).toBe(450);
    const planned = run(svc, rec, BY_WEEK);
    expect(planned.source).toBe('rollup');
    expect(planned.rows).toEqual(run(svc, rec, BY_WEEK, false).rows);
  });

  it('a replace with the same row count and highest rid between aggregation and commit is not overwritten by the old totals', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const rollups = svc.core().rollups;
    const reports = collect(svc);
    let rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(300, 3), { settle: false });
    const before = run(svc, rec, BY_WEEK, false).rows;
    rollups.gate = async (phase, job) => {
      // Truncate and insert: rids start at 1 again, so count and max rid are what the build saw.
      if (phase === 'aggregated' && job.attempt === 1) rec = replaceRows(svc, rec, salesRows(300, 4), { settle: false });
    };
    await rollups.whenIdle();
    expect(reports[0]).toMatchObject({ outcome: 'built', attempts: 2 });
    const planned = run(svc, rec, BY_WEEK);
    expect(planned.source).toBe('rollup');
    expect(planned.rows).toEqual(run(svc, rec, BY_WEEK, false).rows);
    expect(planned.rows).not.toEqual(before);
  });

  it('rollups missing when the store opens are built in the background, including one whose build was stopped by close', async () => {
    const home = tempHome();
    let svc = await createServices({ home, sample: false });
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    // A writer that bypassed the hooks: the table has rows, there is no rollup.
    const bypassed = createDataset(svc, ws, 'bypassed', SALES_COLUMNS, salesRows(200, 5), { hooks: false });
    const settled = createDataset(svc, ws, 'settled', SALES_COLUMNS, salesRows(200, 6));
    createDataset(svc, ws, 'untimed', SALES_COLUMNS, salesRows(50, 7), { timeColumn: null, settle: false });
    // A CLI import that exits while its build runs: close() terminates the worker mid-build.
    let reached!: () => void;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    svc.core().rollups.gate = () => {
      reached();
      return new Promise<void>(() => undefined);
    };
    const stopped = collect(svc);
    const interrupted = createDataset(svc, ws, 'interrupted', SALES_COLUMNS, salesRows(200, 8), { settle: false });
    await atGate;
    await svc.close();
    expect(stopped.filter((r) => r.datasetId === interrupted.id)).toMatchObject([{ outcome: 'stopped' }]);

    svc = await createServices({ home, sample: false });
    try {
      const db = svc.core().store.db;
      expect(freshSpec(db, current(svc, bypassed))).toBeNull();
      expect(freshSpec(db, current(svc, interrupted))).toBeNull();
      expect(freshSpec(db, current(svc, settled))).not.toBeNull();
      const reports = collect(svc);
      await svc.core().rollups.whenIdle();
      expect(reports.map((r) => [r.datasetId, r.reason, r.outcome, r.ranIn]).sort()).toEqual(
        [
          [bypassed.id, 'heal', 'built', 'worker'],
          [interrupted.id, 'heal', 'built', 'worker'],
        ].sort(),
      );
      for (const rec of [bypassed, interrupted]) expect(run(svc, rec, BY_WEEK)).toMatchObject({ source: 'rollup', rows: run(svc, rec, BY_WEEK, false).rows });
    } finally {
      await svc.close();
    }
  });

  it('the app’s own writes, including read-then-write transactions, go through while a build runs', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const c = svc.core();
    const db = c.store.db;
    const rollups = c.rollups;
    const reports = collect(svc);
    // A deferred transaction that reads, then writes: SQLite refuses it at once (no waiting) if another
    // connection holds the write lock at that moment, so the worker must never hold it meanwhile.
    // Each one works for a moment between its read and its write, as real ones do, so that a commit by
    // the worker during the build would land inside one of them if nothing kept them apart.
    const bump = () =>
      db.transaction(() => {
        const n = c.settings.get<number>('test.counter') ?? 0;
        const t0 = performance.now();
        while (performance.now() - t0 < 2);
        c.settings.set('test.counter', n + 1);
      })();
    rollups.gate = async (phase) => {
      await svc.dispatcher.call('dashboards.create', { workspaceId, name: `edited while ${phase}` });
      bump();
    };
    // Three builds, each over 600 days, so each rollup has thousands of groups and takes a while to commit.
    for (const seed of [9, 10, 11]) {
      const spread = salesRows(30_000, seed).map((r, i) => [new Date(SALES_BASE + (i % 600) * 86_400_000).toISOString(), ...r.slice(1)]);
      createDataset(svc, workspaceId, `big ${seed}`, SALES_COLUMNS, spread, { settle: false });
    }
    let bumps = 6;
    let failures = 0;
    const busyLoop = new Promise<void>((resolve) => {
      const tick = () => {
        if (reports.length === 3) return resolve();
        try {
          bump();
          bumps++;
        } catch {
          failures++;
        }
        setImmediate(tick);
      };
      setImmediate(tick);
    });
    await rollups.whenIdle();
    await busyLoop;
    expect(reports.map((r) => [r.outcome, r.ranIn])).toEqual([
      ['built', 'worker'],
      ['built', 'worker'],
      ['built', 'worker'],
    ]);
    expect(failures).toBe(0);
    expect(c.settings.get('test.counter')).toBe(bumps);
    const names = (await svc.dispatcher.call('dashboards.list', { workspaceId })).map((d) => d.name);
    expect(names.sort()).toEqual([...Array(3).fill('edited while aggregated'), ...Array(3).fill('edited while reading')]);
  });

  it('deduplicates requests per dataset, skips a dataset deleted meanwhile, and builds in the main thread without a worker bundle', async () => {
    const svc = await testServices();
    const { id: ws } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const c = svc.core();
    const reports = collect(svc);
    c.rollups.pause();
    let rec = createDataset(svc, ws, 'sales', SALES_COLUMNS, salesRows(100, 10), { settle: false });
    // Each append to a rollup that is not fresh asks again; one build serves them all.
    rec = appendRows(svc, rec, salesRows(10, 11), { settle: false });
    rec = appendRows(svc, rec, salesRows(10, 12), { settle: false });
    const doomed = createDataset(svc, ws, 'doomed', SALES_COLUMNS, salesRows(10, 13), { settle: false });
    c.datasets.delete(ws, doomed.id);
    c.rollups.resume();
    await c.rollups.whenIdle();
    expect(reports.map((r) => [r.datasetId, r.outcome])).toEqual([
      [rec.id, 'built'],
      [doomed.id, 'gone'],
    ]);
    expect(readSpec(c.store.db, rec)?.rows).toBe(120);

    // A builder whose worker bundle is missing, or whose worker cannot open the store (here: the
    // better-sqlite3 binary it was told to load does not exist), builds in this thread instead.
    const home = tempHome();
    const base = { db: c.store.db, workspaces: c.workspaces, storeFile: c.store.file, log: svc.log };
    for (const [i, builder] of [new RollupBuilder({ ...base, workerFile: path.join(home, 'missing', 'rollup.worker.js') }), new RollupBuilder({ ...base, nativeBinding: path.join(home, 'missing', 'better_sqlite3.node') })].entries()) {
      const fallback: RollupJobReport[] = [];
      builder.onJob((r) => fallback.push(r));
      const other = createDataset(svc, ws, `other ${i}`, SALES_COLUMNS, salesRows(100, 14 + i), { hooks: false });
      builder.request(other);
      await builder.whenIdle();
      await builder.close();
      expect(fallback).toMatchObject([{ datasetId: other.id, outcome: 'built', ranIn: 'main-thread' }]);
      expect(run(svc, other, BY_WEEK)).toMatchObject({ source: 'rollup', rows: run(svc, other, BY_WEEK, false).rows });
    }
  });
});
