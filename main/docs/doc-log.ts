/**
 * Persists a workspace's Y.Doc as an append-only log of Yjs updates in SQLite. Every local or remote
 * change appends one row; once the log grows past `compactEvery` rows it is squashed into a single
 * merged update inside one transaction, so a crash mid-compaction leaves the old rows intact.
 */
import * as Y from 'yjs';
import type { Db } from '../store/db.js';

export class DocLog {
  private readonly insert;
  private readonly countStmt;
  constructor(
    private readonly db: Db,
    private readonly compactEvery = 500,
  ) {
    this.insert = db.prepare('INSERT INTO doc_updates (workspace_id, data, created_at) VALUES (?, ?, ?)');
    this.countStmt = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE workspace_id = ?');
  }

  /** Loads every stored update into a fresh doc. */
  load(workspaceId: string, doc: Y.Doc, origin: unknown): number {
    const rows = this.db.prepare('SELECT data FROM doc_updates WHERE workspace_id = ? ORDER BY seq').all(workspaceId) as { data: Buffer }[];
    if (rows.length === 0) return 0;
    const merged = rows.length === 1 ? rows[0]!.data : Y.mergeUpdates(rows.map((r) => r.data));
    Y.applyUpdate(doc, merged, origin);
    return rows.length;
  }

  append(workspaceId: string, update: Uint8Array): void {
    this.insert.run(workspaceId, Buffer.from(update), new Date().toISOString());
  }

  count(workspaceId: string): number {
    return (this.countStmt.get(workspaceId) as { n: number }).n;
  }

  shouldCompact(workspaceId: string): boolean {
    return this.count(workspaceId) > this.compactEvery;
  }

  /** Replaces the log with one update equal to the doc's full state. */
  compact(workspaceId: string, doc: Y.Doc): void {
    const state = Y.encodeStateAsUpdate(doc);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM doc_updates WHERE workspace_id = ?').run(workspaceId);
      this.insert.run(workspaceId, Buffer.from(state), new Date().toISOString());
    })();
  }
}
