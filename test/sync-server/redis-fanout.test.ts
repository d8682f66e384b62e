/**
 * Two server instances sharing storage and the local Redis: clients on different instances converge,
 * presence crosses instances, and after a Redis outage the instances catch up from storage.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { RedisFanout } from '../../sync-server/fanout/redis-fanout.js';
import { requireService } from '../helpers/services.js';
import { connectClient, snapshot } from './helpers/clients.js';
import { startTestServer, tempDir, type TestServerOptions } from './helpers/server.js';
import { uniqueSchema, dropSchema } from './helpers/pg.js';
import { tcpProxy } from './helpers/tcp-proxy.js';
import { waitFor } from './helpers/wait.js';

async function fanout(prefix: string, port = 6379): Promise<RedisFanout> {
  const f = await RedisFanout.connect({ url: `redis://127.0.0.1:${port}`, prefix });
  onTestFinished(() => f.close());
  return f;
}

/** Two instances on the same storage (a shared data folder, or one PostgreSQL schema). */
async function twoInstances(storage: 'sqlite' | 'postgres', ports: [number, number] = [6379, 6379]) {
  const prefix = `udash-sync-test-${randomBytes(4).toString('hex')}:`;
  const shared: TestServerOptions = storage === 'sqlite' ? { dataDir: tempDir() } : { storage: 'postgres', pgSchema: uniqueSchema(), keepData: true };
  if (shared.pgSchema) onTestFinished(() => dropSchema(shared.pgSchema!));
  const one = await startTestServer({ ...shared, fanout: await fanout(prefix, ports[0]) });
  const two = await startTestServer({ ...shared, fanout: await fanout(prefix, ports[1]) });
  return { one, two };
}

describe.each(['sqlite', 'postgres'] as const)('two instances through Redis (%s storage)', (storage) => {
  it('clients on different instances converge within a second, presence included', async (ctx) => {
    await requireService('redis', ctx);
    if (storage === 'postgres') await requireService('postgres', ctx);
    const { one, two } = await twoInstances(storage);
    const { token } = await one.token('editor', 'ws-a');
    const a = connectClient(one.url, 'ws-a', token);
    const b = connectClient(two.url, 'ws-a', token);
    await Promise.all([a.synced(), b.synced()]);

    for (let i = 0; i < 20; i++) {
      a.doc.getMap('widgets').set(`a${i}`, i);
      b.doc.getMap('widgets').set(`b${i}`, i);
    }
    await waitFor(() => a.doc.getMap('widgets').size === 40 && snapshot(a.doc) === snapshot(b.doc), 'replicas on two instances to match', 1000);

    a.provider.awareness.setLocalStateField('user', { name: 'Ann' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Ann'), 'presence to cross instances', 1000);
    a.provider.disconnect();
    await waitFor(() => ![...b.provider.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'Ann'), 'presence to leave across instances', 3000);
  });
});

describe('Redis outage', () => {
  it('instances keep serving their own clients and converge again once Redis is back', { timeout: 60_000 }, async (ctx) => {
    await requireService('redis', ctx);
    const proxy = await tcpProxy(6379);
    const { one, two } = await twoInstances('sqlite', [proxy.port, 6379]);
    const { token } = await one.token('editor', 'ws-a');
    const a = connectClient(one.url, 'ws-a', token);
    const a2 = connectClient(one.url, 'ws-a', token);
    const b = connectClient(two.url, 'ws-a', token);
    await Promise.all([a.synced(), a2.synced(), b.synced()]);
    a.doc.getMap('widgets').set('before', 1);
    await waitFor(() => b.doc.getMap('widgets').get('before') === 1, 'normal fan-out');

    proxy.cut();
    await waitFor(() => !one.server.fanout!.isUp(), 'instance one to notice the outage');
    const health = await (await fetch(`${one.httpUrl}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', redis: 'down' });
    a.doc.getMap('widgets').set('during-a', 1);
    b.doc.getMap('widgets').set('during-b', 1);
    // Same-instance clients still sync; nothing crosses while Redis is unreachable.
    await waitFor(() => a2.doc.getMap('widgets').get('during-a') === 1, 'same-instance sync during the outage');
    expect(b.doc.getMap('widgets').has('during-a')).toBe(false);

    proxy.restore();
    await waitFor(() => one.server.fanout!.isUp(), 'instance one to reconnect', 15_000);
    await waitFor(() => a.doc.getMap('widgets').get('during-b') === 1 && b.doc.getMap('widgets').get('during-a') === 1, 'instances to converge after the outage', 10_000);
    a.doc.getMap('widgets').set('after', 1);
    await waitFor(() => b.doc.getMap('widgets').get('after') === 1, 'fan-out to work again');
  });
});
