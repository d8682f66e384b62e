/**
 * Dataset snapshots through a real server: the owner of a dataset publishes its rows as a compressed,
 * content-addressed blob; a colleague whose widget names the dataset fetches it and gets a local
 * dataset with the same id and the same rows. Nothing of the dataset's source travels.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../sync-server/helpers/server.js';
import { sharedPair, waitFor } from './helpers.js';

function csv(dir: string): string {
  const file = path.join(dir, 'secret-folder-name', 'orders.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = ['day,region,amount,paid'];
  for (let i = 0; i < 25_000; i++) lines.push(`2024-01-${String((i % 28) + 1).padStart(2, '0')},${['north', 'south', 'east'][i % 3]},${(i * 1.25).toFixed(2)},${i % 2 ? 'true' : 'false'}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('sync: dataset snapshots', () => {
  it('publish, then fetch on another computer: same dataset id, same rows, same query answers', async () => {
    const { srv, a, b, wsId } = await sharedPair();
    const file = csv(tempDir());
    const imported = await a.dispatcher.call('import.commit', { workspaceId: wsId, source: { path: file }, name: 'Orders' });
    const datasetId = imported.dataset.id;
    const dash = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Orders' });
    const query = { datasetId, x: { field: 'region' }, y: [{ field: 'amount', agg: 'sum' as const }] };
    const widget = await a.dispatcher.call('widgets.create', { workspaceId: wsId, dashboardId: dash.id, widget: { type: 'bar', query } });

    await waitFor(async () => (await b.dispatcher.call('dashboards.list', { workspaceId: wsId })).length === 1, 'the dashboard to reach B');
    await waitFor(async () => (await b.dispatcher.call('dashboards.get', { workspaceId: wsId, dashboardId: dash.id })).widgets.length === 1, 'the widget to reach B');
    // B has the widget but not the rows: the widget cannot draw, and the snapshot list says why.
    expect((await b.dispatcher.call('dashboards.get', { workspaceId: wsId, dashboardId: dash.id })).widgets.map((w) => w.id)).toEqual([widget.id]);
    expect(await b.dispatcher.call('sync.snapshots', { workspaceId: wsId, datasetIds: [datasetId] })).toEqual([{ datasetId, snapshot: null, local: false, canPublish: false, outdated: false }]);
    expect((await a.dispatcher.call('sync.snapshots', { workspaceId: wsId }))[0]).toMatchObject({ datasetId, local: true, canPublish: true });

    const snap = await a.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId });
    expect(snap).toMatchObject({ datasetId, name: 'Orders', rows: 25_000, publishedBy: expect.any(String) });
    // The blob on the server is exactly the published bytes (content address = SHA-256), compressed,
    // and holds neither the source file's path nor anything but names, types and values.
    const blobFile = path.join(srv.dataDir, 'blobs', wsId, snap.sha256.slice(0, 2), snap.sha256);
    const blob = fs.readFileSync(blobFile);
    expect(createHash('sha256').update(blob).digest('hex')).toBe(snap.sha256);
    expect(blob.length).toBe(snap.bytes);
    const plain = zlib.gunzipSync(blob).toString('utf8');
    expect(blob.length).toBeLessThan(plain.length / 3);
    expect(plain).not.toContain('secret-folder-name');
    expect(plain).not.toContain(file);

    await waitFor(async () => (await b.dispatcher.call('sync.snapshots', { workspaceId: wsId, datasetIds: [datasetId] }))[0]!.snapshot?.sha256 === snap.sha256, 'the snapshot record to reach B');
    const meta = await b.dispatcher.call('sync.snapshot.fetch', { workspaceId: wsId, datasetId });
    expect(meta).toMatchObject({ id: datasetId, workspaceId: wsId, name: 'Orders', rowCount: 25_000, source: { kind: 'snapshot' } });
    expect(meta.columns.map((c) => [c.name, c.type])).toEqual(imported.dataset.columns.map((c) => [c.name, c.type]));
    expect((await b.dispatcher.call('sync.snapshots', { workspaceId: wsId, datasetIds: [datasetId] }))[0]).toMatchObject({ local: true, canPublish: false, outdated: false });

    const q = { workspaceId: wsId, dashboardId: dash.id, widgetId: widget.id };
    const [ra, rb] = await Promise.all([a.dispatcher.call('widgets.data', q), b.dispatcher.call('widgets.data', q)]);
    expect(rb.rows).toEqual(ra.rows);
    expect(rb.rows.length).toBe(3);

    // A fetched copy is not republished from B; a newer publish marks it outdated and a fetch refreshes it.
    await expect(b.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId })).rejects.toMatchObject({ code: 'CONFLICT' });
    fs.appendFileSync(file, '2024-02-01,west,1000.00,true\n');
    await a.dispatcher.call('import.commit', { workspaceId: wsId, source: { path: file }, name: 'Orders', mode: 'replace' });
    const snap2 = await a.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId });
    expect(snap2.sha256).not.toBe(snap.sha256);
    await waitFor(async () => (await b.dispatcher.call('sync.snapshots', { workspaceId: wsId, datasetIds: [datasetId] }))[0]!.outdated, 'B to see its copy is outdated');
    const refreshed = await b.dispatcher.call('sync.snapshot.fetch', { workspaceId: wsId, datasetId });
    expect(refreshed).toMatchObject({ id: datasetId, rowCount: 25_001 });
    const rb2 = await b.dispatcher.call('widgets.data', q);
    expect(rb2.rows.length).toBe(4);
  });

  it('a viewer fetches but cannot publish; a blob that does not match its address is refused', async () => {
    const { srv, a, b: v, wsId } = await sharedPair({ role: 'viewer' });
    const dir = tempDir();
    const imported = await a.dispatcher.call('import.commit', { workspaceId: wsId, source: { path: csv(dir) }, name: 'Orders' });
    const other = await a.dispatcher.call('import.commit', { workspaceId: wsId, source: { path: csv(dir) }, name: 'Orders again' });
    await a.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId: imported.dataset.id });
    const snap = await a.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId: other.dataset.id });
    await waitFor(async () => (await v.dispatcher.call('sync.snapshots', { workspaceId: wsId })).filter((s) => s.snapshot).length === 2, 'both snapshot records to reach the viewer');

    expect(await v.dispatcher.call('sync.snapshot.fetch', { workspaceId: wsId, datasetId: imported.dataset.id })).toMatchObject({ id: imported.dataset.id, rowCount: 25_000 });
    const own = await v.dispatcher.call('import.commit', { workspaceId: wsId, source: { path: csv(dir) }, name: 'Viewer copy' });
    await expect(v.dispatcher.call('sync.snapshot.publish', { workspaceId: wsId, datasetId: own.dataset.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Tamper with the stored blob: the fetch notices the SHA-256 mismatch and imports nothing.
    const blobFile = path.join(srv.dataDir, 'blobs', wsId, snap.sha256.slice(0, 2), snap.sha256);
    fs.writeFileSync(blobFile, zlib.gzipSync('{"format":"udash-snapshot/1"}\n'));
    await expect(v.dispatcher.call('sync.snapshot.fetch', { workspaceId: wsId, datasetId: other.dataset.id })).rejects.toMatchObject({ code: 'BAD_DATA' });
    expect((await v.dispatcher.call('datasets.list', { workspaceId: wsId })).map((d) => d.name).sort()).toEqual(['Orders', 'Viewer copy']);
  });
});
