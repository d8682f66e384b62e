/**
 * The analytics.* contract methods in process: columns read from the dataset's SQLite table, the job
 * run in the worker_thread, answers equal to the engine's, progress under the taskId, cancellation,
 * and typed errors for bad columns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { runAnalyticsJob } from '../../../shared/analytics/run-job.js';
import { testServices } from '../../helpers/home.js';
import { MTCARS_HP, MTCARS_MPG, MTCARS_WT } from '../../shared/analytics/mtcars.js';
import { addDataset, buildWorkers } from './fixtures.js';

beforeAll(buildWorkers, 120_000);

async function mtcars() {
  const svc = await testServices();
  const rows = MTCARS_MPG.map((m, i) => [m, MTCARS_WT[i]!, i === 4 ? null : MTCARS_HP[i]!, `car ${i}`]);
  const ids = addDataset(
    svc,
    'mtcars',
    [
      { name: 'mpg', type: 'number' },
      { name: 'wt', type: 'number' },
      { name: 'hp', type: 'integer' },
      { name: 'model', type: 'text' },
    ],
    rows,
  );
  return { svc, ...ids };
}

describe('analytics handlers', () => {
  it('describe reads the numeric columns (NULL as missing) and answers what the engine answers', async () => {
    const { svc, workspaceId, datasetId } = await mtcars();
    const r = await svc.dispatcher.call('analytics.describe', { workspaceId, datasetId });
    expect(r.columns.map((c) => c.name)).toEqual(['mpg', 'wt', 'hp']);
    const hp = r.columns[2]!;
    expect(hp.missing).toBe(1);
    const direct = runAnalyticsJob({ kind: 'describe', columns: [numericColumn('hp', MTCARS_HP.map((v, i) => (i === 4 ? null : v)))], options: {} });
    expect(hp).toEqual((direct as typeof r).columns[0]);
  });

  it('correlate, regress, distribution and trend answer through the worker with progress events', async () => {
    const { svc, workspaceId, datasetId } = await mtcars();
    const progress: string[] = [];
    svc.events.on('progress', (p) => p.taskId === 'corr-1' && progress.push(`${p.phase}:${p.done}`));
    const c = await svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId, columns: ['mpg', 'wt', 'hp'], taskId: 'corr-1' });
    expect(c.matrix[0]![1]).toBeCloseTo(-0.8676594, 7);
    expect(c.n[0]![2]).toBe(31);
    expect(progress.at(-1)).toBe('correlate:100');
    const r = await svc.dispatcher.call('analytics.regress', { workspaceId, datasetId, y: 'mpg', x: ['wt'], predict: [[3]] });
    expect(r.terms[1]!.estimate).toBeCloseTo(-5.344472, 6);
    expect(r.predictions[0]!.predLow).toBeCloseTo(14.92987, 5);
    const d = await svc.dispatcher.call('analytics.distribution', { workspaceId, datasetId, column: 'wt' });
    expect(d.normality.shapiroWilk!.w).toBeCloseTo(0.94326, 5);
    const t = await svc.dispatcher.call('analytics.trend', { workspaceId, datasetId, timeColumn: 'wt', valueColumn: 'mpg' });
    expect(t.linear.slopePerStep).not.toBeNull();
    expect(t.notices.map((n) => n.code)).toContain('sorted');
  });

  it('refuses text columns and unknown columns with typed errors naming them', async () => {
    const { svc, workspaceId, datasetId } = await mtcars();
    const text = await svc.dispatcher.dispatch('analytics.distribution', { workspaceId, datasetId, column: 'model' }, { transport: 'test' });
    expect(text).toMatchObject({ ok: false, error: { code: 'BAD_DATA', message: expect.stringContaining('"model"') } });
    const missing = await svc.dispatcher.dispatch('analytics.regress', { workspaceId, datasetId, y: 'mpg', x: ['weight'] }, { transport: 'test' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('no column "weight"') } });
    const constant = addDataset(svc, 'flat', [{ name: 'k', type: 'number' }, { name: 'y', type: 'number' }], [[1, 2], [1, 3], [1, 5]]);
    const flat = await svc.dispatcher.dispatch('analytics.regress', { ...constant, y: 'y', x: ['k'] }, { transport: 'test' });
    expect(flat).toMatchObject({ ok: false, error: { code: 'BAD_DATA', message: expect.stringContaining('"k" has no variance') } });
  });

  it('analytics.cancel stops a running job: its call fails with CANCELLED', async () => {
    const svc = await testServices();
    const n = 200_000;
    const cols = Array.from({ length: 8 }, (_, j) => ({ name: `c${j}`, type: 'number' as const }));
    const rows = Array.from({ length: n }, (_, i) => cols.map((_, j) => ((i * (j + 7919)) % 1009) / 7));
    const ids = addDataset(svc, 'big', cols, rows);
    const call = svc.dispatcher.dispatch('analytics.correlate', { ...ids, method: 'spearman', taskId: 'slow-1' }, { transport: 'test' });
    await new Promise<void>((resolve) => {
      const off = svc.events.on('progress', (p) => {
        if (p.taskId === 'slow-1') {
          off();
          resolve();
        }
      });
    });
    await svc.dispatcher.call('analytics.cancel', { taskId: 'slow-1' });
    expect(await call).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // Cancelling something that is not running is harmless.
    await expect(svc.dispatcher.call('analytics.cancel', { taskId: 'slow-1' })).resolves.toEqual({ ok: true });
  });
});
