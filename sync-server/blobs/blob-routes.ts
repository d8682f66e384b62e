/**
 * `PUT|GET|HEAD /blobs/<sha256>[?workspace=W]` with `Authorization: Bearer <token>`. The scope is the
 * token's workspace (an admin token names one with `?workspace=`); a token for A asking for B is
 * refused (403), and A's blobs are invisible from B (404). Writing needs write access to the scope.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UdashError } from '../../shared/errors.js';
import { isRoomName } from '../auth/roles.js';
import type { ServerMetrics } from '../ops/metrics.js';
import type { RouteHandler } from '../options.js';
import { sendJson } from '../http/respond.js';
import { SHA256_RE, type BlobStore } from './blob-store.js';
import { receiveUpload } from './receive-upload.js';

export interface BlobRouteOptions {
  store: BlobStore | null;
  metrics: ServerMetrics;
  maxBlobBytes: number;
  uploadDir?: string;
}

export function blobRoutes(o: BlobRouteOptions): RouteHandler {
  const uploadDir = o.uploadDir ?? path.join(os.tmpdir(), 'udash-sync-uploads');
  return async (req, res, ctx) => {
    const m = /^\/blobs\/([^/]+)$/.exec(ctx.url.pathname);
    if (!m) return false;
    const store = o.store;
    if (!store) throw new UdashError('NOT_FOUND', 'This server has no blob storage configured');
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') {
      res.writeHead(405, { allow: 'GET, HEAD, PUT' }).end();
      return true;
    }
    const sha = m[1]!.toLowerCase();
    if (!SHA256_RE.test(sha)) throw new UdashError('BAD_INPUT', 'A blob name is the 64-character hex SHA-256 of its content', { field: 'sha256' });
    const principal = await ctx.principal(req);
    const scope = ctx.url.searchParams.get('workspace') ?? principal.workspace;
    if (!scope) throw new UdashError('BAD_INPUT', 'An admin token must name the workspace: ?workspace=<id>', { field: 'workspace' });
    if (!isRoomName(scope)) throw new UdashError('BAD_INPUT', `"${scope}" is not a workspace id`, { field: 'workspace' });
    const access = await ctx.server.authorize(principal, scope);
    if (!access) throw new UdashError('FORBIDDEN', `This token has no access to workspace ${scope}`);

    if (method === 'PUT') {
      if (access !== 'write') throw new UdashError('FORBIDDEN', 'This token is read-only: it cannot upload blobs');
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > o.maxBlobBytes) throw new UdashError('LIMIT', `The blob is larger than the server's limit of ${o.maxBlobBytes} bytes`, { limit: o.maxBlobBytes });
      const existing = await store.head(scope, sha);
      if (existing) {
        req.resume();
        sendJson(res, 200, { sha256: sha, size: existing.size, created: false });
        return true;
      }
      const up = await receiveUpload(req, uploadDir, o.maxBlobBytes);
      try {
        o.metrics.bytesIn.inc({ channel: 'blob' }, up.size);
        if (up.sha256 !== sha) throw new UdashError('BAD_DATA', `The content's SHA-256 is ${up.sha256}, not ${sha}: the blob was not stored`, { field: 'sha256' });
        await store.put(scope, sha, up.file, up.size);
      } finally {
        await fsp.rm(up.file, { force: true });
      }
      sendJson(res, 201, { sha256: sha, size: up.size, created: true });
      return true;
    }

    const headers = { 'content-type': 'application/octet-stream', etag: `"${sha}"`, 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
    if (method === 'HEAD') {
      const info = await store.head(scope, sha);
      if (!info) throw new UdashError('NOT_FOUND', `No blob ${sha} in workspace ${scope}`);
      res.writeHead(200, { ...headers, 'content-length': String(info.size) }).end();
      return true;
    }
    const blob = await store.get(scope, sha);
    if (!blob) throw new UdashError('NOT_FOUND', `No blob ${sha} in workspace ${scope}`);
    res.writeHead(200, { ...headers, 'content-length': String(blob.size) });
    blob.body.on('data', (c: Buffer) => o.metrics.bytesOut.inc({ channel: 'blob' }, c.length));
    blob.body.on('error', () => res.destroy());
    blob.body.pipe(res);
    return true;
  };
}
