/**
 * The server's options and extension points. Extension points are typed hooks on one server
 * instance (as in Hocuspocus), never module-level setters, so several servers can run in one process.
 */
import type http from 'node:http';
import type * as Y from 'yjs';
import type { Access, Principal } from './auth/roles.js';
import type { TokenStore, VerifyResult } from './auth/token-store.js';
import type { BlobStore } from './blobs/blob-store.js';
import type { Fanout } from './fanout/fanout.js';
import type { Logger } from './ops/logger.js';
import type { DocStore } from './persistence/doc-store.js';
import type { SyncServer } from './server.js';

export interface Limits {
  /** Largest WebSocket frame; bigger frames close the connection with 1009 before they are buffered. */
  maxMessageBytes: number;
  /** Open connections one token may hold at once; more are closed with 4529. */
  maxConnectionsPerToken: number;
  /** Sustained messages per second per connection, and the burst allowed above it; beyond: 4429. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Largest blob upload (HTTP 413 beyond). */
  maxBlobBytes: number;
  /** Largest JSON body of an admin request. */
  maxJsonBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxConnectionsPerToken: 32,
  messagesPerSecond: 200,
  messageBurst: 1000,
  maxBlobBytes: 512 * 1024 * 1024,
  maxJsonBodyBytes: 64 * 1024,
};

export interface RouteContext {
  /** The request URL, parsed (its query string may hold secrets: never log it). */
  url: URL;
  server: SyncServer;
  /** The caller of a request carrying `Authorization: Bearer <token>`; throws UNAUTHORIZED otherwise. */
  principal(req: http.IncomingMessage): Promise<Principal>;
}

/**
 * An HTTP route: returns true when it handled the request (it has then written the response), false
 * to let the next route try. Mounted after the built-in routes, so it cannot shadow them.
 */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, ctx: RouteContext) => boolean | Promise<boolean>;

export interface SyncServerHooks {
  /** Replaces token verification (the default asks the token store). */
  onAuthenticate?(p: { token: string | null; room: string | null; request: http.IncomingMessage }): Promise<VerifyResult>;
  /** Decides access to a room (a document or a blob scope); the default is `roomAccess` (see auth/roles.ts). */
  onAuthorize?(p: { principal: Principal; room: string }): Access | null | Promise<Access | null>;
  onConnect?(p: { connectionId: string; principal: Principal; room: string; access: Access }): void;
  onDisconnect?(p: { connectionId: string; principal: Principal; room: string; code: number }): void;
  /** After the document was loaded from storage, before any client sees it. */
  onLoadDocument?(p: { room: string; doc: Y.Doc }): void | Promise<void>;
  /** After an update was committed (never before), with who sent it. */
  onStoreUpdate?(p: { room: string; update: Uint8Array; principal: Principal | null }): void;
  onUnloadDocument?(p: { room: string }): void;
}

export interface SyncServerOptions {
  docs: DocStore;
  tokens: TokenStore;
  blobs?: BlobStore | null;
  /** Cross-instance fan-out (Redis). Instances that share one must also share document storage. */
  fanout?: Fanout | null;
  logger?: Logger;
  limits?: Partial<Limits>;
  /** A document with no connection is unloaded from memory after this long. */
  idleUnloadMs?: number;
  /** Compact a document's log once this many rows were appended since the last compaction. */
  compactEvery?: number;
  /** Ping interval; a connection that did not answer the previous ping is terminated. */
  pingIntervalMs?: number;
  routes?: RouteHandler[];
  hooks?: SyncServerHooks;
  /** Collect Node process metrics (CPU, memory, event loop) into /metrics. */
  processMetrics?: boolean;
  /** Where blob uploads are spooled while their hash is checked (default: the OS temp folder). */
  uploadDir?: string;
}
