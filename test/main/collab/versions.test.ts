/**
 * The version history through the contract on real services and a real dataset: named versions, a
 * dashboard as it was, a widget's data as the version's query asked for it, the diff with now, and
 * restore — which must be an ordinary edit: a second replica receiving the update gets the restored
 * dashboard, concurrent edits elsewhere survive, and doc.undo takes the restore back.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { UdashError } from '../../../shared/errors.js';
import type { Services } from '../../../main/services.js';
import { dashboardIn } from '../../../main/collab/versions/version-state.js';
import { setWorkspaceRole } from '../../../main/permissions/workspace-role.js';
import { testServices } from '../../helpers/home.js';
import { createDataset, type Cell } from '../query/fixtures.js';
import { contentOf, exchange, REMOTE, replicaOf } from './docs.js';

const COLUMNS = [
  { name: 'date', type: 'datetime' as const },
  { name: 'region', type: 'text' as const },
  { name: 'revenue', type: 'number' as const },
];
const ROWS: Cell[][] = [
  ['2024-01-01T00:00:00Z', 'north', 10],
  ['2024-01-01T00:00:00Z', 'south', 5],
  ['2024-01-02T00:00:00Z', 'north', 20],
  ['2024-01-03T00:00:00Z', 'south', 40],
];

async function setup() {
  const svc = await testServices();
  const call = svc.dispatcher.call;
  const { id: workspaceId } = await call('workspaces.create', { name: 'W' });
  const ds = createDataset(svc, workspaceId, 'sales', COLUMNS, ROWS);
  const byDay = { datasetId: ds.id, x: { field: 'date', bucket: 'day' as const }, y: [{ agg: 'sum' as const, field: 'revenue' }] };
  const dash = await call('dashboards.create', { workspaceId, name: 'Sales' });
  const trend = await call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'Revenue by day', type: 'line', query: byDay } });
  const total = await call('widgets.create', { workspaceId, dashboardId: dash.id, widget: { title: 'Total', type: 'kpi', query: { datasetId: ds.id, y: [{ agg: 'sum', field: 'revenue' }] } } });
  return { svc, call, workspaceId, ds, byDay, dashboardId: dash.id, trendId: trend.id, totalId: total.id };
}

const live = (svc: Services, workspaceId: string) => svc.core().docs.get(workspaceId);

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof UdashError ? e.code : String(e);
  }
  return undefined;
}

describe('versions of a workspace', () => {
  it('saves a named version and opens the dashboard as it was, with data under the old query', async () => {
    const { call, workspaceId, dashboardId, trendId, totalId } = await setup();
    const v = await call('versions.create', { workspaceId, name: 'Before review' });
    expect(v).toMatchObject({ kind: 'named', reason: 'named', name: 'Before review', workspaceId });
    expect(v.bytes).toBeGreaterThan(0);

    // Change the dashboard: filter to north, retitle and regroup a widget, delete the KPI, add a table.
    await call('dashboards.update', { workspaceId, dashboardId, patch: { name: 'Sales (north)', filters: [{ field: 'region', op: 'eq', value: 'north' }] } });
    await call('widgets.update', { workspaceId, dashboardId, widgetId: trendId, patch: { title: 'Revenue', type: 'bar' } });
    await call('widgets.delete', { workspaceId, dashboardId, widgetId: totalId });

    const { dashboards } = await call('versions.get', { workspaceId, versionId: v.id, dashboardId });
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.name).toBe('Sales');
    expect(dashboards[0]!.filters).toEqual([]);
    expect(dashboards[0]!.widgets.map((w) => [w.title, w.type]).sort()).toEqual([
      ['Revenue by day', 'line'],
      ['Total', 'kpi'],
    ]);

    // The version's widget runs with the version's (unfiltered) dashboard over today's rows.
    const then = await call('versions.widgetData', { workspaceId, versionId: v.id, dashboardId, widgetId: trendId });
    expect(then.rows.map((r) => r[1])).toEqual([15, 20, 40]);
    const now = await call('widgets.data', { workspaceId, dashboardId, widgetId: trendId });
    expect(now.rows.map((r) => r[1])).toEqual([10, 20]);
    // A widget deleted since still has its data in the version.
    const kpi = await call('versions.widgetData', { workspaceId, versionId: v.id, dashboardId, widgetId: totalId });
    expect(kpi.kpi?.value).toBe(75);

    expect(await code(call('versions.get', { workspaceId, versionId: 'nope' }))).toBe('NOT_FOUND');
    expect(await code(call('versions.widgetData', { workspaceId, versionId: v.id, dashboardId, widgetId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('compares a version with now: dashboard fields, widgets added, removed and changed field by field, layout moves', async () => {
    const { call, workspaceId, ds, dashboardId, trendId, totalId } = await setup();
    const v = await call('versions.create', { workspaceId, name: 'v1' });
    await call('dashboards.update', { workspaceId, dashboardId, patch: { name: 'Sales 2' } });
    await call('widgets.update', { workspaceId, dashboardId, widgetId: trendId, patch: { title: 'Revenue', options: { color: '#ff0000' } } });
    await call('widgets.delete', { workspaceId, dashboardId, widgetId: totalId });
    const added = await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Rows', type: 'table', query: { datasetId: ds.id, y: [{ agg: 'count' }] } } });
    await call('layout.update', { workspaceId, dashboardId, items: { [trendId]: { x: 0, y: 20, w: 12, h: 5 } } });
    const other = await call('dashboards.create', { workspaceId, name: 'New one' });

    const diff = await call('versions.diff', { workspaceId, versionId: v.id });
    const sales = diff.dashboards.find((d) => d.dashboardId === dashboardId)!;
    expect(sales.status).toBe('changed');
    expect(sales.fields).toEqual([{ field: 'name', before: 'Sales', after: 'Sales 2' }]);
    const byId = Object.fromEntries(sales.widgets.map((w) => [w.widgetId, w]));
    expect(byId[added.id]).toMatchObject({ status: 'added', title: 'Rows' });
    expect(byId[totalId]).toMatchObject({ status: 'removed', title: 'Total' });
    expect(byId[trendId]).toMatchObject({ status: 'changed', title: 'Revenue' });
    expect(byId[trendId]!.fields).toEqual([
      { field: 'title', before: 'Revenue by day', after: 'Revenue' },
      { field: 'options.color', after: '#ff0000' },
    ]);
    expect(sales.layout).toHaveLength(1);
    expect(sales.layout[0]).toMatchObject({ widgetId: trendId, after: { x: 0, y: 20, w: 12, h: 5 } });
    expect(diff.dashboards.find((d) => d.dashboardId === other.id)?.status).toBe('added');

    const one = await call('versions.diff', { workspaceId, versionId: v.id, dashboardId: other.id });
    expect(one.dashboards.map((d) => d.status)).toEqual(['added']);
    const fresh = await call('versions.create', { workspaceId, name: 'v2' });
    expect((await call('versions.diff', { workspaceId, versionId: fresh.id })).dashboards.every((d) => d.status === 'unchanged')).toBe(true);
  });

  it('restores a dashboard as a normal edit that a second replica receives, keeps concurrent edits, and undoes', async () => {
    const { svc, call, workspaceId, ds, dashboardId, trendId, totalId } = await setup();
    const v = await call('versions.create', { workspaceId, name: 'good' });
    const before = await call('dashboards.get', { workspaceId, dashboardId });

    // A colleague's replica, in sync now; it will only ever see updates.
    const colleague = replicaOf(live(svc, workspaceId));
    const sent: Uint8Array[] = [];
    live(svc, workspaceId).on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && sent.push(u));

    await call('widgets.delete', { workspaceId, dashboardId, widgetId: totalId });
    await call('widgets.update', { workspaceId, dashboardId, widgetId: trendId, patch: { title: 'Broken', type: 'pie' } });
    const extra = await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Extra', type: 'table', query: { datasetId: ds.id, y: [{ agg: 'count' }] } } });
    await call('dashboards.update', { workspaceId, dashboardId, patch: { name: 'Oops' } });
    const versionsBefore = (await call('versions.list', { workspaceId })).length;

    const result = await call('versions.restore', { workspaceId, versionId: v.id, dashboardId });
    expect(result).toEqual({ dashboardId, widgetsRestored: 1, widgetsRemoved: 1, fieldsChanged: 4 }); // name, layout; title and type of the trend
    const after = await call('dashboards.get', { workspaceId, dashboardId });
    const shape = (d: typeof before) => ({ name: d.name, layout: d.layout, filters: d.filters, widgets: [...d.widgets].sort((a, b) => a.id.localeCompare(b.id)) });
    expect(shape(after)).toEqual(shape(before));
    expect(after.widgets.some((w) => w.id === extra.id)).toBe(false);
    // The state just before the restore was kept as an automatic version.
    const list = await call('versions.list', { workspaceId });
    expect(list).toHaveLength(versionsBefore + 1);
    expect(list[0]).toMatchObject({ kind: 'auto', reason: 'restore' });

    // The colleague gets the restore through ordinary updates, as the sync client would relay them.
    for (const u of sent) Y.applyUpdate(colleague, u, REMOTE);
    expect(contentOf(colleague)).toEqual(contentOf(live(svc, workspaceId)));
    expect(dashboardIn(colleague, dashboardId)!.widgets.map((w) => w.title).sort()).toEqual(['Revenue by day', 'Total']);

    // One undo step takes the whole restore back.
    await call('doc.undo', { workspaceId });
    const undone = await call('dashboards.get', { workspaceId, dashboardId });
    expect(undone.name).toBe('Oops');
    expect(undone.widgets.map((w) => w.title).sort()).toEqual(['Broken', 'Extra']);
  });

  it('merges a restore with a concurrent edit of another field made on another replica', async () => {
    const { svc, call, workspaceId, dashboardId, trendId } = await setup();
    const v = await call('versions.create', { workspaceId, name: 'v' });
    await call('widgets.update', { workspaceId, dashboardId, widgetId: trendId, patch: { title: 'Changed' } });
    const colleague = replicaOf(live(svc, workspaceId));
    // Offline, the colleague changes the widget's colour while this user restores the title.
    const item = colleague.getMap<Y.Map<unknown>>('widgets').get(trendId)!;
    colleague.transact(() => item.set('options', { color: '#00aa00' }));
    await call('versions.restore', { workspaceId, versionId: v.id, dashboardId, widgetId: trendId });
    exchange(live(svc, workspaceId), colleague);
    expect(contentOf(colleague)).toEqual(contentOf(live(svc, workspaceId)));
    const w = (await call('dashboards.get', { workspaceId, dashboardId })).widgets.find((x) => x.id === trendId)!;
    expect(w.title).toBe('Revenue by day');
    expect(w.options.color).toBe('#00aa00');
  });

  it('restores a deleted dashboard and a single widget, names automatic versions, and refuses viewers', async () => {
    const { svc, call, workspaceId, dashboardId, trendId, totalId } = await setup();
    const v = await call('versions.create', { workspaceId, name: 'all' });
    await call('dashboards.delete', { workspaceId, dashboardId });
    expect(await call('dashboards.list', { workspaceId })).toEqual([]);
    const r = await call('versions.restore', { workspaceId, versionId: v.id, dashboardId });
    expect(r.widgetsRestored).toBe(2);
    expect((await call('dashboards.get', { workspaceId, dashboardId })).widgets).toHaveLength(2);

    await call('widgets.delete', { workspaceId, dashboardId, widgetId: totalId });
    await call('widgets.update', { workspaceId, dashboardId, widgetId: trendId, patch: { title: 'Keep this title' } });
    const one = await call('versions.restore', { workspaceId, versionId: v.id, dashboardId, widgetId: totalId });
    expect(one).toMatchObject({ widgetsRestored: 1, widgetsRemoved: 0 });
    const got = await call('dashboards.get', { workspaceId, dashboardId });
    expect(got.widgets.map((w) => w.title).sort()).toEqual(['Keep this title', 'Total']);
    expect(got.layout[totalId]).toBeDefined();

    const auto = (await call('versions.list', { workspaceId })).find((x) => x.kind === 'auto')!;
    const named = await call('versions.rename', { workspaceId, versionId: auto.id, name: 'Saved by hand' });
    expect(named).toMatchObject({ id: auto.id, kind: 'named', name: 'Saved by hand' });

    setWorkspaceRole(svc.core().settings, workspaceId, 'viewer');
    expect(await code(call('versions.restore', { workspaceId, versionId: v.id, dashboardId }))).toBe('FORBIDDEN');
  });
});
