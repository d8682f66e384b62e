/**
 * The page ↔ analytics worker messaging: the worker side answers what the engine answers (results,
 * progress, typed errors), and the pool runs jobs concurrently up to its size, reuses idle workers,
 * cancels by terminating, and survives a crashed worker.
 */
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { runAnalyticsJob } from '../../../shared/analytics/run-job.js';
import { forecastSeries } from '../../../shared/analytics/forecast/forecast-series.js';
import { UdashError } from '../../../shared/errors.js';
import { handleMessage } from '../../../renderer/src/workers/handle-message.js';
import type { FromWorker, WorkerJob } from '../../../renderer/src/workers/protocol.js';
import { WorkerPool } from '../../../renderer/src/workers/worker-pool.js';
import { spawner, tick } from './fake-worker.js';

const cols = () => [numericColumn('a', [1, 2, 3, 4, 5, 6]), numericColumn('b', [2, 4.5, 5.5, 8, 10.2, 12]), numericColumn('c', [6, 5, 4, 3.5, 2, 1])];
const correlate = (): WorkerJob => ({ kind: 'correlate', columns: cols(), options: { method: 'pearson', strongest: 3 } });
const monthly = Array.from({ length: 48 }, (_, i) => `20${20 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const seasonal = Array.from({ length: 48 }, (_, i) => 100 + i + 20 * Math.sin((2 * Math.PI * i) / 12));

describe('the worker side', () => {
  it('answers a statistics job with exactly what the engine answers, after progress', () => {
    const out: FromWorker[] = [];
    handleMessage({ type: 'run', id: 7, job: correlate() }, (m) => out.push(m));
    expect(out[0]).toMatchObject({ type: 'progress', id: 7, phase: 'correlate', fraction: 0 });
    expect(out.at(-1)).toEqual({ type: 'result', id: 7, value: runAnalyticsJob(correlate() as Parameters<typeof runAnalyticsJob>[0]) });
  });

  it('answers a forecast with what forecastSeries answers', () => {
    const out: FromWorker[] = [];
    const request = { times: monthly, values: seasonal, horizon: 6, model: 'holt-winters' as const, levels: [80, 95] };
    handleMessage({ type: 'run', id: 1, job: { kind: 'forecast', request } }, (m) => out.push(m));
    const last = out.at(-1)!;
    expect(last.type).toBe('result');
    expect((last as { value: unknown }).value).toEqual(forecastSeries(request));
    expect(out.some((m) => m.type === 'progress')).toBe(true);
  });

  it('turns an engine error into its code and message, never a stack', () => {
    const out: FromWorker[] = [];
    handleMessage({ type: 'run', id: 3, job: { kind: 'distribution', column: numericColumn('empty', [null, null]), options: {} } }, (m) => out.push(m));
    const err = out.at(-1)! as Extract<FromWorker, { type: 'error' }>;
    expect(err.type).toBe('error');
    expect(err.error.code).toBe('BAD_DATA');
    expect(err.error.message).toContain('empty');
    expect(JSON.stringify(err)).not.toContain('    at ');
  });
});

describe('the worker pool', () => {
  it('runs a job through a worker and relays its progress', async () => {
    const s = spawner();
    const pool = new WorkerPool({ spawn: s.spawn, size: 2 });
    const phases: number[] = [];
    const r = await pool.run(correlate(), { onProgress: (_p, f) => phases.push(f) });
    expect(r).toEqual(runAnalyticsJob(correlate() as Parameters<typeof runAnalyticsJob>[0]));
    expect(phases[0]).toBe(0);
    expect(phases.at(-1)).toBe(1);
    pool.dispose();
  });

  it('reuses an idle worker and never runs more jobs at once than its size', async () => {
    const s = spawner('manual');
    const pool = new WorkerPool({ spawn: s.spawn, size: 2 });
    const results = [pool.run(correlate()), pool.run(correlate()), pool.run(correlate())];
    await tick();
    expect(s.spawned.length).toBe(2);
    const first = s.spawned[0]!;
    first.reply({ type: 'result', id: first.received[0]!.id, value: { columns: [] } });
    await expect(results[0]).resolves.toEqual({ columns: [] });
    await tick();
    // The third job went to the worker the first one freed: no third worker.
    expect(s.spawned.length).toBe(2);
    expect(first.received.length).toBe(2);
    pool.dispose();
  });

  it('cancels a running job by terminating its worker, and the queue moves on', async () => {
    const s = spawner('manual');
    const pool = new WorkerPool({ spawn: s.spawn, size: 1 });
    const ctrl = new AbortController();
    const running = pool.run(correlate(), { signal: ctrl.signal });
    const queued = pool.run(correlate());
    await tick();
    ctrl.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(s.spawned[0]!.terminated).toBe(true);
    await tick();
    // A fresh worker takes the queued job.
    expect(s.spawned.length).toBe(2);
    const w = s.spawned[1]!;
    w.reply({ type: 'result', id: w.received[0]!.id, value: { ok: 1 } as never });
    await expect(queued).resolves.toEqual({ ok: 1 });
    pool.dispose();
  });

  it('drops a queued job that is cancelled before it starts', async () => {
    const s = spawner('manual');
    const pool = new WorkerPool({ spawn: s.spawn, size: 1 });
    void pool.run(correlate()).catch(() => undefined);
    const ctrl = new AbortController();
    const queued = pool.run(correlate(), { signal: ctrl.signal });
    ctrl.abort();
    await expect(queued).rejects.toBeInstanceOf(UdashError);
    await tick();
    expect(s.spawned[0]!.received.length).toBe(1);
    pool.dispose();
  });

  it('reports a crashed worker as an internal error and does not reuse it', async () => {
    const s = spawner('manual');
    const pool = new WorkerPool({ spawn: s.spawn, size: 1 });
    const job = pool.run(correlate());
    await tick();
    s.spawned[0]!.crash('out of memory');
    await expect(job).rejects.toMatchObject({ code: 'INTERNAL', message: 'The analysis worker failed: out of memory' });
    expect(s.spawned[0]!.terminated).toBe(true);
    pool.dispose();
  });

  it('passes a typed error from the worker through with its code', async () => {
    const s = spawner();
    const pool = new WorkerPool({ spawn: s.spawn });
    await expect(pool.run({ kind: 'forecast', request: { times: monthly, values: seasonal, horizon: 0 } })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    pool.dispose();
  });
});
