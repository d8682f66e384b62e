/**
 * Document persistence behind one interface, with an embedded (SQLite) and a PostgreSQL
 * implementation tested by one shared suite (test/sync-server/persistence.test.ts).
 *
 * Each document is an append-only log of Yjs updates. `append` commits a whole batch in one
 * transaction and resolves only once it is durable; the server broadcasts nothing before that.
 * `compact` replaces the rows it read with one merged update inside one transaction, so a crash
 * mid-compaction leaves the old rows, and rows appended meanwhile (by another instance) are kept.
 *
 * @safety `load` returns updates in append order, but callers must not depend on order: Yjs updates
 * commute, and compaction re-inserts the merged row after newer rows.
 */
export interface DocUpdate {
  doc: string;
  update: Uint8Array;
}

export interface DocSummary {
  name: string;
  updates: number;
  bytes: number;
  lastUpdateAt: number | null;
}

export interface DocStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Every stored update of a document, in append order (empty for an unknown document). */
  load(doc: string): Promise<Uint8Array[]>;
  /** Appends all updates in one transaction; resolves when committed. */
  append(batch: readonly DocUpdate[]): Promise<void>;
  /** Number of stored rows of a document. */
  count(doc: string): Promise<number>;
  /** Merges the document's rows into one; returns the row counts before and after. */
  compact(doc: string): Promise<{ before: number; after: number }>;
  list(): Promise<DocSummary[]>;
  /** Throws when the store cannot be reached (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
