/**
 * Import throughput: a generated 1,000,000-row, 6-column CSV (datetime, two texts, integer, number,
 * boolean) through the real pipeline (`import.commit`: detection, parsing and conversion in a
 * worker_thread pipelined with multi-row inserts into a staging table, then the final transaction
 * with the time index, registration and the dataset hooks), against a raw better-sqlite3 loop that
 * inserts the same rows, already in memory, with one prepared single-row INSERT in one transaction
 * (WAL, synchronous=NORMAL) into the same table (same column types, same time index).
 *
 * The import is timed as the user experiences it: until import.commit returns, when the rows are
 * committed and queryable (checked with a query right after). The day rollup is then built in the
 * background (a worker thread) and timed on its own line, from that return until it is fresh:
 *   import.rollup_background_ms           commit returned → rollup fresh (queries use it from then on)
 *   import.rollup_main_thread_parked_ms   how long the main thread waited for the worker's commit
 * Best of two runs each, interleaved, because the machine is shared; the raw loop's arrays are built
 * fresh for each of its runs and dropped after, so the import never runs beside a 1M-row heap.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { bench } from './lib/report.js';
import { createServices } from '../main/services.js';
import { produce } from '../main/import/producer.js';
import type { RollupJobReport } from '../main/query/rollup/background.js';

const ROWS = 1_000_000;
const root = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-bench-import-'));

function buildWorkers(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--only=workers'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the import worker failed');
}

interface Rows {
  ts: Float64Array;
  region: string[];
  product: string[];
  units: Float64Array;
  price: Float64Array;
  paid: Float64Array;
}

/** The same rows every time (a seeded generator), so the CSV and the raw loop's arrays agree. */
function generateRows(): Rows {
  const regions = ['North', 'South', 'East', 'West'];
  const rows: Rows = { ts: new Float64Array(ROWS), region: new Array(ROWS), product: new Array(ROWS), units: new Float64Array(ROWS), price: new Float64Array(ROWS), paid: new Float64Array(ROWS) };
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < ROWS; i++) {
    rows.ts[i] = Date.UTC(2023, 0, 1) + i * 30_000;
    rows.region[i] = regions[i % 4]!;
    rows.product[i] = `Product ${Math.floor(rand() * 50)}`;
    rows.units[i] = Math.floor(rand() * 200);
    rows.price[i] = Math.round(rand() * 100_000) / 100;
    rows.paid[i] = rand() < 0.8 ? 1 : 0;
  }
  return rows;
}

