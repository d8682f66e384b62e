/**
 * The sync server: an HTTP server whose WebSocket upgrades speak the y-websocket protocol (one room
 * per workspace, plus the marketplace), and whose HTTP routes serve health, metrics, blobs, the admin
 * API and any extra routes mounted by the owner (e.g. email tracking).
 *
 * A connection is authenticated before the upgrade completes; a refusal is still upgraded and then
 * closed with a named 44xx code, because the stock y-websocket provider stops reconnecting on 44xx
 * but retries forever on a plain HTTP 401.
 *
 * Shutdown (close): stop accepting, stop reading frames, commit everything queued (and broadcast
 * it), then close sockets with 1001 so clients reconnect elsewhere or after the restart.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { UdashError } from '../shared/errors.js';
import { isRoomName, roomAccess, type Access, type Principal } from './auth/roles.js';
import type { TokenStore, VerifyResult } from './auth/token-store.js';
import { blobRoutes } from './blobs/blob-routes.js';
import type { BlobStore } from './blobs/blob-store.js';
import { Connection } from './connection.js';
import { DocRegistry } from './docs/doc-registry.js';
import type { Fanout } from './fanout/fanout.js';
import { adminRoutes } from './http/admin-routes.js';
import { bearerToken } from './http/bearer.js';
import { opsRoutes } from './http/ops-routes.js';
import { sendError, sendJson } from './http/respond.js';
import { silentLogger, type Logger } from './ops/logger.js';
import { ServerMetrics } from './ops/metrics.js';
import { DEFAULT_LIMITS, type Limits, type RouteContext, type RouteHandler, type SyncServerHooks, type SyncServerOptions } from './options.js';
import type { DocStore } from './persistence/doc-store.js';
import { WriteQueue } from './persistence/write-queue.js';
import { CLOSE } from './protocol/close-codes.js';

const CLOSE_GRACE_MS = 2000;

export class SyncServer {
  readonly metrics: ServerMetrics;
  readonly log: Logger;
  readonly limits: Limits;
  readonly docs: DocStore;
  readonly tokens: TokenStore;
  readonly blobs: BlobStore | null;
  readonly fanout: Fanout | null;
  private readonly hooks: SyncServerHooks;
  private readonly http: http.Server;
  private readonly wss: WebSocketServer;
  private readonly queue: WriteQueue;
  private readonly registry: DocRegistry;
  private readonly routes: RouteHandler[];
  private readonly connections = new Set<Connection>();
  private readonly byToken = new Map<string, number>();
  private pingTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private closed: Promise<void> | null = null;
  private address: AddressInfo | null = null;

  constructor(private readonly opts: SyncServerOptions) {
    this.log = opts.logger ?? silentLogger;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.docs = opts.docs;
    this.tokens = opts.tokens;
    this.blobs = opts.blobs ?? null;
    this.fanout = opts.fanout ?? null;
    this.hooks = opts.hooks ?? {};
    this.metrics = new ServerMetrics({ processMetrics: opts.processMetrics ?? false });
    this.queue = new WriteQueue(opts.docs, {
      committed: (n, ms) => {
        this.metrics.commitSeconds.observe(ms / 1000);
        this.metrics.commitBatch.observe(n);
      },
      failed: (n, e) => this.log.error('committing a batch of updates failed', { updates: n, err: e }),
    });
    this.registry = new DocRegistry({
      store: opts.docs,
      queue: this.queue,
      fanout: this.fanout,
      metrics: this.metrics,
      log: this.log,
      hooks: this.hooks,
      idleUnloadMs: opts.idleUnloadMs ?? 60_000,
      compactEvery: opts.compactEvery ?? 1000,
      principalOf: (peer) => (peer instanceof Connection ? peer.principal : null),
      isPeer: (origin): origin is Connection => origin instanceof Connection,
    });
    if (this.fanout) {
      const f = this.fanout;
      this.metrics.fanoutUp.set(f.isUp() ? 1 : 0);
      f.onStatus((up) => {
        this.metrics.fanoutUp.set(up ? 1 : 0);
        if (up) this.log.info('redis fan-out connected');
        else this.log.warn('redis fan-out lost: instances no longer exchange updates until it is back');
      });
      let lastWarn = 0;
      f.onPublishFailure((e) => {
        this.metrics.fanoutPublishFailures.inc();
        if (Date.now() - lastWarn > 10_000) {
          lastWarn = Date.now();
          this.log.warn('publishing to redis failed (instances resync when it is back)', { err: e });
        }
      });
    }
    this.routes = [opsRoutes(), blobRoutes({ store: this.blobs, metrics: this.metrics, maxBlobBytes: this.limits.maxBlobBytes, ...(opts.uploadDir ? { uploadDir: opts.uploadDir } : {}) }), adminRoutes(this.limits.maxJsonBodyBytes), ...(opts.routes ?? [])];
    this.http = http.createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxMessageBytes, perMessageDeflate: false });
    this.http.on('upgrade', (req, socket, head) => void this.onUpgrade(req, socket, head));
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<{ port: number; url: string }> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.address = this.http.address() as AddressInfo;
    const interval = this.opts.pingIntervalMs ?? 30_000;
    this.pingTimer = setInterval(() => this.ping(), interval);
    this.pingTimer.unref();
    this.log.info('sync server listening', { host, port: this.address.port, storage: this.docs.kind, blobs: this.blobs?.kind ?? 'off', redis: this.fanout ? 'on' : 'off' });
    return { port: this.address.port, url: this.url };
  }

  get port(): number {
    return this.address?.port ?? 0;
  }

  /** The WebSocket base URL for providers: `new WebsocketProvider(server.url, workspaceId, doc, { params: { token } })`. */
  get url(): string {
    const host = this.address ? (this.address.family === 'IPv6' ? `[${this.address.address}]` : this.address.address) : '127.0.0.1';
    return `ws://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${this.port}`;
  }

  get httpUrl(): string {
    return this.url.replace(/^ws:/, 'http:');
  }

  isClosing(): boolean {
    return this.closing;
  }

  stats(): { connections: number; docs: number } {
    return { connections: this.connections.size, docs: this.registry.size };
  }

  loadedDocuments(): string[] {
    return this.registry.loaded();
  }

  async authenticate(token: string | null, room: string | null, request: http.IncomingMessage): Promise<VerifyResult> {
    if (this.hooks.onAuthenticate) return this.hooks.onAuthenticate({ token, room, request });
    return this.tokens.verify(token);
  }

  async authorize(principal: Principal, room: string): Promise<Access | null> {
    if (this.hooks.onAuthorize) return (await this.hooks.onAuthorize({ principal, room })) ?? null;
    return roomAccess(principal, room);
  }

  /** A server-side edit of a document (extra routes use this): one transaction, resolved once durable. */
  transactDocument(room: string, fn: (doc: Y.Doc) => void): Promise<void> {
    if (!isRoomName(room)) throw new UdashError('BAD_INPUT', `"${room}" is not a workspace id`);
    return this.registry.transact(room, fn);
  }

  /** The durable state of a document as one Yjs update. */
  snapshotDocument(room: string): Promise<Uint8Array> {
    return this.registry.snapshot(room);
  }

  /** Closes every live connection of a token at once (after a revocation through this instance). */
  disconnectToken(tokenId: string, reason = 'token revoked'): number {
    let n = 0;
    for (const c of this.connections) {
      if (c.principal.tokenId === tokenId) {
        c.close(CLOSE.UNAUTHORIZED, reason);
        n++;
      }
    }
    return n;
  }

  private routeContext(url: URL): RouteContext {
    return {
      url,
      server: this,
      principal: async (req) => {
        const r = await this.authenticate(bearerToken(req), null, req);
        if (!r.ok) {
          this.metrics.authFailures.inc({ reason: r.reason });
          throw new UdashError('UNAUTHORIZED', r.reason === 'missing' ? 'This endpoint needs Authorization: Bearer <token>' : `The token was refused (${r.reason})`);
        }
        return r.principal;
      },
    };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const t0 = performance.now();
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    let status = 0;
    let group = 'none';
    res.on('finish', () => {
      status = res.statusCode;
      this.metrics.httpRequests.inc({ route: group, status: String(status) });
      this.log.debug('http', { method: req.method, path: url.pathname, status, ms: Math.round(performance.now() - t0) });
    });
    try {
      if (this.closing) {
        sendJson(res, 503, { error: { code: 'UNAVAILABLE', message: 'The server is shutting down' } }, { connection: 'close' });
        return;
      }
      const ctx = this.routeContext(url);
      for (let i = 0; i < this.routes.length; i++) {
        if (await this.routes[i]!(req, res, ctx)) {
          group = ['ops', 'blobs', 'admin'][i] ?? 'extra';
          return;
        }
      }
      throw new UdashError('NOT_FOUND', `No endpoint ${req.method} ${url.pathname}`);
    } catch (e) {
      if (!(e instanceof UdashError)) this.log.error('http request failed', { method: req.method, path: url.pathname, err: e });
      sendError(res, e);
    }
  }

  private async onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    let room = '';
    try {
      room = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    } catch {
      room = '';
    }
    let refusal: { code: number; reason: string } | null = null;
    let principal: Principal | null = null;
    let access: Access | null = null;
    if (!isRoomName(room)) refusal = { code: CLOSE.BAD_MESSAGE, reason: 'invalid room name' };
    else {
      try {
        const auth = await this.authenticate(url.searchParams.get('token'), room, req);
        if (!auth.ok) {
          this.metrics.authFailures.inc({ reason: auth.reason });
          refusal = { code: CLOSE.UNAUTHORIZED, reason: auth.reason === 'missing' ? 'token required' : `token ${auth.reason}` };
        } else {
          principal = auth.principal;
          access = await this.authorize(principal, room);
          if (!access) {
            this.metrics.authFailures.inc({ reason: 'forbidden' });
            refusal = { code: CLOSE.FORBIDDEN, reason: 'token not valid for this workspace' };
          } else if ((this.byToken.get(principal.tokenId) ?? 0) >= this.limits.maxConnectionsPerToken) {
            refusal = { code: CLOSE.TOO_MANY_CONNECTIONS, reason: 'too many connections for this token' };
          }
        }
      } catch (e) {
        this.log.error('authentication failed', { room, err: e });
        refusal = { code: CLOSE.UNAVAILABLE, reason: 'authentication unavailable' };
      }
    }
    if (this.closing) refusal = { code: CLOSE.GOING_AWAY, reason: 'server shutting down' };
    if (refusal || !principal || !access) {
      const r = refusal ?? { code: CLOSE.UNAUTHORIZED, reason: 'token required' };
      if (r.code === CLOSE.UNAUTHORIZED || r.code === CLOSE.FORBIDDEN) this.log.info('connection refused', { room, code: r.code, reason: r.reason, tokenId: principal?.tokenId });
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.metrics.closes.inc({ code: String(r.code) });
        ws.close(r.code, r.reason);
      });
      return;
    }
    const p = principal;
    const a = access;
    this.byToken.set(p.tokenId, (this.byToken.get(p.tokenId) ?? 0) + 1);
    let released = false;
    const releaseSlot = () => {
      if (released) return;
      released = true;
      const n = (this.byToken.get(p.tokenId) ?? 1) - 1;
      if (n <= 0) this.byToken.delete(p.tokenId);
      else this.byToken.set(p.tokenId, n);
    };
    socket.once('close', releaseSlot);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, p, a, room, releaseSlot));
  }

  private accept(ws: WebSocket, principal: Principal, access: Access, room: string, releaseSlot: () => void): void {
    // Read nothing until the document is loaded (Connection.attach resumes): the client waits on TCP.
    ws.pause();
    const conn = new Connection(ws, principal, access, room, { tokens: this.tokens, metrics: this.metrics, log: this.log, limits: this.limits, draining: () => this.closing });
    this.connections.add(conn);
    this.metrics.connections.set(this.connections.size);
    this.hooks.onConnect?.({ connectionId: conn.id, principal, room, access });
    ws.on('message', (data: Buffer, isBinary: boolean) => conn.onMessage(data, isBinary));
    ws.on('error', (e) => this.log.debug('socket error', { conn: conn.id, err: e }));
    let acquired = false;
    ws.on('close', (code: number) => {
      this.connections.delete(conn);
      this.metrics.connections.set(this.connections.size);
      releaseSlot();
      const shared = conn.detach();
      if (shared && acquired) this.registry.release(shared);
      this.hooks.onDisconnect?.({ connectionId: conn.id, principal, room, code });
    });
    this.registry.acquire(room).then(
      (shared) => {
        acquired = true;
        if (ws.readyState !== ws.OPEN) {
          this.registry.release(shared);
          acquired = false;
          return;
        }
        conn.attach(shared);
      },
      () => conn.close(CLOSE.UNAVAILABLE, 'document unavailable, retry'),
    );
  }

  private ping(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }

  /** Graceful shutdown; safe to call twice. The owner closes storage, blobs and fan-out afterwards. */
  close(): Promise<void> {
    if (!this.closed) this.closed = this.doClose();
    return this.closed;
  }

  private async doClose(): Promise<void> {
    this.closing = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    const httpClosed = new Promise<void>((r) => this.http.close(() => r()));
    this.http.closeIdleConnections();
    await this.queue.flush();
    await this.registry.unloadAll();
    const open = [...this.connections];
    for (const c of open) c.close(CLOSE.GOING_AWAY, 'server shutting down');
    await Promise.race([
      Promise.all(open.map((c) => new Promise<void>((r) => (c.ws.readyState === c.ws.CLOSED ? r() : c.ws.once('close', () => r()))))),
      new Promise<void>((r) => setTimeout(r, CLOSE_GRACE_MS).unref()),
    ]);
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await httpClosed;
    this.log.info('sync server stopped');
  }
}

export function createSyncServer(opts: SyncServerOptions): SyncServer {
  return new SyncServer(opts);
}
