/**
 * Cancel covers the whole task, reading included: a statistics call cancelled while main is still
 * reading the dataset's rows stops there (CANCELLED) and never starts the worker, and the read
 * itself reports progress under the taskId.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../helpers/home.js';
import { addDataset, buildWorkers } from './fixtures.js';

beforeAll(buildWorkers, 120_000);

describe('cancelling while the rows are read', () => {
  it('stops the read and never runs the job', async () => {
    const svc = await testServices();
    const n = 300_000;
    const ids = addDataset(svc, 'wide', [{ name: 'a', type: 'number' }, { name: 'b', type: 'number' }], Array.from({ length: n }, (_, i) => [i % 1013, (i * 7) % 997]));
    const phases: string[] = [];
    svc.events.on('progress', (p) => p.taskId === 'read-1' && phases.push(p.phase));
    const call = svc.dispatcher.dispatch('analytics.correlate', { ...ids, taskId: 'read-1' }, { transport: 'test' });
    await new Promise<void>((resolve) => {
      const off = svc.events.on('progress', (p) => {
        if (p.taskId === 'read-1' && p.phase === 'read') {
          off();
          resolve();
        }
      });
    });
    await svc.dispatcher.call('analytics.cancel', { taskId: 'read-1' });
    expect(await call).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(phases.length).toBeGreaterThan(0);
    expect(phases.every((p) => p === 'read')).toBe(true);
  });

  it('reports the read as progress before the job, then the job to 100%', async () => {
    const svc = await testServices();
    const ids = addDataset(svc, 'small', [{ name: 'a', type: 'number' }, { name: 'b', type: 'number' }], Array.from({ length: 120_000 }, (_, i) => [i % 101, (i * 3) % 89]));
    const seen: string[] = [];
    svc.events.on('progress', (p) => p.taskId === 'read-2' && seen.push(`${p.phase}:${p.done}`));
    await svc.dispatcher.call('analytics.correlate', { ...ids, taskId: 'read-2' });
    const firstJob = seen.findIndex((s) => !s.startsWith('read:'));
    expect(seen.slice(0, firstJob)).toEqual(['read:42', 'read:83', 'read:100']);
    expect(seen.at(-1)).toBe('correlate:100');
  });
});