function writeCsv(file: string, rows: Rows): void {
  const fd = fs.openSync(file, 'w');
  let buf = 'ts,region,product,units,price,paid\n';
  for (let i = 0; i < ROWS; i++) {
    buf += `${new Date(rows.ts[i]!).toISOString()},${rows.region[i]},${rows.product[i]},${rows.units[i]},${rows.price[i]},${rows.paid[i] ? 'true' : 'false'}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

/** Collects garbage between measurements (bench/run.mjs passes --expose-gc), so one run's heap does not tax the next. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function rawInsert(n: number): number {
  const rows = generateRows();
  collect();
  const file = path.join(dir, `raw-${n}.sqlite`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (rid INTEGER PRIMARY KEY, c0 INTEGER, c1 TEXT, c2 TEXT, c3 INTEGER, c4 REAL, c5 INTEGER)');
  db.exec('CREATE INDEX t_time ON t (c0)');
  const insert = db.prepare('INSERT INTO t (c0, c1, c2, c3, c4, c5) VALUES (?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(rows.ts[i], rows.region[i], rows.product[i], rows.units[i], rows.price[i], rows.paid[i]);
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

interface PipelineRun {
  /** import.commit, start to return. */
  ms: number;
  /** From that return until the day rollup was fresh (0 without hooks). */
  rollupMs: number;
  /** The worker's own build time, and the main thread's wait for its commit. */
  buildMs: number;
  parkedMs: number;
}

async function pipeline(file: string, n: number, withHooks: boolean): Promise<PipelineRun> {
  collect();
  const svc = await createServices({ home: path.join(dir, `home-${n}`), sample: false });
  try {
    const core = svc.core();
    if (!withHooks) core.datasetHooks.length = 0;
    const jobs: RollupJobReport[] = [];
    core.rollups.onJob((j) => jobs.push(j));
    const ws = await svc.dispatcher.call('workspaces.create', { name: 'Bench' });
    const t0 = performance.now();
    const r = await svc.dispatcher.call('import.commit', { workspaceId: ws.id, source: { path: file }, name: 'Big', taskId: `bench-${n}` });
    const ms = performance.now() - t0;
    if (r.inserted !== ROWS || r.dataset.columns.map((c) => c.type).join() !== 'datetime,text,text,integer,number,boolean') throw new Error(`unexpected import result: ${r.inserted} rows, ${r.dataset.columns.map((c) => c.type).join()}`);
    // Committed and queryable as soon as import.commit returns (the rollup is not ready yet: a scan answers).
    const count = () => svc.dispatcher.call('query.run', { workspaceId: ws.id, query: { datasetId: r.dataset.id, y: [{ agg: 'count' }] } });
    const now = await count();
    if (now.rows[0]![0] !== ROWS) throw new Error(`a query right after the import saw ${now.rows[0]![0]} rows`);
    await core.rollups.whenIdle();
    const rollupMs = performance.now() - t0 - ms;
    if (!withHooks) return { ms, rollupMs: 0, buildMs: 0, parkedMs: 0 };
    const after = await count();
    if (after.source !== 'rollup' || after.rows[0]![0] !== ROWS) throw new Error(`after the background build: ${after.source}, ${after.rows[0]![0]} rows`);
    const job = jobs.find((j) => j.outcome === 'built');
    if (!job || job.ranIn !== 'worker') throw new Error(`the rollup was not built in the worker: ${JSON.stringify(jobs)}`);
    return { ms, rollupMs, buildMs: job.ms, parkedMs: core.rollups.parkedMs };
  } finally {
    await svc.close();
  }
}

async function parseOnly(file: string): Promise<number> {
  collect();
  const t0 = performance.now();
  let n = 0;
  for await (const m of produce({ file, displayName: 'bench.csv', options: { hasHeader: true, types: {}, dateFormats: {} } })) if (m.kind === 'batch') n += m.batch.length;
  if (n !== ROWS) throw new Error(`parsed ${n} rows`);
  return performance.now() - t0;
}

try {
  buildWorkers();
  const file = path.join(dir, 'bench.csv');
  writeCsv(file, generateRows());
  process.stderr.write(`generated ${ROWS.toLocaleString('en-US')} rows, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB\n`);
  const raw: number[] = [];
  const runs: PipelineRun[] = [];
  for (let run = 0; run < 2; run++) {
    raw.push(rawInsert(run));
    runs.push(await pipeline(file, run, true));
  }
  const noHooks = (await pipeline(file, 9, false)).ms;
  const parse = await parseOnly(file);
  const rate = (ms: number) => (ROWS / ms) * 1000;
  const bestRaw = Math.min(...raw);
  const bestFull = Math.min(...runs.map((r) => r.ms));
  const list = (f: (r: PipelineRun) => number) => runs.map((r) => Math.round(f(r))).join(', ');
  process.stderr.write(
    `raw insert ${raw.map(Math.round).join(', ')} ms; import ${list((r) => r.ms)} ms; without hooks ${Math.round(noHooks)} ms; parse only (one thread) ${Math.round(parse)} ms\n` +
      `background rollup: fresh ${list((r) => r.rollupMs)} ms after the commit returned; worker build ${list((r) => r.buildMs)} ms; main thread parked ${list((r) => r.parkedMs)} ms\n`,
  );
  bench('import.csv_rows_per_s', rate(bestFull), 'rows/s');
  bench('import.ratio_to_raw_insert', bestRaw / bestFull, 'x');
  bench('import.raw_insert_rows_per_s', rate(bestRaw), 'rows/s');
  bench('import.csv_rows_per_s_without_hooks', rate(noHooks), 'rows/s');
  bench('import.parse_only_rows_per_s', rate(parse), 'rows/s');
  bench('import.rollup_background_ms', Math.min(...runs.map((r) => r.rollupMs)), 'ms');
  bench('import.rollup_main_thread_parked_ms', Math.max(...runs.map((r) => r.parkedMs)), 'ms');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
