/**
 * Loads documents on demand, wires each one to persistence and fan-out, and unloads it once nobody
 * has held it for `idleUnloadMs`.
 *
 * The path of an update from a client (or a server-side edit):
 *   applied to the Y.Doc → Y.Doc 'update' event (a well-formed update re-encoded by Yjs, and only
 *   when something changed) → write queue (group commit) → committed → `onStoreUpdate` hook, and the
 *   batch's updates merged into one frame → broadcast to the document's other connections and
 *   published to the other instances.
 * Updates from other instances (or re-read from storage) are already durable: they are broadcast to
 * local connections and neither stored again nor re-published.
 *
 * If a commit fails, the in-memory document holds updates that storage does not, so it is dropped and
 * its connections are closed with 4503: clients reconnect, and the sync handshake makes them send
 * again whatever the server lacks. Nothing unstored is ever shown to anyone.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { UdashError } from '../../shared/errors.js';
import type { Principal } from '../auth/roles.js';
import type { Fanout, FanoutKind } from '../fanout/fanout.js';
import type { Logger } from '../ops/logger.js';
import type { ServerMetrics } from '../ops/metrics.js';
import type { SyncServerHooks } from '../options.js';
import type { DocStore } from '../persistence/doc-store.js';
import { mergeMany } from '../persistence/merge.js';
import type { WriteQueue } from '../persistence/write-queue.js';
import { CLOSE } from '../protocol/close-codes.js';
import { awarenessFrame, updateFrame } from '../protocol/messages.js';
import { LOAD_ORIGIN, REMOTE_ORIGIN, SERVER_ORIGIN, SharedDoc, type DocPeer } from './shared-doc.js';

export interface DocRegistryDeps {
  store: DocStore;
  queue: WriteQueue;
  fanout: Fanout | null;
  metrics: ServerMetrics;
  log: Logger;
  hooks: SyncServerHooks;
  idleUnloadMs: number;
  compactEvery: number;
  /** The principal behind a peer (for the onStoreUpdate hook). */
  principalOf(peer: DocPeer): Principal | null;
  isPeer(origin: unknown): origin is DocPeer;
}

/**
 * A document unloaded with at least this many rows appended since its last compaction is compacted
 * first (on the compactor thread, off the write path), so its next cold load reads one merged row.
 */
const COMPACT_ON_UNLOAD_ROWS = 2;
/** How long loading waits for the Redis subscription before going on (the reconnect resync covers the gap). */
const SUBSCRIBE_WAIT_MS = 2000;

