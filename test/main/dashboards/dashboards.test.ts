import { describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { testServices, tempHome } from '../../helpers/home.js';

const query = { datasetId: 'd1', x: { field: 'date', bucket: 'day' as const }, y: [{ agg: 'sum' as const, field: 'revenue' }] };

describe('dashboards in the workspace document', () => {
  it('creates, edits, lays out and deletes dashboards and widgets, with undo', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Sales' });
    const w1 = await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'Revenue', type: 'line', query } });
    const w2 = await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'Total', type: 'kpi', query: { ...query, x: undefined } } });
    let got = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dash.id });
    expect(got.widgets.map((w) => w.title).sort()).toEqual(['Revenue', 'Total']);
    // Placement never overlaps.
    const a = got.layout[w1.id]!;
    const b = got.layout[w2.id]!;
    expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);

    await svc.dispatcher.call('layout.update', { workspaceId, dashboardId: dash.id, items: { [w1.id]: { x: 0, y: 10, w: 12, h: 6 } } });
    await svc.dispatcher.call('widgets.update', { workspaceId, dashboardId: dash.id, widgetId: w1.id, patch: { title: 'Daily revenue' } });
    got = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dash.id });
    expect(got.layout[w1.id]).toEqual({ x: 0, y: 10, w: 12, h: 6 });
    expect(got.widgets.find((w) => w.id === w1.id)?.title).toBe('Daily revenue');

    await svc.dispatcher.call('dashboards.delete', { workspaceId, dashboardId: dash.id });
    expect(await svc.dispatcher.call('dashboards.list', { workspaceId })).toEqual([]);
    // One undo step brings back the dashboard with both widgets.
    await svc.dispatcher.call('doc.undo', { workspaceId });
    got = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dash.id });
    expect(got.widgets).toHaveLength(2);
    expect(got.layout[w1.id]).toEqual({ x: 0, y: 10, w: 12, h: 6 });
  });

  it('duplicates a dashboard with fresh widget ids and the same layout', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Ops' });
    const w = await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'T', type: 'bar', query } });
    const copy = await svc.dispatcher.call('dashboards.duplicate', { workspaceId, dashboardId: dash.id });
    const got = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: copy.id });
    expect(got.name).toBe('Ops (copy)');
    expect(got.widgets).toHaveLength(1);
    expect(got.widgets[0]!.id).not.toBe(w.id);
    expect(Object.values(got.layout)).toEqual([(await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dash.id })).layout[w.id]]);
  });

  it('persists the document across restarts through the update log', async () => {
    const home = tempHome();
    let svc = await createServices({ home, sample: false });
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Kept' });
    for (let i = 0; i < 30; i++) await svc.dispatcher.call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: `w${i}`, type: 'bar', query } });
    await svc.close();
    svc = await createServices({ home, sample: false });
    const got = await svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: dash.id });
    expect(got.name).toBe('Kept');
    expect(got.widgets).toHaveLength(30);
    await svc.close();
  });

  it('reports a missing dashboard as NOT_FOUND', async () => {
    const svc = await testServices();
    const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
    const r = await svc.dispatcher.dispatch('dashboards.get', { workspaceId, dashboardId: 'nope' }, { transport: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
