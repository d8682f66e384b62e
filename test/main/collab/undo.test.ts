/**
 * Undo is per user: doc.undo takes back this user's own edits (the local origin Y.UndoManager tracks)
 * and never a colleague's update, even one that arrived after the local edit, nor a comment.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { testServices } from '../../helpers/home.js';
import { exchange, REMOTE, replicaOf } from './docs.js';

const query = { datasetId: 'd1', y: [{ agg: 'count' as const }] };

describe('undo per user', () => {
  it("undoes the local user's edits only, leaving a colleague's concurrent and later edits in place", async () => {
    const svc = await testServices();
    const call = svc.dispatcher.call;
    const { id: workspaceId } = await call('workspaces.create', { name: 'W' });
    const { id: dashboardId } = await call('dashboards.create', { workspaceId, name: 'Shared' });
    const mine = await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Mine', type: 'kpi', query } });
    const theirs = await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Theirs', type: 'kpi', query } });
    const live = svc.core().docs.get(workspaceId);
    const colleague = replicaOf(live);

    // This user retitles their widget; at the same time the colleague retitles the other one and adds a widget.
    await call('widgets.update', { workspaceId, dashboardId, widgetId: mine.id, patch: { title: 'Mine v2' } });
    const widgets = colleague.getMap<Y.Map<unknown>>('widgets');
    colleague.transact(() => {
      widgets.get(theirs.id)!.set('title', 'Theirs v2');
      const added = new Y.Map<unknown>();
      widgets.set('w-colleague', added);
      for (const [k, v] of Object.entries({ id: 'w-colleague', dashboardId, title: 'Added by colleague', type: 'table', query, options: {} })) added.set(k, v);
    });
    exchange(live, colleague);

    await call('doc.undo', { workspaceId });
    let got = await call('dashboards.get', { workspaceId, dashboardId });
    const titles = () => got.widgets.map((w) => w.title).sort();
    expect(titles()).toEqual(['Added by colleague', 'Mine', 'Theirs v2']);

    // Redo brings this user's edit back; a colleague's later overwrite of the same field is not undone.
    await call('doc.redo', { workspaceId });
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(live, Y.encodeStateVector(colleague)), REMOTE);
    colleague.transact(() => widgets.get(mine.id)!.set('title', 'Mine, fixed by colleague'));
    exchange(live, colleague);
    await call('doc.undo', { workspaceId });
    got = await call('dashboards.get', { workspaceId, dashboardId });
    expect(titles()).toEqual(['Added by colleague', 'Mine, fixed by colleague', 'Theirs v2']);
  });
});
