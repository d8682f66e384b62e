/**
 * Test servers on port 0 with fresh storage, torn down after the test (Hocuspocus-style factory).
 * `storage: 'postgres'` uses the local PostgreSQL in a schema of its own, dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Role } from '../../../sync-server/auth/roles.js';
import { DiskBlobStore } from '../../../sync-server/blobs/disk-blob-store.js';
import type { Fanout } from '../../../sync-server/fanout/fanout.js';
import type { Logger } from '../../../sync-server/ops/logger.js';
import type { SyncServerOptions } from '../../../sync-server/options.js';
import { SyncServer } from '../../../sync-server/server.js';
import { openStorage, type ServerStorage } from '../../../sync-server/storage.js';
import { PG_URL, uniqueSchema, dropSchema } from './pg.js';

export interface TestServer {
  server: SyncServer;
  url: string;
  httpUrl: string;
  storage: ServerStorage;
  dataDir: string;
  /** Creates a token (default: editor of `ws-a`, 1 hour). */
  token(role?: Role, workspace?: string | null, expiresInMs?: number): Promise<{ token: string; id: string }>;
  /** Stops the server (graceful) but keeps storage open. */
  stop(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<SyncServerOptions, 'docs' | 'tokens'>> {
  storage?: 'sqlite' | 'postgres';
  /** Reuse a data folder or PostgreSQL schema (restart tests). */
  dataDir?: string;
  pgSchema?: string;
  /** Keep the data folder / schema after the test (the caller cleans up). */
  keepData?: boolean;
  fanout?: Fanout | null;
  logger?: Logger;
}

export function tempDir(prefix = 'udash-sync-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const pgSchema = opts.storage === 'postgres' ? (opts.pgSchema ?? uniqueSchema()) : undefined;
  const storage = await openStorage({ dataDir, postgres: opts.storage === 'postgres' ? PG_URL : undefined, pgSchema, watchRevocations: true });
  const { storage: _s, dataDir: _d, pgSchema: _p, keepData: _k, ...serverOpts } = opts;
  const server = new SyncServer({ blobs: new DiskBlobStore(path.join(dataDir, 'blobs')), uploadDir: path.join(dataDir, 'uploads'), ...serverOpts, docs: storage.docs, tokens: storage.tokens });
  const { url } = await server.listen(0, '127.0.0.1');
  let storageClosed = false;
  onTestFinished(async () => {
    await server.close();
    if (!storageClosed) {
      storageClosed = true;
      await storage.close();
    }
    if (pgSchema && !opts.keepData) await dropSchema(pgSchema);
  });
  return {
    server,
    url,
    httpUrl: server.httpUrl,
    storage,
    dataDir,
    token: async (role = 'editor', workspace = 'ws-a', expiresInMs = 3_600_000) => {
      const c = await storage.tokens.create({ workspace: role === 'admin' ? null : workspace, role, label: `test ${role}`, expiresAt: Date.now() + expiresInMs, createdBy: null });
      return { token: c.token, id: c.record.id };
    },
    stop: () => server.close(),
  };
}
