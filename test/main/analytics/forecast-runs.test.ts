/**
 * Forecast revision tracking through the contract: a forecast saved as a run keeps its configuration
 * in the workspace doc and its values in SQLite; rows imported later are compared with it, only for
 * periods that really received rows; runs list, open, undo and delete; and the view_analytics
 * permission gates it all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_RUNS_COLLECTION, ForecastRun } from '../../../shared/model/forecast-run.js';
import { readAll } from '../../../shared/model/workspace-doc.js';
import { setWorkspaceRole } from '../../../main/permissions/workspace-role.js';
import type { Services } from '../../../main/services.js';
import { testServices } from '../../helpers/home.js';
import { buildWorkers } from './fixtures.js';

beforeAll(buildWorkers, 120_000);

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const dayOf = (i: number) => new Date(START + i * DAY).toISOString().slice(0, 10);
/** A weekly pattern on a gentle upward trend. */
const level = (i: number) => Math.round(1000 + 3 * i + 120 * Math.sin((2 * Math.PI * i) / 7));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function csv(rows: [string, number][]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-runs-'));
  dirs.push(dir);
  const file = path.join(dir, 'sales.csv');
  fs.writeFileSync(file, ['date,sales', ...rows.map(([d, v]) => `${d},${v}`)].join('\n') + '\n');
  return file;
}

async function setup(): Promise<{ svc: Services; workspaceId: string; datasetId: string }> {
  const svc = await testServices();
  const workspaceId = (await svc.dispatcher.call('workspaces.create', { name: 'Runs' })).id;
  const file = csv(Array.from({ length: 84 }, (_, i) => [dayOf(i), level(i)]));
  const imported = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Sales', mode: 'create' });
  return { svc, workspaceId, datasetId: imported.dataset.id };
}

const config = (datasetId: string) => ({ datasetId, timeColumn: 'date', valueColumn: 'sales', horizon: 14, model: 'auto' as const, season: 'auto' as const, levels: [80, 95], fill: 'linear' as const, aggregate: 'sum' as const });

async function forecastAndSave(svc: Services, workspaceId: string, datasetId: string, name = 'January plan') {
  const result = await svc.dispatcher.call('analytics.forecast', { workspaceId, ...config(datasetId) });
  const run = await svc.dispatcher.call('forecastRuns.save', { workspaceId, name, config: config(datasetId), result });
  return { result, run };
}

