/**
 * Statistics speed (`node bench/run.mjs analytics`):
 *   analytics.corr20x1m_ms                      20-column Pearson matrix over 1,000,000 rows (goal < 1,000 ms)
 *   analytics.corr_speedup_vs_simple_statistics simple-statistics' sampleCorrelation per pair on the same data ÷ ours (goal ≥ 5)
 *   analytics.regress1m_x10_ms                  multiple regression, 1,000,000 rows × 10 predictors (goal < 1,500 ms)
 * Medians of 3 runs after a warm-up, engine in-process (the worker adds a transfer of the buffers,
 * reported separately when the worker bundle is built). CPU time is printed beside wall time because
 * this machine is shared: wall figures are pessimistic when others are busy.
 */
import fs from 'node:fs';
import { sampleCorrelation } from 'simple-statistics';
import { correlationMatrix } from '../shared/analytics/correlation/correlation-matrix.js';
import { multipleRegression } from '../shared/analytics/regression/multiple-regression.js';
import type { NumericColumn } from '../shared/analytics/column.js';
import { analyticsWorkerFile, runAnalyticsInWorker } from '../main/analytics/worker-runner.js';
import { bench } from './lib/report.js';

const ROWS = 1_000_000;

/** Deterministic columns: a few shared latent factors plus noise, so correlations are non-trivial. */
function makeColumns(k: number, rows: number, seed: number): NumericColumn[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  const factors = [new Float64Array(rows), new Float64Array(rows), new Float64Array(rows)];
  for (const f of factors) for (let i = 0; i < rows; i++) f[i] = rnd();
  return Array.from({ length: k }, (_, j) => {
    const v = new Float64Array(rows);
    const w = [Math.sin(j + 1), Math.cos(2 * j + 1), (j % 5) / 5];
    for (let i = 0; i < rows; i++) v[i] = 100 + 10 * j + w[0]! * factors[0]![i]! + w[1]! * factors[1]![i]! + w[2]! * factors[2]![i]! + 0.5 * rnd();
    return { name: `c${j}`, values: v };
  });
}

function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function median3(fn: () => void): { wall: number; cpu: number } {
  fn(); // warm-up (JIT)
  const runs = [timed(fn), timed(fn), timed(fn)].sort((a, b) => a.wall - b.wall);
  return runs[1]!;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

// --- correlation ----------------------------------------------------------------------------------
{
  const cols = makeColumns(20, ROWS, 42);
  const ours = median3(() => correlationMatrix(cols));
  bench('analytics.corr20x1m_ms', ours.wall, 'ms');
  bench('analytics.corr20x1m_cpu_ms', ours.cpu, 'ms');
  const arrays = cols.map((c) => c.values as unknown as number[]);
  const baseline = timed(() => {
    for (let a = 0; a < arrays.length; a++) for (let b = a + 1; b < arrays.length; b++) sampleCorrelation(arrays[a]!, arrays[b]!);
  });
  bench('analytics.corr20x1m_simple_statistics_ms', baseline.wall, 'ms');
  bench('analytics.corr_speedup_vs_simple_statistics', baseline.wall / ours.wall, 'x');
  bench('analytics.corr_speedup_vs_simple_statistics_cpu', baseline.cpu / ours.cpu, 'x');
  if (fs.existsSync(analyticsWorkerFile())) {
    const t0 = performance.now();
    await runAnalyticsInWorker({ kind: 'correlate', columns: cols, options: { method: 'pearson', strongest: 10 } });
    bench('analytics.corr20x1m_in_worker_ms', performance.now() - t0, 'ms');
  }
}
gc();

// --- regression -----------------------------------------------------------------------------------
{
  const cols = makeColumns(11, ROWS, 7);
  const [y, ...x] = cols as [NumericColumn, ...NumericColumn[]];
  const ours = median3(() => multipleRegression(y, x));
  bench('analytics.regress1m_x10_ms', ours.wall, 'ms');
  bench('analytics.regress1m_x10_cpu_ms', ours.cpu, 'ms');
}
