/**
 * The analytics.forecast contract method in process: the worker_thread answers, progress events carry
 * the caller's taskId, analytics.forecast.cancel stops a running forecast, and bad columns are typed errors.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../helpers/home.js';
import { forecastSeries } from '../../../shared/analytics/forecast/forecast-series.js';
import { loadSeries } from '../../shared/analytics/forecast/fixtures.js';
import { ident } from '../../../main/store/datasets-repo.js';
import { addAirPassengers } from './forecast-dataset.js';

const ROOT = path.resolve(__dirname, '../../..');

beforeAll(() => {
  // The handler starts dist/workers/forecast.worker.js; build it from the current sources.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--only=workers'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('analytics.forecast', () => {
  it('answers in a worker with progress events under the taskId', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = addAirPassengers(svc);
    const events: { phase: string; done: number }[] = [];
    svc.events.on('progress', (p) => p.taskId === 'fc-1' && events.push(p));
    const r = await svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'month', valueColumn: 'passengers', horizon: 12, taskId: 'fc-1' });
    const s = loadSeries('AirPassengers');
    const direct = forecastSeries({ times: s.periods, values: s.values, horizon: 12 });
    expect(r.model.name).toBe(direct.model.name);
    r.forecast.forEach((p, i) => expect(p.mean).toBeCloseTo(direct.forecast[i]!.mean, 9));
    expect(r.history).toHaveLength(144);
    expect(r.frequency.unit).toBe('month');
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('is cancelled by analytics.forecast.cancel', async () => {
    const svc = await testServices();
    const c = svc.core();
    const ws = c.workspaces.create('Long');
    const rec = c.datasets.create({ workspaceId: ws.id, name: 'daily', source: { kind: 'csv' }, columns: [{ name: 'day', type: 'datetime' }, { name: 'v', type: 'number' }], timeColumn: 'day' });
    const insert = c.store.db.prepare(`INSERT INTO ${ident(rec.tableName)} (c0, c1) VALUES (?, ?)`);
    c.store.db.transaction(() => {
      for (let i = 0; i < 8000; i++) insert.run(Date.UTC(2000, 0, 1 + i), 100 + Math.sin(i / 3) * 10 + ((i * 7919) % 13));
    })();
    c.datasets.updateAfterWrite(rec);
    let started!: () => void;
    const firstProgress = new Promise<void>((resolve) => (started = resolve));
    svc.events.on('progress', (p) => p.taskId === 'fc-long' && started());
    const running = svc.dispatcher.call('analytics.forecast', { workspaceId: ws.id, datasetId: rec.id, timeColumn: 'day', valueColumn: 'v', horizon: 30, taskId: 'fc-long' });
    const outcome = running.then(
      () => 'finished',
      (e: { code?: string }) => e.code,
    );
    await Promise.race([firstProgress, outcome]);
    await svc.dispatcher.call('analytics.forecast.cancel', { taskId: 'fc-long' });
    expect(await outcome).toBe('CANCELLED');
    await expect(svc.dispatcher.call('analytics.forecast.cancel', { taskId: 'fc-long' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names a missing or non-numeric column', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = addAirPassengers(svc);
    await expect(svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'month', valueColumn: 'revenue', horizon: 3 })).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'Dataset "air" has no column "revenue"' });
    await expect(svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'month', valueColumn: 'note', horizon: 3 })).rejects.toMatchObject({ code: 'BAD_DATA' });
    await expect(svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'month', valueColumn: 'passengers', horizon: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
