/**
 * `GET /healthz`: 200 while storage answers (503 otherwise), with the fan-out state (a Redis outage
 * degrades cross-instance sync but this instance still serves its clients, so it stays 200).
 * `GET /metrics`: Prometheus text format. Neither needs a token; neither reveals document content.
 */
import type { RouteHandler } from '../options.js';
import { sendJson } from './respond.js';

export function opsRoutes(): RouteHandler {
  return async (req, res, ctx) => {
    const path = ctx.url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const server = ctx.server;
    if (path === '/healthz') {
      let storage = 'ok';
      try {
        await Promise.race([server.docs.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 3000).unref())]);
      } catch {
        storage = 'unreachable';
      }
      const fanout = server.fanout ? (server.fanout.isUp() ? 'up' : 'down') : 'off';
      const ok = storage === 'ok' && !server.isClosing();
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : server.isClosing() ? 'shutting-down' : 'degraded', storage, redis: fanout, ...server.stats() });
      return true;
    }
    if (path === '/metrics') {
      const text = await server.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': server.metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(text);
      return true;
    }
    return false;
  };
}
