/** The worker_thread runner: same answers as in process, buffers moved not copied, cancellation, errors kept typed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { runAnalyticsJob } from '../../../shared/analytics/run-job.js';
import { runAnalyticsInWorker } from '../../../main/analytics/worker-runner.js';
import { UdashError } from '../../../shared/errors.js';
import { MTCARS_MPG, MTCARS_WT } from '../../shared/analytics/mtcars.js';
import { buildWorkers } from './fixtures.js';

beforeAll(buildWorkers, 120_000);

describe('runAnalyticsInWorker', () => {
  it('answers exactly what runAnalyticsJob answers, transferring the column buffers', async () => {
    const cols = () => [numericColumn('mpg', MTCARS_MPG), numericColumn('wt', MTCARS_WT)];
    const direct = runAnalyticsJob({ kind: 'correlate', columns: cols(), options: { method: 'pearson', strongest: 5 } });
    const sent = cols();
    const viaWorker = await runAnalyticsInWorker({ kind: 'correlate', columns: sent, options: { method: 'pearson', strongest: 5 } });
    expect(viaWorker).toEqual(direct);
    expect(sent[0]!.values.byteLength).toBe(0); // moved to the worker, not copied
  });

  it('keeps UdashError codes and details across the thread boundary', async () => {
    const err = await runAnalyticsInWorker({ kind: 'distribution', column: numericColumn('x', [1, Infinity]), options: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UdashError);
    expect(err).toMatchObject({ code: 'BAD_DATA', details: { column: 'x', row: 2 } });
  });

  it('stops on abort with CANCELLED, and refuses to start when the bundle is missing', async () => {
    const ctrl = new AbortController();
    const big = Array.from({ length: 6 }, (_, j) => ({ name: `c${j}`, values: Float64Array.from({ length: 400_000 }, (_, i) => ((i * (j + 31)) % 997) / 3) }));
    const started = Date.now();
    const run = runAnalyticsInWorker({ kind: 'correlate', columns: big, options: { method: 'spearman', strongest: 1 } }, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(runAnalyticsInWorker({ kind: 'describe', columns: [], options: {} }, { workerFile: '/nonexistent/analytics.worker.js' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
