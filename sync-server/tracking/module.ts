/**
 * The tracking endpoints as a route module of `udash sync-server start` (see ../route-modules.ts).
 * Data lives under <data>/tracking/: the event log (events.ndjson) and pushed report files (files/,
 * pruned once their 7-day links have expired). The signing key shared with the desktop apps comes from
 * UDASH_TRACKING_KEY, or <data>/tracking/signing.key, created on first start (readable by the server's
 * user only; give its content to report senders, in Settings → Reports → Tracking server). The key is
 * never logged.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MountedRoutes, RouteModuleContext } from '../route-modules.js';
import { NdjsonEventStore } from './event-store.js';
import { DirFileStore } from './file-store.js';
import { createTrackingRoutes } from './routes.js';
import { SEVEN_DAYS_MS } from './tokens.js';

export function trackingSigningKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): { key: string; source: 'env' | 'file'; created: boolean } {
  if (env.UDASH_TRACKING_KEY && env.UDASH_TRACKING_KEY.length >= 16) return { key: env.UDASH_TRACKING_KEY, source: 'env', created: false };
  const file = path.join(dataDir, 'tracking', 'signing.key');
  if (fs.existsSync(file)) return { key: fs.readFileSync(file, 'utf8').trim(), source: 'file', created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  return { key, source: 'file', created: true };
}

export function trackingRouteModule(ctx: RouteModuleContext, env: NodeJS.ProcessEnv = process.env): MountedRoutes {
  const dir = path.join(ctx.dataDir, 'tracking');
  const { source, key, created } = trackingSigningKey(ctx.dataDir, env);
  const files = new DirFileStore(path.join(dir, 'files'));
  const handler = createTrackingRoutes({ signingKey: key, events: new NdjsonEventStore(path.join(dir, 'events.ndjson')), files });
  const prune = () => void files.prune(SEVEN_DAYS_MS + 24 * 3600_000).catch((e: unknown) => ctx.log.warn('pruning expired report files failed', { error: e instanceof Error ? e.message : String(e) }));
  prune();
  const timer = setInterval(prune, 6 * 3600_000);
  timer.unref();
  ctx.log.info('email tracking endpoints mounted at /t/', { keySource: source, ...(created ? { keyFile: path.join(dir, 'signing.key') } : {}) });
  return {
    routes: [(req, res) => handler(req, res)],
    close: async () => clearInterval(timer),
  };
}
