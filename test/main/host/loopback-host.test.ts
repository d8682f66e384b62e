import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackHost, type Host } from '../../../main/host/loopback-host.js';
import { testServices } from '../../helpers/home.js';

const hosts: Host[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

async function start() {
  const svc = await testServices();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>UD</title>');
  const host = await startLoopbackHost(svc, { port: 0, rendererDir });
  hosts.push(host);
  return { svc, host };
}

function call(ws: WebSocket, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 1e9);
    const onMsg = (data: unknown) => {
      const f = JSON.parse(String(data));
      if (f.t === 'result' && f.id === id) {
        ws.off('message', onMsg);
        resolve(f);
      }
    };
    ws.on('message', onMsg);
    ws.send(JSON.stringify({ t: 'call', id, method, input }));
  });
}

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('udash serve host', () => {
  it('binds to 127.0.0.1 and prints a URL with the token', async () => {
    const { host } = await start();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('refuses HTTP requests without the token with 401 and serves the UI with it', async () => {
    const { host } = await start();
    const bare = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(bare.status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${host.port}/?token=${'x'.repeat(host.token.length)}`);
    expect(wrong.status).toBe(401);
    const good = await fetch(host.url);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('<title>UD</title>');
    expect(good.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = good.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The cookie alone is enough for later requests (assets).
    const again = await fetch(`http://127.0.0.1:${host.port}/index.html`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('dispatches contract calls over the WebSocket and refuses it without the token or from another origin', async () => {
    const { host } = await start();
    await expect(open(`ws://127.0.0.1:${host.port}/rpc`)).rejects.toThrow(/401/);
    await expect(open(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`, { origin: 'https://evil.example' })).rejects.toThrow(/401/);
    const ws = await open(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
    const created = (await call(ws, 'workspaces.create', { name: 'Over WS' })) as { ok: boolean; value: { name: string } };
    expect(created).toMatchObject({ t: 'result', ok: true, value: { name: 'Over WS' } });
    const bad = await call(ws, 'workspaces.create', { name: '' });
    expect(bad).toMatchObject({ t: 'result', ok: false, error: { code: 'BAD_INPUT', path: ['name'] } });
    ws.close();
  });

  it('pushes events to connected clients', async () => {
    const { host } = await start();
    const ws = await open(`ws://127.0.0.1:${host.port}/rpc?token=${host.token}`);
    const events: unknown[] = [];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.t === 'event') events.push(f);
    });
    const ws2 = (await call(ws, 'workspaces.create', { name: 'E' })) as { value: { id: string } };
    await call(ws, 'dashboards.create', { workspaceId: ws2.value.id, name: 'D' });
    expect(events).toContainEqual({ t: 'event', name: 'doc.changed', payload: { workspaceId: ws2.value.id, local: true } });
    ws.close();
  });
});
