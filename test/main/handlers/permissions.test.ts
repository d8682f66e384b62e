/**
 * view_analytics is enforced by main, not only hidden in the UI: every analytics.* and forecast call
 * on a workspace whose role lacks it is refused before any work, and a local workspace (the sole
 * user has every permission) is served.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setWorkspaceRole } from '../../../main/permissions/workspace-role.js';
import { testServices } from '../../helpers/home.js';
import { addDataset, buildWorkers } from '../analytics/fixtures.js';

beforeAll(buildWorkers, 120_000);

async function withDataset() {
  const svc = await testServices();
  const rows = Array.from({ length: 40 }, (_, i) => [`2025-01-${String((i % 28) + 1).padStart(2, '0')}`, i, 2 * i + (i % 3)]);
  const ids = addDataset(svc, 'series', [{ name: 'day', type: 'datetime' }, { name: 'x', type: 'number' }, { name: 'y', type: 'number' }], rows, 'day');
  return { svc, ...ids };
}

describe('view_analytics in main', () => {
  it('refuses every statistics and forecast call of a viewer with FORBIDDEN naming the permission', async () => {
    const { svc, workspaceId, datasetId } = await withDataset();
    setWorkspaceRole(svc.core().settings, workspaceId, 'viewer');
    const calls = [
      svc.dispatcher.call('analytics.describe', { workspaceId, datasetId }),
      svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId, columns: ['x', 'y'] }),
      svc.dispatcher.call('analytics.regress', { workspaceId, datasetId, y: 'y', x: ['x'] }),
      svc.dispatcher.call('analytics.distribution', { workspaceId, datasetId, column: 'x' }),
      svc.dispatcher.call('analytics.trend', { workspaceId, datasetId, timeColumn: 'day', valueColumn: 'y' }),
      svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'day', valueColumn: 'y', horizon: 3 }),
    ];
    for (const c of calls) await expect(c).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('view_analytics') });
    // Stopping one's own task by its id reaches no workspace: it stays allowed.
    await expect(svc.dispatcher.call('analytics.cancel', { taskId: 'nothing-running' })).resolves.toEqual({ ok: true });
  });

  it('serves the same calls on a local workspace and for an editor', async () => {
    const { svc, workspaceId, datasetId } = await withDataset();
    expect((await svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId, columns: ['x', 'y'] })).columns).toEqual(['x', 'y']);
    setWorkspaceRole(svc.core().settings, workspaceId, 'editor');
    expect((await svc.dispatcher.call('analytics.regress', { workspaceId, datasetId, y: 'y', x: ['x'] })).n).toBe(40);
    expect((await svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'day', valueColumn: 'y', horizon: 3, model: 'naive' })).forecast).toHaveLength(3);
  });
});
