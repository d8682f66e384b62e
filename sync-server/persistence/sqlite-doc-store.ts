/**
 * Documents in `<data>/docs.sqlite`: WAL, synchronous=FULL by default (a committed batch survives a
 * power cut, not only a killed process); the write queue's group commit keeps fsyncs to one per
 * batch. Writes (appends, compaction) go through the writer thread (sqlite-writer.ts) so an fsync
 * never stalls the event loop; reads use this thread's own connection.
 */
import path from 'node:path';
import { openSqlite, type SqliteDb } from './sqlite-open.js';
import { SqliteWriter } from './sqlite-writer.js';
import type { DocStore, DocSummary, DocUpdate } from './doc-store.js';

const MIGRATIONS = [
  (db: SqliteDb) =>
    db.exec(`
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq);
    `),
];

export interface SqliteDocStoreOptions {
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
}

export class SqliteDocStore implements DocStore {
  readonly kind = 'sqlite' as const;
  private readonly db: SqliteDb;
  private readonly selectDoc;
  private readonly countDoc;
  private readonly writer: SqliteWriter;

  constructor(opts: SqliteDocStoreOptions) {
    const file = path.join(opts.dataDir, 'docs.sqlite');
    this.db = openSqlite({ file, synchronous: opts.synchronous ?? 'FULL', migrations: MIGRATIONS });
    this.writer = new SqliteWriter(file, opts.synchronous ?? 'FULL');
    this.selectDoc = this.db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq');
    this.countDoc = this.db.prepare('SELECT count(*) FROM doc_updates WHERE doc = ?').pluck();
  }

  async load(doc: string): Promise<Uint8Array[]> {
    return (this.selectDoc.all(doc) as { data: Buffer }[]).map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  async append(batch: readonly DocUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    return this.writer.append(batch);
  }

  async count(doc: string): Promise<number> {
    return this.countDoc.get(doc) as number;
  }

  async compact(doc: string): Promise<{ before: number; after: number }> {
    return this.writer.compact(doc);
  }

  async list(): Promise<DocSummary[]> {
    const rows = this.db.prepare('SELECT doc, count(*) AS n, sum(length(data)) AS bytes, max(created_at) AS last FROM doc_updates GROUP BY doc ORDER BY doc').all() as { doc: string; n: number; bytes: number; last: number }[];
    return rows.map((r) => ({ name: r.doc, updates: r.n, bytes: r.bytes, lastUpdateAt: r.last }));
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
