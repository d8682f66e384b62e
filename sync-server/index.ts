/** The sync server's public surface: what the CLI, tests, benchmarks and extra route modules use. */
export { createSyncServer, SyncServer } from './server.js';
export type { Limits, RouteContext, RouteHandler, SyncServerHooks, SyncServerOptions } from './options.js';
export { DEFAULT_LIMITS } from './options.js';
export { CLOSE, closeCodeName } from './protocol/close-codes.js';
export { MARKETPLACE_ROOM, ROLES, roomAccess, type Access, type Principal, type Role } from './auth/roles.js';
export type { TokenRecord, TokenStore } from './auth/token-store.js';
export type { DocStore } from './persistence/doc-store.js';
export type { BlobStore } from './blobs/blob-store.js';
export type { Fanout } from './fanout/fanout.js';
export { openStorage, type ServerStorage, type StorageConfig } from './storage.js';
export { createJsonLogger, silentLogger, type Logger } from './ops/logger.js';
