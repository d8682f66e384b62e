/**
 * A kill -9 loses nothing any other client has seen: the server broadcasts an update only after it is
 * committed. The writer and the observer are destroyed before the restart, so nothing can re-upload
 * what the server might have lost; a fresh client then reads what the restarted server has.
 */
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../sync-server/storage.js';
import { connectClient } from './helpers/clients.js';
import { spawnServer } from './helpers/child-server.js';
import { requireService } from '../helpers/services.js';
import { PG_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { tempDir } from './helpers/server.js';
import { sleep, waitFor } from './helpers/wait.js';

async function adminToken(dataDir: string, postgres?: string, pgSchema?: string): Promise<string> {
  const s = await openStorage({ dataDir, postgres, pgSchema });
  try {
    return (await s.tokens.create({ workspace: 'ws-a', role: 'editor', label: 'durability', expiresAt: Date.now() + 3_600_000, createdBy: null })).token;
  } finally {
    await s.close();
  }
}

async function killWhileWriting(storage: { postgres?: string; pgSchema?: string }): Promise<void> {
  const dataDir = tempDir();
  const token = await adminToken(dataDir, storage.postgres, storage.pgSchema);
  const first = await spawnServer({ dataDir, ...storage });
  const writer = connectClient(first.url, 'ws-a', token, { keep: true });
  const observer = connectClient(first.url, 'ws-a', token, { keep: true });
  await Promise.all([writer.synced(), observer.synced()]);

  let i = 0;
  let writing = true;
  const loop = (async () => {
    while (writing) {
      writer.doc.getMap('widgets').set(`k${i}`, i);
      i++;
      if (i % 4 === 0) await sleep(1);
    }
  })();
  // Kill the moment the observer holds its 300th update: anything broadcast before its commit would
  // then very likely be lost, which is what this test is here to catch.
  let seen: string[] = [];
  observer.doc.on('update', () => {
    if (seen.length === 0 && observer.doc.getMap('widgets').size >= 300) {
      first.proc.kill('SIGKILL');
      seen = [...observer.doc.getMap('widgets').keys()];
    }
  });
  await waitFor(() => seen.length > 0, 'the observer to receive 300 updates', 20_000);
  await first.exited;
  writing = false;
  await loop;
  writer.destroy();
  observer.destroy();
  expect(i).toBeGreaterThan(seen.length);

  const second = await spawnServer({ dataDir, ...storage });
  const reader = connectClient(second.url, 'ws-a', token);
  await reader.synced();
  const have = reader.doc.getMap('widgets');
  const missing = seen.filter((k) => !have.has(k));
  expect(missing, `updates the observer saw but the restarted server lacks`).toEqual([]);
  second.proc.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
}

describe('sync server: durability', () => {
  it('SIGKILL while clients write (SQLite): every update a second client had received is stored', { timeout: 90_000 }, async () => {
    await killWhileWriting({});
  });

  it('SIGKILL while clients write (PostgreSQL): every update a second client had received is stored', { timeout: 90_000 }, async (ctx) => {
    await requireService('postgres', ctx);
    const pgSchema = uniqueSchema();
    try {
      await killWhileWriting({ postgres: PG_URL, pgSchema });
    } finally {
      await dropSchema(pgSchema);
    }
  });

  it('SIGTERM shuts down gracefully: clients get 1001, the process exits 0, and every acknowledged edit is stored', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const token = await adminToken(dataDir);
    const first = await spawnServer({ dataDir });
    const a = connectClient(first.url, 'ws-a', token, { keep: true });
    const b = connectClient(first.url, 'ws-a', token, { keep: true });
    await Promise.all([a.synced(), b.synced()]);
    for (let k = 0; k < 100; k++) a.doc.getMap('widgets').set(`g${k}`, k);
    await waitFor(() => b.doc.getMap('widgets').size === 100, 'b to see all 100');
    first.proc.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(b.closes[0]?.code).toBe(1001);
    a.destroy();
    b.destroy();
    expect(first.lines.some((l) => l.includes('"sync server stopped"'))).toBe(true);
    const second = await spawnServer({ dataDir });
    const c = connectClient(second.url, 'ws-a', token);
    await c.synced();
    expect(c.doc.getMap('widgets').size).toBe(100);
  });
});
