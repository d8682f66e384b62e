/** The tracking endpoints mounted in the real sync server by `udash sync-server start`. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startSyncServer } from '../../../sync-server/start.js';
import { TrackingClient } from '../../../main/reports/tracking/tracking-client.js';
import { tempHome } from '../../helpers/home.js';

it('the sync server serves the tracking endpoints with a signing key kept in its data folder', async () => {
  const dataDir = tempHome();
  const logs: string[] = [];
  const logger = { debug() {}, info: (m: string, f?: object) => logs.push(`${m} ${JSON.stringify(f ?? {})}`), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const running = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, logger });
  const http = `http://127.0.0.1:${running.port}`;
  try {
    const keyFile = path.join(dataDir, 'tracking', 'signing.key');
    const key = fs.readFileSync(keyFile, 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    expect(logs.join('\n')).toContain('email tracking endpoints mounted');
    expect(logs.join('\n')).not.toContain(key);
    const client = new TrackingClient({ url: http, key });
    expect((await fetch(client.openPixelUrl('w1', 'r1', 'd1'))).status).toBe(200);
    const wrong = new TrackingClient({ url: http, key: 'not-the-servers-key-at-all' });
    expect((await fetch(wrong.openPixelUrl('w1', 'r1', 'd1'))).status).toBe(404);
    const { events } = await client.pull('w1', 0);
    expect(events.map((e) => [e.kind, e.r, e.d])).toEqual([['open', 'r1', 'd1']]);
    // The built-in routes still answer first.
    expect((await fetch(`${http}/healthz`)).status).toBe(200);
  } finally {
    await running.close();
  }
});
