/**
 * Documents in PostgreSQL (`<schema>.doc_updates`). A batch is one multi-row INSERT in one implicit
 * transaction (synchronous_commit on: durable when it resolves). Compaction takes a per-document
 * advisory lock so two instances never compact the same document at once.
 */
import { mergeMany } from './merge.js';
import type { PgContext } from './pg-context.js';
import type { DocStore, DocSummary, DocUpdate } from './doc-store.js';

export class PgDocStore implements DocStore {
  readonly kind = 'postgres' as const;
  private readonly t: string;

  constructor(
    private readonly pg: PgContext,
    private readonly ownsContext = false,
  ) {
    this.t = pg.table('doc_updates');
  }

  async load(doc: string): Promise<Uint8Array[]> {
    const r = await this.pg.pool.query<{ data: Buffer }>(`SELECT data FROM ${this.t} WHERE doc = $1 ORDER BY seq`, [doc]);
    return r.rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
  }

  async append(batch: readonly DocUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const docs = batch.map((u) => u.doc);
    const data = batch.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength));
    await this.pg.pool.query(`INSERT INTO ${this.t} (doc, data, created_at) SELECT d, u, $3 FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS x(d, u, n) ORDER BY n`, [docs, data, Date.now()]);
  }

  async count(doc: string): Promise<number> {
    const r = await this.pg.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.t} WHERE doc = $1`, [doc]);
    return Number(r.rows[0]!.n);
  }

  async compact(doc: string): Promise<{ before: number; after: number }> {
    const c = await this.pg.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`udash_sync_compact:${this.pg.schema}:${doc}`]);
      const rows = (await c.query<{ seq: string; data: Buffer }>(`SELECT seq, data FROM ${this.t} WHERE doc = $1 ORDER BY seq`, [doc])).rows;
      if (rows.length <= 1) {
        await c.query('COMMIT');
        return { before: rows.length, after: rows.length };
      }
      const merged = mergeMany(rows.map((r) => r.data));
      await c.query(`DELETE FROM ${this.t} WHERE doc = $1 AND seq <= $2`, [doc, rows[rows.length - 1]!.seq]);
      await c.query(`INSERT INTO ${this.t} (doc, data, created_at) VALUES ($1, $2, $3)`, [doc, Buffer.from(merged), Date.now()]);
      await c.query('COMMIT');
      return { before: rows.length, after: 1 };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async list(): Promise<DocSummary[]> {
    const r = await this.pg.pool.query<{ doc: string; n: string; bytes: string; last: string }>(
      `SELECT doc, count(*) AS n, sum(octet_length(data)) AS bytes, max(created_at) AS last FROM ${this.t} GROUP BY doc ORDER BY doc`,
    );
    return r.rows.map((row) => ({ name: row.doc, updates: Number(row.n), bytes: Number(row.bytes), lastUpdateAt: Number(row.last) }));
  }

  async ping(): Promise<void> {
    await this.pg.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.ownsContext) await this.pg.close();
  }
}
