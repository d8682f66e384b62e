import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RouteHandler } from '../../sync-server/options.js';
import { connectClient } from './helpers/clients.js';
import { startTestServer } from './helpers/server.js';
import { sleep, waitFor } from './helpers/wait.js';

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  return line ? Number(line.split(' ').pop()) : NaN;
}

describe('sync server: operations', () => {
  it('/healthz and /metrics report connections, loaded docs, updates, bytes and auth failures', async () => {
    const t = await startTestServer();
    const { token } = await t.token('editor', 'ws-a');
    const a = connectClient(t.url, 'ws-a', token);
    const b = connectClient(t.url, 'ws-a', token);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 10; i++) a.doc.getMap('widgets').set(`k${i}`, i);
    await waitFor(() => b.doc.getMap('widgets').size === 10, 'b to receive');
    connectClient(t.url, 'ws-a', 'udsync_bad');

    const health = await fetch(`${t.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'ok', redis: 'off', docs: 1 });

    await waitFor(async () => metric(await (await fetch(`${t.httpUrl}/metrics`)).text(), 'udash_sync_auth_failures_total') >= 1, 'auth failure to be counted');
    const res = await fetch(`${t.httpUrl}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(metric(text, 'udash_sync_connections')).toBe(2);
    expect(metric(text, 'udash_sync_docs_loaded')).toBe(1);
    expect(metric(text, 'udash_sync_updates_total')).toBeGreaterThanOrEqual(10);
    expect(metric(text, 'udash_sync_bytes_in_total')).toBeGreaterThan(0);
    expect(metric(text, 'udash_sync_bytes_out_total')).toBeGreaterThan(0);
    expect(text).toContain('udash_sync_auth_failures_total{reason="malformed"} 1');
    expect(text).toContain('udash_sync_commit_seconds_bucket');
  });

  it('unloads idle documents, compacts their log, and reloads them intact', async () => {
    const t = await startTestServer({ idleUnloadMs: 100, compactEvery: 50 });
    const { token } = await t.token('editor', 'ws-a');
    const a = connectClient(t.url, 'ws-a', token, { keep: true });
    await a.synced();
    for (let i = 0; i < 120; i++) a.doc.getMap('widgets').set(`k${i % 10}`, i);
    await waitFor(async () => (await t.storage.docs.count('ws-a')) < 120, 'compaction while editing');
    expect(t.server.stats().docs).toBe(1);
    const before = JSON.stringify(a.doc.getMap('widgets').toJSON());
    a.destroy();
    await waitFor(() => t.server.stats().docs === 0, 'the idle document to unload', 3000);
    expect(await t.storage.docs.count('ws-a')).toBeLessThanOrEqual(3);
    const c = connectClient(t.url, 'ws-a', token);
    await c.synced();
    expect(JSON.stringify(c.doc.getMap('widgets').toJSON())).toBe(before);
  });

  it('two servers in one process keep separate state, metrics and hooks', async () => {
    const stored: string[] = [];
    const one = await startTestServer({ hooks: { onStoreUpdate: ({ room, principal }) => stored.push(`${room}:${principal?.role}`) } });
    const two = await startTestServer();
    const c1 = connectClient(one.url, 'ws-a', (await one.token('editor', 'ws-a')).token);
    const c2 = connectClient(two.url, 'ws-a', (await two.token('owner', 'ws-a')).token);
    await Promise.all([c1.synced(), c2.synced()]);
    c1.doc.getMap('widgets').set('only-one', 1);
    await waitFor(() => stored.length > 0, 'onStoreUpdate after the commit');
    expect(stored[0]).toBe('ws-a:editor');
    await sleep(100);
    expect(c2.doc.getMap('widgets').has('only-one')).toBe(false);
    expect((await one.server.metrics.updates.get()).values.reduce((n, v) => n + v.value, 0)).toBeGreaterThan(0);
    expect((await two.server.metrics.updates.get()).values.reduce((n, v) => n + v.value, 0)).toBe(0);
  });

  it('mounts extra HTTP routes after the built-in ones; a route can edit a document like a client', async () => {
    const tracking: RouteHandler = async (req, res, ctx) => {
      const m = /^\/t\/open\/([^/]+)\/([^/]+)$/.exec(ctx.url.pathname);
      if (!m) return false;
      await ctx.server.transactDocument(m[1]!, (doc) => doc.getMap('deliveries').set(m[2]!, { openedAt: 'now' }));
      res.writeHead(200, { 'content-type': 'image/gif' }).end();
      return true;
    };
    const shadow: RouteHandler = (req, res, ctx) => {
      if (ctx.url.pathname !== '/healthz') return false;
      res.writeHead(418).end();
      return true;
    };
    const t = await startTestServer({ routes: [shadow, tracking] });
    const c = connectClient(t.url, 'ws-a', (await t.token('viewer', 'ws-a')).token);
    await c.synced();
    expect((await fetch(`${t.httpUrl}/t/open/ws-a/d1`)).status).toBe(200);
    await waitFor(() => c.doc.getMap('deliveries').has('d1'), 'the route edit to reach clients');
    const stored = new Y.Doc();
    for (const u of await t.storage.docs.load('ws-a')) Y.applyUpdate(stored, u);
    expect(stored.getMap('deliveries').get('d1')).toEqual({ openedAt: 'now' });
    expect((await fetch(`${t.httpUrl}/healthz`)).status).toBe(200);
    const nf = await fetch(`${t.httpUrl}/nowhere`);
    expect(nf.status).toBe(404);
    expect((await nf.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('sync server: admin API', () => {
  it('lets an owner invite (role up to its own), list members without secrets and revoke; others are refused', async () => {
    const t = await startTestServer();
    const owner = await t.token('owner', 'ws-a');
    const editor = await t.token('editor', 'ws-a');
    const ownerB = await t.token('owner', 'ws-b');
    const admin = await t.token('admin');
    const as = (tok: string) => ({ authorization: `Bearer ${tok}`, 'content-type': 'application/json' });
    const api = (path: string, tok: string, init: RequestInit = {}) => fetch(`${t.httpUrl}${path}`, { ...init, headers: as(tok) });

    expect(await (await api('/admin/whoami', owner.token)).json()).toMatchObject({ tokenId: owner.id, workspace: 'ws-a', role: 'owner' });
    expect((await fetch(`${t.httpUrl}/admin/whoami`)).status).toBe(401);

    const created = await api('/admin/workspaces/ws-a/tokens', owner.token, { method: 'POST', body: JSON.stringify({ role: 'viewer', label: 'Bob', expires: '7d' }) });
    expect(created.status).toBe(201);
    const { token: bobToken, record: bob } = await created.json();
    expect(bob).toMatchObject({ workspace: 'ws-a', role: 'viewer', label: 'Bob', status: 'active', createdBy: owner.id });
    const bobClient = connectClient(t.url, 'ws-a', bobToken);
    await bobClient.synced();

    expect((await api('/admin/workspaces/ws-a/tokens', owner.token, { method: 'POST', body: JSON.stringify({ role: 'admin' }) })).status).toBe(400);
    expect((await api('/admin/workspaces/ws-a/tokens', owner.token, { method: 'POST', body: JSON.stringify({ role: 'viewer', expires: 'soon' }) })).status).toBe(400);
    expect((await api('/admin/workspaces/ws-a/tokens', editor.token, { method: 'POST', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(403);
    expect((await api('/admin/workspaces/ws-a/tokens', ownerB.token)).status).toBe(403);
    expect((await api('/admin/workspaces/ws-a/tokens', owner.token, { method: 'POST', body: '{not json' })).status).toBe(400);

    const list = await (await api('/admin/workspaces/ws-a/tokens', owner.token)).json();
    expect(list.tokens.map((r: { label: string }) => r.label).sort()).toEqual(['Bob', 'test editor', 'test owner']);
    expect(JSON.stringify(list)).not.toContain(bobToken.split('_')[2]);
    expect(JSON.stringify(list)).not.toMatch(/secret|hash/i);

    expect((await api(`/admin/tokens/${bob.id}`, ownerB.token, { method: 'DELETE' })).status).toBe(404);
    expect((await api(`/admin/tokens/${bob.id}`, owner.token, { method: 'DELETE' })).status).toBe(200);
    await waitFor(() => bobClient.closes.length > 0, 'the revoked member to be disconnected');
    expect((await api('/admin/workspaces', owner.token)).status).toBe(403);
    const all = await (await api('/admin/workspaces', admin.token)).json();
    expect(all.loaded).toContain('ws-a');
  });
});
