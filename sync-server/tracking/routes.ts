/**
 * The tracking endpoints, as route handlers the sync server mounts next to its own: each is
 * `(req, res) => Promise<boolean>` and answers true when it handled the request.
 *
 *   GET  /t/o/<token>.gif   open pixel (1×1 GIF), records an open
 *   GET  /t/c/<token>       click: records it, then 302 to the signed http(s) target
 *   GET  /t/f/<token>       a report file pushed by the app, until the token expires (7 days)
 *   PUT  /t/files/<key>     the app pushes a report file (Bearer upload token)
 *   GET  /t/events?after=N  the app pulls its workspace's events (Bearer events token)
 *
 * Every token is signed with the key given to the factory (see tokens.ts); a bad or expired token
 * gets 404 (410 for an expired download), never a hint about why.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReportFileStore } from './file-store.js';
import { validFileKey } from './file-store.js';
import type { TrackingEventStore } from './event-store.js';
import { verifyClaim, type TrackingClaim } from './tokens.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface TrackingOptions {
  signingKey: Buffer | string;
  events: TrackingEventStore;
  files: ReportFileStore;
  now?: () => number;
  /** Largest report file accepted by PUT /t/files (the app's own limit is 50 MB per report). */
  maxUploadBytes?: number;
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
export const TRACKING_PREFIX = '/t/';

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });
}

/** Marks a request as handled after its response was sent. */
const answered = (_sent: void): true => true;

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** X-File-Name carries the original name percent-encoded (headers are ASCII). */
function headerFileName(h: string | string[] | undefined): string | null {
  if (typeof h !== 'string' || !h) return null;
  try {
    return decodeURIComponent(h).replace(/[\r\n"]/g, '_').slice(0, 200);
  } catch {
    return null;
  }
}

function safeTarget(u: string): boolean {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function createTrackingRoutes(o: TrackingOptions): RouteHandler {
  const now = o.now ?? (() => Date.now());
  const maxUpload = o.maxUploadBytes ?? 60 * 1024 * 1024;
  const verify = <K extends TrackingClaim['k']>(token: string, kind: K): Extract<TrackingClaim, { k: K }> | null => {
    const c = verifyClaim(decodeURIComponent(token), o.signingKey, now());
    return c && c.k === kind ? (c as Extract<TrackingClaim, { k: K }>) : null;
  };
  const record = (kind: 'open' | 'click' | 'download', c: { w: string; r: string; d?: string }, url: string | null) =>
    o.events.append({ kind, at: new Date(now()).toISOString(), w: c.w, r: c.r, d: c.d ?? null, url });

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://tracking.invalid');
    const p = url.pathname;
    if (!p.startsWith(TRACKING_PREFIX)) return false;
    const method = req.method ?? 'GET';

    let m = /^\/t\/o\/([^/]+)\.gif$/.exec(p);
    if (m && method === 'GET') {
      const c = verify(m[1]!, 'o');
      if (!c) return answered(send(res, 404, 'Not found'));
      await record('open', c, null);
      send(res, 200, PIXEL, { 'Content-Type': 'image/gif' });
      return true;
    }
    m = /^\/t\/c\/([^/]+)$/.exec(p);
    if (m && method === 'GET') {
      const c = verify(m[1]!, 'c');
      if (!c || !safeTarget(c.u)) return answered(send(res, 404, 'Not found'));
      await record('click', c, c.u);
      send(res, 302, '', { Location: c.u });
      return true;
    }
    m = /^\/t\/f\/([^/]+)$/.exec(p);
    if (m && method === 'GET') {
      const raw = verifyClaim(decodeURIComponent(m[1]!), o.signingKey, Number.NEGATIVE_INFINITY);
      if (!raw || raw.k !== 'f') return answered(send(res, 404, 'Not found'));
      if (raw.exp < now()) return answered(send(res, 410, 'This link has expired; ask the sender for a new copy of the report.'));
      const file = await o.files.get(raw.f);
      if (!file) return answered(send(res, 404, 'Not found'));
      await record('download', raw, null);
      send(res, 200, file.body, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}` });
      return true;
    }
    m = /^\/t\/files\/(.+)$/.exec(p);
    if (m && method === 'PUT') {
      const key = decodeURIComponent(m[1]!);
      const c = verify(bearer(req), 'u');
      if (!c || c.f !== key || !key.startsWith(`${c.w}/`) || !validFileKey(key)) return answered(json(res, 401, { error: 'unauthorized' }));
      const body = await readBody(req, maxUpload);
      if (!body) return answered(json(res, 413, { error: 'file too large' }));
      await o.files.put(key, { body, fileName: headerFileName(req.headers['x-file-name']) ?? key.split('/').pop()!, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
      json(res, 201, { ok: true });
      return true;
    }
    if (p === '/t/events' && method === 'GET') {
      const c = verify(bearer(req), 'e');
      if (!c) return answered(json(res, 401, { error: 'unauthorized' }));
      const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) || 0);
      const limit = Math.min(5000, Math.max(1, Number(url.searchParams.get('limit') ?? 1000) || 1000));
      const events = await o.events.after(c.w, after, limit);
      json(res, 200, { events, next: events.length ? events[events.length - 1]!.seq : after });
      return true;
    }
    send(res, 404, 'Not found');
    return true;
  };
}
