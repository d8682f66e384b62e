import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, snapshot, type TestClient } from './helpers/clients.js';
import { startTestServer } from './helpers/server.js';
import { waitFor } from './helpers/wait.js';

async function converged(clients: TestClient[], what: string): Promise<void> {
  await waitFor(() => clients.every((c) => snapshot(c.doc, ['widgets', 'meta']) === snapshot(clients[0]!.doc, ['widgets', 'meta'])), what, 15_000);
}

describe('sync server: clients converge', () => {
  it('two clients editing concurrently end with identical state holding both edits', async () => {
    const t = await startTestServer();
    const { token } = await t.token('editor', 'ws-a');
    const [a, b] = [connectClient(t.url, 'ws-a', token), connectClient(t.url, 'ws-a', token)];
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 50; i++) {
      a.doc.getMap('widgets').set(`a${i}`, { n: i });
      b.doc.getMap('widgets').set(`b${i}`, { n: i });
      // Both write the same key: one value must win on both replicas.
      a.doc.getMap('meta').set('title', `from a ${i}`);
      b.doc.getMap('meta').set('title', `from b ${i}`);
    }
    await converged([a, b], 'two replicas to match');
    expect(a.doc.getMap('widgets').size).toBe(100);
    expect(a.doc.getMap('meta').get('title')).toBe(b.doc.getMap('meta').get('title'));
  });

  it('ten clients converge, and a late joiner gets the full state from the server', async () => {
    const t = await startTestServer();
    const { token } = await t.token('editor', 'ws-a');
    const clients = Array.from({ length: 10 }, () => connectClient(t.url, 'ws-a', token));
    await Promise.all(clients.map((c) => c.synced()));
    await Promise.all(
      clients.map(async (c, k) => {
        for (let i = 0; i < 20; i++) {
          c.doc.getMap('widgets').set(`c${k}-${i}`, i);
          if (i % 5 === 0) await new Promise((r) => setTimeout(r, Math.random() * 5));
        }
      }),
    );
    await converged(clients, 'ten replicas to match');
    expect(clients[0]!.doc.getMap('widgets').size).toBe(200);
    const late = connectClient(t.url, 'ws-a', token);
    await late.synced();
    await waitFor(() => late.doc.getMap('widgets').size === 200, 'late joiner to receive everything');
  });

  it('offline edits on both sides merge on reconnect; deleting an object wins over a concurrent edit inside it', async () => {
    const t = await startTestServer();
    const { token } = await t.token('editor', 'ws-a');
    const a = connectClient(t.url, 'ws-a', token);
    const b = connectClient(t.url, 'ws-a', token);
    await Promise.all([a.synced(), b.synced()]);
    const w = new Y.Map<unknown>();
    a.doc.getMap<Y.Map<unknown>>('widgets').set('w1', w);
    w.set('title', 'Revenue');
    a.doc.getMap('widgets').set('w2', 'keep');
    a.doc.getMap('meta').set('title', 'Sales');
    await waitFor(() => b.doc.getMap('widgets').has('w1') && b.doc.getMap('widgets').has('w2') && b.doc.getMap('meta').has('title'), 'b to see w1, w2 and the title');

    a.provider.disconnect();
    b.provider.disconnect();
    a.doc.getMap('widgets').set('offline-a', 1);
    b.doc.getMap('widgets').set('offline-b', 2);
    a.doc.getMap('widgets').delete('w1');
    (b.doc.getMap<Y.Map<unknown>>('widgets').get('w1') as Y.Map<unknown>).set('title', 'Edited offline');
    // A field removed on one side and given a new value on the other keeps the new value.
    a.doc.getMap('meta').delete('title');
    b.doc.getMap('meta').set('title', 'Sales 2026');
    a.provider.connect();
    b.provider.connect();

    await converged([a, b], 'offline edits to merge');
    const widgets = a.doc.getMap('widgets');
    expect(widgets.get('offline-a')).toBe(1);
    expect(widgets.get('offline-b')).toBe(2);
    expect(widgets.get('w2')).toBe('keep');
    expect(widgets.has('w1')).toBe(false);
    expect(a.doc.getMap('meta').get('title')).toBe('Sales 2026');
  });
});