describe('forecast runs', () => {
  it('keeps the configuration in the workspace doc and the values in SQLite', async () => {
    const { svc, workspaceId, datasetId } = await setup();
    const { result, run } = await forecastAndSave(svc, workspaceId, datasetId);
    expect(run).toMatchObject({ name: 'January plan', horizon: 14, lastHistoryTime: dayOf(83), firstForecastTime: dayOf(84), lastForecastTime: dayOf(97), hasValues: true, levels: [80, 95] });
    expect(run.model.name).toBe(result.model.name);

    const doc = svc.core().docs.get(workspaceId);
    const inDoc = readAll(doc, FORECAST_RUNS_COLLECTION, ForecastRun).items;
    expect(inDoc.map((r) => r.id)).toEqual([run.id]);
    expect(inDoc[0]!.config).toEqual(config(datasetId));

    const stored = svc.core().store.db.prepare('SELECT count(*) AS n FROM forecast_run_points WHERE run_id = ?').get(run.id) as { n: number };
    expect(stored.n).toBe(14);
    const got = await svc.dispatcher.call('forecastRuns.get', { workspaceId, runId: run.id });
    expect(got.points.map((p) => p.mean)).toEqual(result.forecast.map((f) => f.mean));
    expect(got.points[0]).toMatchObject({ step: 1, time: dayOf(84), lower: result.forecast[0]!.lower, upper: result.forecast[0]!.upper });
  });

  it('compares each run with rows imported after it, only where rows arrived', async () => {
    const { svc, workspaceId, datasetId } = await setup();
    const { run } = await forecastAndSave(svc, workspaceId, datasetId);
    const before = await svc.dispatcher.call('forecastRuns.compare', { workspaceId, datasetId });
    expect(before.revisions[0]!.error).toEqual({ matched: 0, mae: null, rmse: null, mape: null, bias: null, coverage: {} });

    // Ten later days arrive, but day 86 is missing (the gap is interpolated when regularising; it is not an actual).
    const later = Array.from({ length: 10 }, (_, k) => 84 + k).filter((i) => i !== 86);
    // Two rows for day 85: the run aggregates by sum, so its actual is their total.
    const rows: [string, number][] = later.map((i) => [dayOf(i), level(i)]);
    rows.push([dayOf(85), 50]);
    await svc.dispatcher.call('import.commit', { workspaceId, source: { path: csv(rows) }, name: 'Sales', mode: 'append' });

    const after = await svc.dispatcher.call('forecastRuns.compare', { workspaceId, datasetId });
    const rev = after.revisions[0]!;
    expect(rev.run.id).toBe(run.id);
    const actualOf = (i: number) => (i === 85 ? level(85) + 50 : level(i));
    const expected = rev.points.map((p) => {
      const i = Math.round((Date.parse(`${String(p.time)}T00:00:00Z`) - START) / DAY);
      return later.includes(i) ? actualOf(i) : null;
    });
    expect(rev.points.map((p) => p.actual)).toEqual(expected);
    expect(rev.points.find((p) => p.time === dayOf(86))!.actual).toBeNull();
    const matched = rev.points.filter((p) => p.actual !== null);
    expect(rev.error.matched).toBe(9);
    const mae = matched.reduce((s, p) => s + Math.abs(p.mean - p.actual!), 0) / 9;
    expect(rev.error.mae).toBeCloseTo(mae, 9);
    expect(rev.error.bias).toBeCloseTo(matched.reduce((s, p) => s + p.mean - p.actual!, 0) / 9, 9);
    const inside95 = matched.filter((p) => p.actual! >= p.lower['95']! && p.actual! <= p.upper['95']!).length;
    expect(rev.error.coverage['95']).toBeCloseTo(inside95 / 9, 12);
    for (const p of matched) expect(p.error).toBeCloseTo(p.mean - p.actual!, 9);
  });

  it('lists newest first, filters by dataset, undoes a save, and deletes values with the run', async () => {
    const { svc, workspaceId, datasetId } = await setup();
    const first = (await forecastAndSave(svc, workspaceId, datasetId, 'First')).run;
    await new Promise((r) => setTimeout(r, 5));
    const second = (await forecastAndSave(svc, workspaceId, datasetId, 'Second')).run;
    expect((await svc.dispatcher.call('forecastRuns.list', { workspaceId })).map((r) => r.name)).toEqual(['Second', 'First']);
    expect(await svc.dispatcher.call('forecastRuns.list', { workspaceId, datasetId: 'other' })).toEqual([]);

    await svc.dispatcher.call('doc.undo', { workspaceId });
    expect((await svc.dispatcher.call('forecastRuns.list', { workspaceId })).map((r) => r.id)).toEqual([first.id]);
    await svc.dispatcher.call('doc.redo', { workspaceId });

    await svc.dispatcher.call('forecastRuns.delete', { workspaceId, runId: second.id });
    expect((await svc.dispatcher.call('forecastRuns.list', { workspaceId })).map((r) => r.id)).toEqual([first.id]);
    expect(svc.core().store.db.prepare('SELECT count(*) AS n FROM forecast_run_points WHERE run_id = ?').get(second.id)).toEqual({ n: 0 });
    await expect(svc.dispatcher.call('forecastRuns.get', { workspaceId, runId: second.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("lists a teammate's run (config synced, values not held here) without values", async () => {
    const { svc, workspaceId, datasetId } = await setup();
    const { run } = await forecastAndSave(svc, workspaceId, datasetId);
    svc.core().store.db.prepare('DELETE FROM forecast_run_points WHERE run_id = ?').run(run.id);
    const [listed] = await svc.dispatcher.call('forecastRuns.list', { workspaceId });
    expect(listed).toMatchObject({ id: run.id, hasValues: false });
    const cmp = await svc.dispatcher.call('forecastRuns.compare', { workspaceId, runIds: [run.id] });
    expect(cmp.revisions[0]).toMatchObject({ points: [], error: { matched: 0 } });
  });

  it('refuses a forecast without values and a column the dataset lacks, naming the field', async () => {
    const { svc, workspaceId, datasetId } = await setup();
    const result = await svc.dispatcher.call('analytics.forecast', { workspaceId, ...config(datasetId) });
    await expect(svc.dispatcher.call('forecastRuns.save', { workspaceId, name: 'x', config: config(datasetId), result: { ...result, forecast: [] } })).rejects.toMatchObject({ code: 'BAD_INPUT', path: ['result', 'forecast'] });
    await expect(svc.dispatcher.call('forecastRuns.save', { workspaceId, name: 'x', config: { ...config(datasetId), valueColumn: 'profit' }, result })).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'Dataset "Sales" has no column "profit"' });
  });

  it('needs the view_analytics permission, which a viewer lacks', async () => {
    const { svc, workspaceId } = await setup();
    expect(await svc.dispatcher.call('workspaces.access', { workspaceId })).toEqual({ workspaceId, role: 'local', permissions: ['view_analytics'] });
    setWorkspaceRole(svc.core().settings, workspaceId, 'viewer');
    expect(await svc.dispatcher.call('workspaces.access', { workspaceId })).toEqual({ workspaceId, role: 'viewer', permissions: [] });
    await expect(svc.dispatcher.call('forecastRuns.list', { workspaceId })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('view_analytics') });
    setWorkspaceRole(svc.core().settings, workspaceId, 'editor');
    expect(await svc.dispatcher.call('forecastRuns.list', { workspaceId })).toEqual([]);
  });
});
