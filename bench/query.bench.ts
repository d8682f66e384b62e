/**
 * Widget query speed on 1,000,000 rows (two years of timestamps, four numeric-ish and two text
 * columns) in a temporary store:
 *   query.rollup_build_ms          the full day-rollup build, in the background builder's worker: from
 *                                  the writer's commit until the rollup is fresh
 *   query.rollup_hook_ms           what the write hook costs inside the writer's transaction now (it only
 *                                  invalidates the rollup and queues the build)
 *   query.rollup_build_inline_ms   the same full build run the old way, synchronously in a transaction
 *                                  on the main thread (the cost creates and replaces no longer pay)
 *   query.rollup_append_10k_ms     folding a 10,000-row append into it (in the writer's transaction)
 *   query.day_bucket_sum_ms        SUM(revenue) by day over the whole range through query.run (median)
 *   query.day_bucket_sum_scan_ms   the same GROUP BY as plain SQLite over the table, measured in this run
 *   query.day_bucket_sum_speedup   scan / query.run
 *   query.day_bucket_sum_by_channel_ms, query.day_bucket_sum_table_path_ms (the engine forced to scan)
 * Other engineers share this 2-core machine while it runs: treat the figures as pessimistic.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../main/services.js';
import { ident } from '../main/store/datasets-repo.js';
import { QueryEngine } from '../main/query/engine.js';
import { rebuildRollup } from '../main/query/rollup/build.js';
import { WidgetQuery } from '../shared/model/query.js';
import { bench, medianMs } from './lib/report.js';

const ROWS = 1_000_000;
const START = Date.UTC(2023, 0, 1);
const SPAN = 730 * 86_400_000;
const CHANNELS = ['web', 'store', 'partner', 'phone'];
const REGIONS = ['north', 'south', 'east', 'west', 'central'];

function rowsFrom(first: number, count: number): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let i = first; i < first + count; i++) {
    const t = START + Math.floor((i / ROWS) * SPAN) + (i % 3600) * 1000;
    out.push([t, CHANNELS[i % 4]!, REGIONS[(i * 7) % 5]!, ((i * 37) % 10_000) / 100, i % 13, (i * 11) % 500]);
  }
  return out;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-bench-query-'));
const svc = await createServices({ home, sample: false });
try {
  const c = svc.core();
  const db = c.store.db;
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'Bench' });

  let hookMs = 0;
  const insertRows = (tableName: string, keys: string[], rows: (string | number)[][]) => {
    const stmt = db.prepare(`INSERT INTO ${ident(tableName)} (${keys.map(ident).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
    for (const r of rows) stmt.run(...r);
  };
  const rec = db.transaction(() => {
    const created = c.datasets.create({
      workspaceId,
      name: 'sales',
      source: { kind: 'csv' },
      columns: [
        { name: 'ts', type: 'datetime' },
        { name: 'channel', type: 'text' },
        { name: 'region', type: 'text' },
        { name: 'revenue', type: 'number' },
        { name: 'orders', type: 'integer' },
        { name: 'sessions', type: 'integer' },
      ],
      timeColumn: 'ts',
    });
    const keys = created.columns.map((col) => col.key);
    for (let first = 0; first < ROWS; first += 100_000) insertRows(created.tableName, keys, rowsFrom(first, 100_000));
    const after = c.datasets.updateAfterWrite(created);
    const t0 = performance.now();
    for (const hook of c.datasetHooks) hook(after, { mode: 'create', firstNewRid: 1 });
    hookMs = performance.now() - t0;
    return after;
  })();
  const committed = performance.now();
  await c.rollups.whenIdle();
  bench('query.rollup_build_ms', performance.now() - committed, 'ms');
  bench('query.rollup_hook_ms', hookMs, 'ms');
  // The same full build done the old way, synchronously in a writer's transaction on the main thread
  // (what every create/replace used to pay on its critical path), for comparison in this run.
  const inlineStart = performance.now();
  db.transaction(() => rebuildRollup(db, rec)).immediate();
  bench('query.rollup_build_inline_ms', performance.now() - inlineStart, 'ms');

  const day = { datasetId: rec.id, x: { field: 'ts', bucket: 'day' as const }, y: [{ agg: 'sum' as const, field: 'revenue' }] };
  const viaRpc = () => svc.dispatcher.call('query.run', { workspaceId, query: day });
  const first = await viaRpc();
  if (first.source !== 'rollup' || first.rows.length < 730) throw new Error(`unexpected plan: ${first.source}, ${first.rows.length} rows`);
  const queryMs = await medianMs(9, viaRpc);
  bench('query.day_bucket_sum_ms', queryMs, 'ms');
  bench('query.day_bucket_sum_by_channel_ms', await medianMs(5, () => svc.dispatcher.call('query.run', { workspaceId, query: { ...day, series: 'channel' } })), 'ms');

  // The baseline: the same aggregation as a plain GROUP BY over the table, no engine around it.
  const t = ident(rec.columns[0]!.key);
  const scan = db.prepare(`SELECT (${t} / 86400000) * 86400000 AS d, SUM(${ident(rec.columns[3]!.key)}) FROM ${ident(rec.tableName)} GROUP BY d ORDER BY d`).raw(true);
  const scanned = scan.all() as [number, number][];
  const scanMs = await medianMs(3, () => scan.all());
  bench('query.day_bucket_sum_scan_ms', scanMs, 'ms');
  bench('query.day_bucket_sum_speedup', scanMs / queryMs, 'x');

  const mismatch = scanned.findIndex((r, i) => new Date(r[0]).toISOString() !== first.rows[i]![0] || Math.abs(r[1] - (first.rows[i]![1] as number)) > 1e-6 * Math.abs(r[1]));
  if (mismatch >= 0) throw new Error(`rollup and scan disagree at day ${mismatch}`);

  const engine = new QueryEngine(db);
  const resolved = engine.resolve(rec, WidgetQuery.parse(day));
  bench('query.day_bucket_sum_table_path_ms', await medianMs(3, () => engine.execute(resolved, { allowRollup: false })), 'ms');

  const appendMs = db.transaction(() => {
    insertRows(rec.tableName, rec.columns.map((col) => col.key), rowsFrom(ROWS - 10_000, 10_000));
    const after = c.datasets.updateAfterWrite(rec);
    const t0 = performance.now();
    for (const hook of c.datasetHooks) hook(after, { mode: 'append', firstNewRid: ROWS + 1 });
    return performance.now() - t0;
  })();
  bench('query.rollup_append_10k_ms', appendMs, 'ms');
  const afterAppend = await viaRpc();
  if (afterAppend.source !== 'rollup') throw new Error('the rollup went stale after an append');
} finally {
  await svc.close();
  // The services' log file opens asynchronously; let it before its folder goes.
  await new Promise((resolve) => setTimeout(resolve, 50));
  fs.rmSync(home, { recursive: true, force: true });
}
