import { it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startTestServer } from './helpers/server.js';
import { updateFrame } from '../../sync-server/protocol/messages.js';
import { sleep } from './helpers/wait.js';
it('debug', async () => {
  const t = await startTestServer({ limits: { messagesPerSecond: 1e6, messageBurst: 1e6 } });
  const { token } = await t.token('editor', 'bench');
  const doc = new Y.Doc(); const frames: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
  for (let i = 0; i < 5000; i++) doc.getMap('w').set(`k${i % 50}`, i);
  const ws = new WebSocket(`${t.url}/bench?token=${token}`);
  await new Promise((r) => ws.once('open', r));
  const t0 = performance.now();
  for (const f of frames) ws.send(f);
  for (;;) { const n = (await t.server.metrics.updates.get()).values.reduce((a, v) => a + v.value, 0); if (n >= 5000 || performance.now() - t0 > 20000) { console.log('updates', n, 'ms', performance.now() - t0); break; } await sleep(20); }
  console.log(await t.server.metrics.registry.getSingleMetricAsString('udash_sync_commit_batch_size'));
  console.log(await t.server.metrics.registry.getSingleMetricAsString('udash_sync_commit_seconds'));
});
