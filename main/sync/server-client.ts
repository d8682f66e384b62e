/**
 * The sync server's HTTP side, as this computer uses it: who a token is (join), the members of a
 * workspace, invitations and revocations (the admin API), and dataset snapshot blobs. The token
 * travels only in the Authorization header, never in a URL, a message or a log line.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ERROR_CODES, UdashError } from '../../shared/errors.js';
import { redactTokens, REMOTE_ROLES } from '../../shared/model/sync.js';
import { httpBase } from './server-url.js';

export const WhoAmI = z.object({
  tokenId: z.string(),
  workspace: z.string().nullable(),
  role: z.enum(REMOTE_ROLES),
  label: z.string(),
  expiresAt: z.number(),
});
export type WhoAmI = z.infer<typeof WhoAmI>;

export const RemoteToken = z.object({
  id: z.string(),
  workspace: z.string().nullable(),
  role: z.enum(REMOTE_ROLES),
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type RemoteToken = z.infer<typeof RemoteToken>;

const ServerError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

interface RequestOptions {
  json?: unknown;
  file?: { path: string; size: number };
  query?: Record<string, string>;
}

export class SyncServerClient {
  private readonly base: string;

  constructor(
    serverUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.base = httpBase(serverUrl);
  }

  private get host(): string {
    return new URL(this.base).host;
  }

  /** Sends one request; resolves with the response once its status is a success, else throws the server's error. */
  private request(method: string, path: string, o: RequestOptions = {}): Promise<http.IncomingMessage> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
    const body = o.json === undefined ? null : Buffer.from(JSON.stringify(o.json));
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(body.length) });
    if (o.file) Object.assign(headers, { 'content-type': 'application/octet-stream', 'content-length': String(o.file.size) });
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { method, headers, timeout: this.timeoutMs }, (res) => {
        if ((res.statusCode ?? 500) < 400) return resolve(res);
        void readText(res).then((text) => reject(this.serverError(res.statusCode ?? 500, text)), reject);
      });
      req.on('timeout', () => req.destroy(new UdashError('TIMEOUT', `The sync server at ${this.host} did not answer within ${Math.round(this.timeoutMs / 1000)} s`)));
      req.on('error', (e) => reject(e instanceof UdashError ? e : new UdashError('UNAVAILABLE', `Could not reach the sync server at ${this.host}: ${redactTokens(e.message)}`)));
      if (o.file) {
        const src = fs.createReadStream(o.file.path);
        src.on('error', (e) => req.destroy(e));
        src.pipe(req);
      } else req.end(body ?? undefined);
    });
  }

  private serverError(status: number, text: string): UdashError {
    let parsed: z.infer<typeof ServerError> | null;
    try {
      const r = ServerError.safeParse(JSON.parse(text));
      parsed = r.success ? r.data : null;
    } catch {
      parsed = null;
    }
    const code = parsed && (ERROR_CODES as readonly string[]).includes(parsed.error.code) ? (parsed.error.code as UdashError['code']) : status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE';
    const message = parsed ? parsed.error.message : `HTTP ${status}`;
    return new UdashError(code, `The sync server at ${this.host} answered: ${redactTokens(message)}`, { status });
  }

  private async json<T>(res: http.IncomingMessage, schema: z.ZodType<T>): Promise<T> {
    const text = await readText(res);
    try {
      return schema.parse(JSON.parse(text));
    } catch {
      throw new UdashError('UNAVAILABLE', `The server at ${this.host} did not answer like a Universal Dashboard sync server`);
    }
  }

  /** The token's own record (any valid token). */
  async whoami(): Promise<WhoAmI> {
    return this.json(await this.request('GET', '/admin/whoami'), WhoAmI);
  }

  /** Every token of a workspace (owner or admin tokens only). */
  async members(workspaceId: string): Promise<RemoteToken[]> {
    const r = await this.json(await this.request('GET', `/admin/workspaces/${encodeURIComponent(workspaceId)}/tokens`), z.object({ tokens: z.array(RemoteToken) }));
    return r.tokens;
  }

  /** Creates a member token; the answer is the only copy of its secret. */
  async createToken(workspaceId: string, body: { role: 'viewer' | 'editor' | 'owner'; label: string; expires?: string }): Promise<{ token: string; record: RemoteToken }> {
    return this.json(await this.request('POST', `/admin/workspaces/${encodeURIComponent(workspaceId)}/tokens`, { json: body }), z.object({ token: z.string(), record: RemoteToken }));
  }

  async revoke(tokenId: string): Promise<void> {
    (await this.request('DELETE', `/admin/tokens/${encodeURIComponent(tokenId)}`)).resume();
  }

  /** Uploads a blob whose name is the SHA-256 of the file's bytes (the server checks it). */
  async putBlob(workspaceId: string, sha256: string, file: { path: string; size: number }, adminToken: boolean): Promise<void> {
    (await this.request('PUT', `/blobs/${sha256}`, { file, ...(adminToken ? { query: { workspace: workspaceId } } : {}) })).resume();
  }

  /** Downloads a blob to a file. */
  async getBlob(workspaceId: string, sha256: string, dest: string, adminToken: boolean): Promise<void> {
    const res = await this.request('GET', `/blobs/${sha256}`, adminToken ? { query: { workspace: workspaceId } } : {});
    await pipeline(res, fs.createWriteStream(dest));
  }
}

function readText(res: http.IncomingMessage, limit = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}
