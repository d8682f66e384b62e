/**
 * One shared workspace's live connection: its Y.Doc (the one WorkspaceDocs persists) joined to the
 * sync server by the stock y-websocket WebsocketProvider, with `ws` as the WebSocket under Node.
 *
 * Offline edits need nothing special: every local edit is already in the doc and its SQLite log;
 * on (re)connect the provider and the server exchange state vectors (sync step 1) and each sends the
 * other what it lacks (step 2), so edits made on either side while apart merge as CRDT updates.
 *
 * State, as the UI shows it: connecting (first attempt) → syncing (socket open, handshake running)
 * → synced (handshake done; later edits flow both ways as they happen). A dropped or refused socket
 * is offline (the provider retries with backoff) unless the server's close code says a retry cannot
 * help (a revoked token, another workspace's token), which is error until the user retries.
 *
 * The server never writes to a lone client, and the provider drops a socket that has been silent for
 * 30 s, so a keep-alive sends a sync step 1 now and then: the answer keeps the socket alive and, as
 * anti-entropy, brings anything a lost frame might have missed.
 */
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as authProtocol from 'y-protocols/auth';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { redactTokens, type PresenceUser, type SyncProfile, type SyncState, type SyncStatus } from '../../shared/model/sync.js';
import type { Logger } from '../rpc/dispatcher.js';
import { closeMeaning, unreachable } from './close-reasons.js';
import { initialPresence, presenceUsers } from './presence.js';
import { httpBase, wsBase } from './server-url.js';

export interface ConnectionOptions {
  workspaceId: string;
  doc: Y.Doc;
  serverUrl: string;
  token: string;
  /** The token is a viewer's: the UI and the write guard treat the workspace as read-only. */
  readOnly: boolean;
  profile: SyncProfile;
  lastSyncedAt: string | null;
  log: Logger;
  onState(state: SyncState): void;
  onPresence(users: PresenceUser[]): void;
  /** A handshake finished (persist the time). */
  onSynced(at: string): void;
  keepAliveMs?: number;
  maxBackoffMs?: number;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;

export class WorkspaceConnection {
  readonly awareness: Awareness;
  private readonly provider: WebsocketProvider;
  private readonly host: string;
  private state: SyncState;
  private lastPresence = '';
  /** The current socket opened (so a close is a lost connection, not an unreachable server). */
  private opened = false;
  private deniedReason: string | null = null;
  private destroyed = false;
  private readonly keepAlive: NodeJS.Timeout;
  private readonly onDocDestroy = () => this.destroy();

  constructor(private readonly o: ConnectionOptions) {
    this.host = new URL(httpBase(o.serverUrl)).host;
    this.state = { workspaceId: o.workspaceId, status: 'connecting', reason: null, code: null, lastSyncedAt: o.lastSyncedAt, retrying: true, readOnly: o.readOnly };
    this.awareness = new Awareness(o.doc);
    this.awareness.setLocalState(initialPresence(o.profile));
    this.provider = new WebsocketProvider(wsBase(o.serverUrl), o.workspaceId, o.doc, {
      connect: false,
      awareness: this.awareness,
      params: { token: o.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Two providers of one room in one process (two data folders, tests) must talk through the server.
      disableBc: true,
      maxBackoffTime: o.maxBackoffMs ?? 5_000,
      shouldReconnect: (event) => !closeMeaning(event.code, this.host).terminal,
    });
    // The stock handler only logs a permission-denied message; a viewer's refused write is state here.
    this.provider.messageHandlers[MESSAGE_AUTH] = (_enc, decoder) => authProtocol.readAuthMessage(decoder, o.doc, (_doc, reason) => this.denied(reason));
    this.provider.on('status', ({ status }) => this.onStatus(status));
    this.provider.on('sync', (synced) => synced && this.onHandshake());
    this.provider.on('connection-close', (event) => this.onClose(event?.code ?? null));
    this.provider.on('closed', ({ code }) => this.set('error', closeMeaning(code, this.host).reason, code, false));
    this.awareness.on('change', () => this.emitPresence());
    o.doc.on('destroy', this.onDocDestroy);
    this.keepAlive = setInterval(() => this.ping(), o.keepAliveMs ?? 12_000);
    this.keepAlive.unref();
    this.provider.connect();
  }

  get current(): SyncState {
    return this.state;
  }

  presence(): PresenceUser[] {
    return presenceUsers(this.awareness);
  }

  setPresence(fields: { dashboardId?: string | null; editingWidgetId?: string | null; name?: string; color?: string }): void {
    if (this.destroyed) return;
    const current = this.awareness.getLocalState() ?? {};
    const next = { ...current };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) next[k] = v;
    this.awareness.setLocalState(next);
  }

  setProfile(profile: SyncProfile): void {
    this.setPresence({ name: profile.name, color: profile.color });
  }

  /** Reconnects now, with the backoff reset (after an error, or to stop waiting while offline). */
  retry(): SyncState {
    if (this.destroyed) return this.state;
    this.provider.disconnect();
    this.provider.wsUnsuccessfulReconnects = 0;
    this.set('connecting', null, null, true);
    this.provider.connect();
    return this.state;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.keepAlive);
    this.o.doc.off('destroy', this.onDocDestroy);
    this.provider.destroy();
    this.awareness.destroy();
  }

  private onStatus(status: 'connected' | 'disconnected' | 'connecting'): void {
    if (status === 'connected') {
      this.opened = true;
      this.set('syncing', null, null, true);
    } else if (status === 'connecting' && this.state.status !== 'offline' && this.state.status !== 'error') {
      // A retry while offline stays "offline" with its reason (no flicker every backoff step).
      this.set('connecting', null, null, true);
    }
  }

  private onHandshake(): void {
    const at = new Date().toISOString();
    this.set('synced', this.deniedReason, null, true, { lastSyncedAt: at });
    this.o.onSynced(at);
  }

  private onClose(code: number | null): void {
    if (this.destroyed) return;
    const wasOpen = this.opened;
    this.opened = false;
    if (code !== null && closeMeaning(code, this.host).terminal) return; // 'closed' follows with the reason
    const reason = !wasOpen ? unreachable(this.host) : closeMeaning(code ?? 1006, this.host).reason;
    this.set('offline', reason, code, true);
  }

  private denied(reason: string): void {
    this.deniedReason = `The sync server refused a change from this computer (${redactTokens(reason)}). This workspace is read-only here; local changes are not sent.`;
    this.o.log.warn(`sync: the server refused a change to workspace ${this.o.workspaceId} (read-only token)`);
    this.set(this.state.status, this.state.status === 'synced' ? this.deniedReason : this.state.reason, this.state.code, this.state.retrying, { readOnly: true });
  }

  private ping(): void {
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, this.o.doc);
    ws.send(encoding.toUint8Array(e));
  }

  private set(status: SyncStatus, reason: string | null, code: number | null, retrying: boolean, extra: Partial<SyncState> = {}): void {
    if (this.destroyed) return;
    const next: SyncState = { ...this.state, ...extra, status, reason: reason === null ? null : redactTokens(reason), code, retrying };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.o.onState(next);
  }

  private emitPresence(): void {
    if (this.destroyed) return;
    const users = this.presence();
    const key = JSON.stringify(users);
    if (key === this.lastPresence) return;
    this.lastPresence = key;
    this.o.onPresence(users);
  }
}
