/**
 * Starts a complete server from a configuration (what `udash sync-server start` does): storage,
 * blobs, Redis fan-out, extra route modules, the server itself; and stops them in the right order.
 */
import path from 'node:path';
import type { BlobStore } from './blobs/blob-store.js';
import type { Fanout } from './fanout/fanout.js';
import { createJsonLogger, type Logger, type LogLevel } from './ops/logger.js';
import type { Limits, RouteHandler, SyncServerHooks } from './options.js';
import { ROUTE_MODULES, type MountedRoutes } from './route-modules.js';
import { SyncServer } from './server.js';
import { openStorage } from './storage.js';

export interface S3Config {
  bucket: string;
  endpoint?: string | undefined;
  region?: string | undefined;
  prefix?: string | undefined;
  forcePathStyle?: boolean | undefined;
}

export interface StartConfig {
  port: number;
  host: string;
  dataDir: string;
  postgres?: string | undefined;
  pgSchema?: string | undefined;
  redis?: string | undefined;
  redisPrefix?: string | undefined;
  s3?: S3Config | undefined;
  limits?: Partial<Limits>;
  idleUnloadMs?: number;
  compactEvery?: number;
  synchronous?: 'FULL' | 'NORMAL';
  logLevel?: LogLevel;
  logger?: Logger;
  /** Extra routes besides ROUTE_MODULES. */
  routes?: RouteHandler[];
  hooks?: SyncServerHooks;
  /** Mount ROUTE_MODULES (default true). */
  routeModules?: boolean;
}

export interface RunningServer {
  server: SyncServer;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startSyncServer(cfg: StartConfig): Promise<RunningServer> {
  const log = cfg.logger ?? createJsonLogger({ level: cfg.logLevel ?? 'info' });
  const storage = await openStorage({ dataDir: cfg.dataDir, postgres: cfg.postgres, pgSchema: cfg.pgSchema, synchronous: cfg.synchronous ?? 'FULL', watchRevocations: true });
  const closers: (() => Promise<void>)[] = [() => storage.close()];
  let closing: Promise<void> | null = null;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const c of [...closers].reverse()) await c().catch((e: unknown) => log.error('shutdown step failed', { err: e }));
    })());
  try {
    let blobs: BlobStore;
    if (cfg.s3) {
      const { S3BlobStore } = await import('./blobs/s3-blob-store.js');
      blobs = new S3BlobStore({ bucket: cfg.s3.bucket, endpoint: cfg.s3.endpoint, region: cfg.s3.region, prefix: cfg.s3.prefix, forcePathStyle: cfg.s3.forcePathStyle });
    } else {
      const { DiskBlobStore } = await import('./blobs/disk-blob-store.js');
      blobs = new DiskBlobStore(path.join(cfg.dataDir, 'blobs'));
    }
    closers.push(() => blobs.close());
    let fanout: Fanout | null = null;
    if (cfg.redis) {
      const { RedisFanout } = await import('./fanout/redis-fanout.js');
      const f = await RedisFanout.connect({ url: cfg.redis, prefix: cfg.redisPrefix });
      if (!f.isUp()) log.warn('redis is not reachable yet; serving local clients and retrying');
      fanout = f;
      closers.push(() => f.close());
    }
    const mounted: MountedRoutes[] = [];
    if (cfg.routeModules ?? true) {
      for (const mod of ROUTE_MODULES) {
        const m = await mod({ dataDir: cfg.dataDir, postgres: cfg.postgres ?? null, log });
        mounted.push(m);
        if (m.close) closers.push(m.close);
      }
    }
    const server = new SyncServer({
      docs: storage.docs,
      tokens: storage.tokens,
      blobs,
      fanout,
      logger: log,
      processMetrics: true,
      uploadDir: path.join(cfg.dataDir, 'uploads'),
      routes: [...mounted.flatMap((m) => m.routes), ...(cfg.routes ?? [])],
      ...(cfg.hooks ? { hooks: cfg.hooks } : {}),
      ...(cfg.limits ? { limits: cfg.limits } : {}),
      ...(cfg.idleUnloadMs !== undefined ? { idleUnloadMs: cfg.idleUnloadMs } : {}),
      ...(cfg.compactEvery !== undefined ? { compactEvery: cfg.compactEvery } : {}),
    });
    closers.push(() => server.close());
    const { port, url } = await server.listen(cfg.port, cfg.host);
    log.info('storage', { storage: storage.description, blobs: blobs.kind });
    return { server, port, url, close: closeAll };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