export class DocRegistry {
  private readonly docs = new Map<string, SharedDoc>();
  private readonly loading = new Map<string, Promise<SharedDoc>>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly d: DocRegistryDeps) {
    d.fanout?.onReconnect(() => {
      for (const shared of this.docs.values()) {
        void this.catchUp(shared);
        d.fanout?.publish(shared.name, 'resync', new Uint8Array(0));
      }
    });
  }

  /** Documents in memory, counting those still being unloaded (their last commit and compaction). */
  get size(): number {
    return this.docs.size + this.unloading.size;
  }

  loaded(): string[] {
    return [...this.docs.keys()];
  }

  get(name: string): SharedDoc | undefined {
    return this.docs.get(name);
  }

  /** Loads (or reuses) a document and holds it until `release`. */
  async acquire(name: string): Promise<SharedDoc> {
    for (;;) {
      const pendingUnload = this.unloading.get(name);
      if (pendingUnload) await pendingUnload;
      const existing = this.docs.get(name);
      if (existing) {
        this.hold(existing);
        return existing;
      }
      let p = this.loading.get(name);
      if (!p) {
        p = this.load(name).finally(() => this.loading.delete(name));
        this.loading.set(name, p);
      }
      const shared = await p;
      if (!shared.closed && this.docs.get(name) === shared) {
        this.hold(shared);
        return shared;
      }
    }
  }

  private hold(shared: SharedDoc): void {
    shared.holds++;
    if (shared.idleTimer) {
      clearTimeout(shared.idleTimer);
      shared.idleTimer = null;
    }
  }

  release(shared: SharedDoc): void {
    shared.holds = Math.max(0, shared.holds - 1);
    if (shared.holds > 0 || shared.closed || shared.idleTimer) return;
    shared.idleTimer = setTimeout(() => {
      shared.idleTimer = null;
      if (shared.holds === 0) void this.unload(shared);
    }, this.d.idleUnloadMs);
    shared.idleTimer.unref();
  }

  private async load(name: string): Promise<SharedDoc> {
    const shared = new SharedDoc(name);
    shared.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(shared, update, origin));
    shared.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => this.onAwareness(shared, changes, origin));
    try {
      if (this.d.fanout) {
        const fanout = this.d.fanout;
        // Subscribe before reading storage: an update stored meanwhile arrives by one route or the other.
        const subscribed = fanout.subscribe(name, (kind, payload) => this.onRemote(shared, kind, payload)).catch((e: unknown) => this.d.log.warn('fan-out subscription failed', { room: name, err: e }));
        await Promise.race([subscribed, new Promise((r) => setTimeout(r, SUBSCRIBE_WAIT_MS).unref())]);
      }
      const rows = await this.d.store.load(name);
      this.applyStored(shared, rows, LOAD_ORIGIN);
      shared.storedRows = rows.length;
      shared.rowsAtLastCompaction = rows.length;
      await this.d.hooks.onLoadDocument?.({ room: name, doc: shared.doc });
    } catch (e) {
      await this.d.fanout?.unsubscribe(name).catch(() => undefined);
      shared.destroy();
      this.d.log.error('document load failed', { room: name, err: e });
      throw new UdashError('UNAVAILABLE', `The document ${name} could not be loaded from storage`, { room: name });
    }
    this.docs.set(name, shared);
    this.d.metrics.docsLoaded.set(this.size);
    return shared;
  }

  /** Applies stored rows one by one, so one damaged row (which we never write) cannot hide the rest. */
  private applyStored(shared: SharedDoc, rows: Uint8Array[], origin: symbol): void {
    shared.doc.transact(() => {
      for (let i = 0; i < rows.length; i++) {
        try {
          Y.applyUpdate(shared.doc, rows[i]!, origin);
        } catch (e) {
          this.d.log.error('a stored update could not be applied; skipped', { room: shared.name, row: i, err: e });
        }
      }
    }, origin);
  }

  private onUpdate(shared: SharedDoc, update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      this.d.metrics.updates.inc({ source: 'remote' });
      shared.broadcast(updateFrame(update));
      return;
    }
    const peer = this.d.isPeer(origin) ? origin : undefined;
    const committed = this.d.queue.enqueue(shared.name, update);
    shared.barrier = committed;
    shared.storedRows++;
    committed.then(
      () => {
        this.d.metrics.updates.inc({ source: peer ? 'client' : 'server' });
        this.d.hooks.onStoreUpdate?.({ room: shared.name, update, principal: peer ? this.d.principalOf(peer) : null });
        if (shared.outbox.push({ update, peer }) === 1) queueMicrotask(() => this.flushOutbox(shared));
        this.maybeCompact(shared);
      },
      (e: unknown) => this.fail(shared, e),
    );
  }

  /**
   * Sends what one commit made durable. All updates of a batch resolve in the same microtask
   * checkpoint, so they are merged into one frame per connection (and one Redis message) instead of
   * one each: under load a batch holds hundreds of updates, and each frame costs a write syscall here
   * and a Yjs transaction in every client.
   */
  private flushOutbox(shared: SharedDoc): void {
    const items = shared.outbox;
    shared.outbox = [];
    if (items.length === 0) return;
    const first = items[0]!;
    const update = items.length === 1 ? first.update : mergeMany(items.map((i) => i.update));
    // Skip the sender only when it wrote the whole batch (re-sending a client its own update is harmless).
    const onlyAuthor = items.every((i) => i.peer === first.peer) ? first.peer : undefined;
    shared.broadcast(updateFrame(update), onlyAuthor);
    this.d.fanout?.publish(shared.name, 'update', update);
  }

  private onAwareness(shared: SharedDoc, changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = changes.added.concat(changes.updated, changes.removed);
    if (changed.length === 0) return;
    const peer = this.d.isPeer(origin) ? origin : undefined;
    if (peer) {
      for (const id of changes.added) peer.awarenessIds.add(id);
      for (const id of changes.updated) peer.awarenessIds.add(id);
      for (const id of changes.removed) peer.awarenessIds.delete(id);
    }
    const update = encodeAwarenessUpdate(shared.awareness, changed);
    shared.broadcast(awarenessFrame(update), peer);
    if (origin !== REMOTE_ORIGIN) this.d.fanout?.publish(shared.name, 'awareness', update);
  }

  private onRemote(shared: SharedDoc, kind: FanoutKind, payload: Uint8Array): void {
    if (shared.closed) return;
    try {
      if (kind === 'update') Y.applyUpdate(shared.doc, payload, REMOTE_ORIGIN);
      else if (kind === 'awareness') applyAwarenessUpdate(shared.awareness, payload, REMOTE_ORIGIN);
      else void this.catchUp(shared);
    } catch (e) {
      this.d.log.warn('a fan-out message could not be applied', { room: shared.name, kind, err: e });
    }
  }

  /** Re-reads the stored log and applies what is missing (Yjs ignores what the document already has). */
  async catchUp(shared: SharedDoc): Promise<void> {
    try {
      const rows = await this.d.store.load(shared.name);
      if (!shared.closed) this.applyStored(shared, rows, REMOTE_ORIGIN);
    } catch (e) {
      this.d.log.warn('catch-up from storage failed', { room: shared.name, err: e });
    }
  }

  private maybeCompact(shared: SharedDoc): void {
    if (shared.compacting || shared.storedRows - shared.rowsAtLastCompaction < this.d.compactEvery) return;
    void this.compact(shared);
  }

  /** Starts a compaction, or returns the one running. */
  private compact(shared: SharedDoc): Promise<void> {
    if (shared.compacting) return shared.compaction;
    shared.compacting = true;
    shared.compaction = this.runCompaction(shared);
    return shared.compaction;
  }

  private async runCompaction(shared: SharedDoc): Promise<void> {
    try {
      // Rows still in the queue are not in storage yet; compaction only merges committed rows.
      await shared.barrier;
      const r = await this.d.store.compact(shared.name);
      shared.storedRows = shared.storedRows - r.before + r.after;
      // Rows appended while it ran were not merged: they count towards the next compaction.
      shared.rowsAtLastCompaction = Math.min(r.after, shared.storedRows);
      this.d.log.debug('compacted', { room: shared.name, before: r.before, after: r.after });
    } catch (e) {
      this.d.log.warn('compaction failed (the log is intact)', { room: shared.name, err: e });
    } finally {
      shared.compacting = false;
    }
  }

  /** A commit failed: forget the in-memory state and make clients resend (see the file comment). */
  private fail(shared: SharedDoc, e: unknown): void {
    if (shared.closed) return;
    this.d.metrics.persistFailures.inc();
    this.d.log.error('storing an update failed; the document is dropped from memory', { room: shared.name, err: e });
    this.drop(shared);
    for (const p of [...shared.peers]) p.close(CLOSE.UNAVAILABLE, 'storage unavailable, retry');
  }

  private drop(shared: SharedDoc): void {
    if (this.docs.get(shared.name) === shared) this.docs.delete(shared.name);
    this.d.metrics.docsLoaded.set(this.size);
    void this.d.fanout?.unsubscribe(shared.name).catch(() => undefined);
    shared.destroy();
    this.d.hooks.onUnloadDocument?.({ room: shared.name });
  }

  private unload(shared: SharedDoc): Promise<void> {
    if (shared.closed || this.docs.get(shared.name) !== shared) return Promise.resolve();
    this.docs.delete(shared.name);
    const p = (async () => {
      await shared.barrier.catch(() => undefined);
      // A compaction started while editing may still run: let it finish, then merge what it did not cover.
      await shared.compaction;
      if (shared.storedRows - shared.rowsAtLastCompaction >= COMPACT_ON_UNLOAD_ROWS) await this.compact(shared);
      await this.d.fanout?.unsubscribe(shared.name).catch(() => undefined);
      shared.destroy();
      this.d.hooks.onUnloadDocument?.({ room: shared.name });
    })().finally(() => {
      this.unloading.delete(shared.name);
      this.d.metrics.docsLoaded.set(this.size);
    });
    this.unloading.set(shared.name, p);
    this.d.metrics.docsLoaded.set(this.size);
    return p;
  }

  /** Runs a server-side edit as one transaction; resolves once it is durable. */
  async transact(name: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const shared = await this.acquire(name);
    try {
      shared.doc.transact(() => fn(shared.doc), SERVER_ORIGIN);
      await shared.barrier;
    } finally {
      this.release(shared);
    }
  }

  /** The document's full state, durable (for backups over HTTP and tests). */
  async snapshot(name: string): Promise<Uint8Array> {
    const shared = await this.acquire(name);
    try {
      await shared.barrier;
      return Y.encodeStateAsUpdate(shared.doc);
    } finally {
      this.release(shared);
    }
  }

  /** Unloads every document (shutdown): waits for their commits, skips compaction to stop fast. */
  async unloadAll(): Promise<void> {
    const all = [...this.docs.values()];
    this.docs.clear();
    this.d.metrics.docsLoaded.set(0);
    await Promise.all(
      all.map(async (shared) => {
        await shared.barrier.catch(() => undefined);
        await this.d.fanout?.unsubscribe(shared.name).catch(() => undefined);
        shared.destroy();
      }),
    );
    await Promise.all([...this.unloading.values()]);
  }
}
