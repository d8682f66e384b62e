/**
 * Offline edits: both desktops lose the server (a real TCP outage through a proxy), both keep editing,
 * and everything merges when the network is back, including edits made before an app restart (they
 * live in the local SQLite log). A delete against a concurrent edit resolves as main/sync/README.md says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '../../../main/services.js';
import { startTestServer } from '../../sync-server/helpers/server.js';
import { tcpProxy } from '../../sync-server/helpers/tcp-proxy.js';
import { converged, desktop, joinAs, shareNew, sharedPair, synced, waitState } from './helpers.js';

describe('sync: offline edits', () => {
  it('edits made on both sides while the server is unreachable merge on reconnect', async () => {
    const { proxy, a, b, wsId } = await sharedPair({ viaProxy: true });
    const dash = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Ops' });
    await converged(a, b, wsId);

    proxy!.cut();
    const offA = await waitState(a, wsId, (s) => s.status === 'offline', 'A to go offline');
    await waitState(b, wsId, (s) => s.status === 'offline', 'B to go offline');
    expect(offA.retrying).toBe(true);
    expect(offA.reason).toMatch(/connection|reach/i);

    await a.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { description: 'edited on A offline' } });
    const onlyA = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Made on A offline' });
    await b.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'Ops (renamed on B offline)' } });
    const onlyB = await b.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Made on B offline' });
    expect((await a.dispatcher.call('dashboards.list', { workspaceId: wsId })).some((d) => d.id === onlyB.id)).toBe(false);

    proxy!.restore();
    await Promise.all([synced(a, wsId), synced(b, wsId)]);
    await converged(a, b, wsId);
    for (const svc of [a, b]) {
      const list = await svc.dispatcher.call('dashboards.list', { workspaceId: wsId });
      expect(list.map((d) => d.id).sort()).toEqual([dash.id, onlyA.id, onlyB.id].sort());
      expect(list.find((d) => d.id === dash.id)).toMatchObject({ name: 'Ops (renamed on B offline)', description: 'edited on A offline' });
    }
  });

  it('an offline edit survives an app restart in the local log and is sent when the app is back online', async () => {
    const srv = await startTestServer();
    const proxy = await tcpProxy(srv.server.port);
    const url = `http://127.0.0.1:${proxy.port}`;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-sync-restart-'));
    onTestFinished(() => fs.rmSync(home, { recursive: true, force: true }));
    let a = await createServices({ home, sample: false });
    onTestFinished(() => a.close());
    const wsId = await shareNew(a, url, async (id) => (await srv.token('owner', id)).token);
    const b = await desktop();
    await joinAs(a, b, wsId, url, 'editor');

    proxy.cut();
    await waitState(a, wsId, (s) => s.status === 'offline', 'A to go offline');
    const made = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Written on the train' });
    await a.close();

    proxy.restore();
    a = await createServices({ home, sample: false });
    await synced(a, wsId);
    await converged(a, b, wsId);
    expect((await b.dispatcher.call('dashboards.list', { workspaceId: wsId })).map((d) => d.id)).toContain(made.id);
  });

  it('a delete wins over a concurrent edit inside the deleted object, on both replicas', async () => {
    const { proxy, a, b, wsId } = await sharedPair({ viaProxy: true });
    const dash = await a.dispatcher.call('dashboards.create', { workspaceId: wsId, name: 'Sales' });
    await converged(a, b, wsId);

    proxy!.cut();
    await Promise.all([waitState(a, wsId, (s) => s.status === 'offline', 'A offline'), waitState(b, wsId, (s) => s.status === 'offline', 'B offline')]);
    await a.dispatcher.call('dashboards.delete', { workspaceId: wsId, dashboardId: dash.id });
    await b.dispatcher.call('dashboards.update', { workspaceId: wsId, dashboardId: dash.id, patch: { name: 'Sales (edited while A deleted it)' } });
    proxy!.restore();
    await Promise.all([synced(a, wsId), synced(b, wsId)]);
    await converged(a, b, wsId);
    for (const svc of [a, b]) expect((await svc.dispatcher.call('dashboards.list', { workspaceId: wsId })).some((d) => d.id === dash.id)).toBe(false);
  });
});
