/**
 * One client WebSocket on one document. Frames are parsed before anything is applied; a frame that
 * does not parse, or an update Yjs refuses, closes this connection alone (4400) and leaves the
 * document and the other connections as they were. Every frame first passes the rate limit and a
 * re-check of the token (revoked or expired tokens are cut off at their next message).
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Access, Principal } from './auth/roles.js';
import type { TokenStore } from './auth/token-store.js';
import type { DocPeer, SharedDoc } from './docs/shared-doc.js';
import type { Logger } from './ops/logger.js';
import type { ServerMetrics } from './ops/metrics.js';
import { TokenBucket } from './ops/rate-limiter.js';
import type { Limits } from './options.js';
import { CLOSE, closeCodeName } from './protocol/close-codes.js';
import { awarenessFrame, permissionDeniedFrame, readFrame, syncStep1Frame, syncStep2Frame, type ClientFrame } from './protocol/messages.js';

/** A Yjs update with no structs and an empty delete set (what a viewer's client sends when it has nothing new). */
const EMPTY_UPDATE_BYTES = 2;

export interface ConnectionDeps {
  tokens: TokenStore;
  metrics: ServerMetrics;
  log: Logger;
  limits: Limits;
  /** True while the server shuts down: frames are then ignored (clients resend them on reconnect). */
  draining(): boolean;
}

export class Connection implements DocPeer {
  readonly id = randomUUID();
  readonly awarenessIds = new Set<number>();
  shared: SharedDoc | null = null;
  /** Answered the last keep-alive ping. */
  alive = true;
  private readonly limiter: TokenBucket;
  private deniedSent = false;
  private closing = false;

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    readonly access: Access,
    readonly room: string,
    private readonly d: ConnectionDeps,
  ) {
    this.limiter = new TokenBucket(d.limits.messagesPerSecond, d.limits.messageBurst);
    ws.on('pong', () => {
      this.alive = true;
    });
  }

  send(frame: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame);
    this.d.metrics.bytesOut.inc({ channel: 'ws' }, frame.byteLength);
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.d.metrics.closes.inc({ code: closeCodeName(code) });
    if (code !== CLOSE.GOING_AWAY) this.d.log.info('connection closed by server', { conn: this.id, room: this.room, tokenId: this.principal.tokenId, code, codeName: closeCodeName(code), reason });
    this.ws.close(code, reason);
  }

  /**
   * The document is loaded: greet the client (sync step 1, who is online), then read what it sent.
   * The socket is paused until now (see SyncServer.accept): TCP backpressure, not a buffer of ours.
   */
  attach(shared: SharedDoc): void {
    this.shared = shared;
    shared.peers.add(this);
    this.send(syncStep1Frame(Y.encodeStateVector(shared.doc)));
    const states = shared.awareness.getStates();
    if (states.size > 0) this.send(awarenessFrame(encodeAwarenessUpdate(shared.awareness, [...states.keys()])));
    this.ws.resume();
  }

  /** Entry point for every incoming frame. */
  onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closing || this.d.draining()) return;
    this.d.metrics.bytesIn.inc({ channel: 'ws' }, data.byteLength);
    if (!isBinary) return this.close(CLOSE.BAD_MESSAGE, 'text frames are not part of the protocol');
    if (!this.limiter.take()) return this.close(CLOSE.RATE_LIMITED, 'too many messages');
    if (this.d.tokens.isRevoked(this.principal.tokenId)) return this.close(CLOSE.UNAUTHORIZED, 'token revoked');
    if (Date.now() >= this.principal.expiresAt) return this.close(CLOSE.UNAUTHORIZED, 'token expired');
    this.handle(data);
  }

  private handle(data: Buffer): void {
    const shared = this.shared;
    if (!shared || shared.closed || this.closing) return;
    let frame: ClientFrame;
    try {
      frame = readFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (e) {
      return this.refuse(e);
    }
    try {
      switch (frame.kind) {
        case 'sync-step1':
          shared.sendWhenDurable(this, syncStep2Frame(Y.encodeStateAsUpdate(shared.doc, frame.stateVector)));
          return;
        case 'update':
          if (this.access !== 'write') return this.rejectWrite(frame.update);
          Y.applyUpdate(shared.doc, frame.update, this);
          return;
        case 'awareness':
          applyAwarenessUpdate(shared.awareness, frame.update, this);
          return;
        case 'query-awareness':
          this.send(awarenessFrame(encodeAwarenessUpdate(shared.awareness, [...shared.awareness.getStates().keys()])));
          return;
      }
    } catch (e) {
      this.refuse(e);
    }
  }

  private refuse(e: unknown): void {
    this.d.log.warn('malformed message', { conn: this.id, room: this.room, tokenId: this.principal.tokenId, err: e });
    this.close(CLOSE.BAD_MESSAGE, 'malformed message');
  }

  /** A read-only connection's update: dropped (never applied, stored or relayed); the client is told once. */
  private rejectWrite(update: Uint8Array): void {
    if (update.byteLength <= EMPTY_UPDATE_BYTES) return;
    this.d.metrics.rejectedUpdates.inc();
    if (!this.deniedSent) {
      this.deniedSent = true;
      this.d.log.info('update refused: read-only access', { conn: this.id, room: this.room, tokenId: this.principal.tokenId });
      this.send(permissionDeniedFrame('read-only access: this token cannot change the document'));
    }
  }

  /** The socket closed (either side): leave the document and withdraw this client's presence. */
  detach(): SharedDoc | null {
    const shared = this.shared;
    this.shared = null;
    if (!shared) return null;
    shared.peers.delete(this);
    if (!shared.closed && this.awarenessIds.size > 0) removeAwarenessStates(shared.awareness, [...this.awarenessIds], null);
    return shared;
  }
}
