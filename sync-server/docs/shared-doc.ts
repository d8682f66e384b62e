/**
 * One loaded document: its Y.Doc, its awareness (who is online), the connections attached to it, and
 * the durability barrier: a promise that resolves once every update applied so far is committed.
 * Anything that shows document content to a client (a broadcast, a sync step 2) waits for it, so no
 * client ever sees an update that a crash could still lose.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

/** Origins of document transactions: they decide what is persisted and where it is sent. */
export const LOAD_ORIGIN = Symbol('udash-sync-load');
/** Already durable elsewhere (another instance, or re-read from storage): broadcast only. */
export const REMOTE_ORIGIN = Symbol('udash-sync-remote');
/** A server-side edit (an HTTP route, a hook): persisted, broadcast and published like a client's. */
export const SERVER_ORIGIN = Symbol('udash-sync-server');

export interface DocPeer {
  readonly id: string;
  /** Awareness client ids this peer set, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<DocPeer>();
  barrier: Promise<void> = Promise.resolve();
  /** Committed updates waiting to be broadcast together (see DocRegistry.flushOutbox). */
  outbox: { update: Uint8Array; peer: DocPeer | undefined }[] = [];
  /** Connections and server-side users holding the document loaded. */
  holds = 0;
  /** Rows this instance knows the stored log has (loaded + appended), to decide when to compact. */
  storedRows = 0;
  rowsAtLastCompaction = 0;
  compacting = false;
  /** The running (or last) compaction; never rejects. */
  compaction: Promise<void> = Promise.resolve();
  idleTimer: NodeJS.Timeout | null = null;
  closed = false;

  constructor(readonly name: string) {
    // The server has no presence of its own; its Awareness only relays clients' states.
    this.awareness.setLocalState(null);
  }

  broadcast(frame: Uint8Array, except?: DocPeer): void {
    for (const p of this.peers) if (p !== except) p.send(frame);
  }

  /** Sends once everything applied so far is durable (or never, if storing failed: the peer is then closed). */
  sendWhenDurable(peer: DocPeer, frame: Uint8Array): void {
    this.barrier.then(
      () => peer.send(frame),
      () => undefined,
    );
  }

  destroy(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
