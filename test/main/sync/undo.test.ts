/**
 * Undo is per user: the dashboards UI's Ctrl+Z (and the "Undo" of a toast) call doc.undo, which runs
 * WorkspaceDocs' Y.UndoManager tracking only the local origin. A colleague's edits arriving through
 * the sync server are never undone by it, even when they touched the same dashboard or field.
 */
import { describe, expect, it } from 'vitest';
import { converged, sharedPair, waitFor } from './helpers.js';

describe('sync: undo is per user', () => {
  it("undo reverts only this user's edit, never a colleague's synced edit", async () => {
    const { a, b, wsId } = await sharedPair();
    // B makes the dashboard, so A's undo history holds only A's own edits below.
    const dash = await b.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Original' });
    await converged(a, b, wsId);
    const get = (svc: typeof a) => svc.dispatcher.call('dashboards.get', { workspaceId: wsId, dashboardId: dash.id });

    // Different fields of one dashboard: A renames, B describes; A's undo takes back only the rename.
    // B's edit is usually made before A's rename reaches B, so both edits' `updatedAt` writes are
    // concurrent; when A's wins (A's Yjs client id is higher, about half the runs) this is the case
    // main/docs/contested-fields.ts exists for. test/main/docs/undo-contested-fields.test.ts forces both orders.
    await a.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'Renamed by A' } });
    await b.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { description: 'Described by B' } });
    await converged(a, b, wsId);
    await a.dispatcher.call('doc.undo', { workspaceId: wsId });
    await converged(a, b, wsId);
    for (const svc of [a, b]) expect(await get(svc)).toMatchObject({ name: 'Original', description: 'Described by B' });

    // The same field: A sets it, then B overwrites it; A's undo must not bring back A's old value over
    // B's. (Yjs skips an undo step that a colleague has overwritten and takes back the step before it,
    // if any: here there is none left, so nothing changes.)
    await a.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'A again' } });
    await waitFor(async () => (await get(b)).name === 'A again', "A's rename to reach B");
    await b.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'B wins' } });
    await waitFor(async () => (await get(a)).name === 'B wins', "B's rename to reach A");
    await a.dispatcher.call('doc.undo', { workspaceId: wsId });
    await converged(a, b, wsId);
    for (const svc of [a, b]) expect((await get(svc)).name).toBe('B wins');

    // A colleague's new widget is not something A can undo: with nothing of A's left, undo is a no-op.
    const w = await b.dispatcher.call('widgets.create', { workspaceId: wsId, dashboardId: dash.id, widget: { type: 'kpi', query: { datasetId: 'none', y: [{ field: 'x', agg: 'count' }] } } });
    await waitFor(async () => (await get(a)).widgets.some((x) => x.id === w.id), "B's widget to reach A");
    for (let i = 0; i < 5; i++) await a.dispatcher.call('doc.undo', { workspaceId: wsId });
    await converged(a, b, wsId);
    for (const svc of [a, b]) expect((await get(svc)).widgets.map((x) => x.id)).toEqual([w.id]);

    // B's undo does take back B's own widget, on both sides.
    await b.dispatcher.call('doc.undo', { workspaceId: wsId });
    await converged(a, b, wsId);
    for (const svc of [a, b]) expect((await get(svc)).widgets).toEqual([]);
  });
});
