/** Saved versions of workspace documents in SQLite (table doc_versions, migration 005). */
import type { VersionInfo, VersionKind, VersionReason } from '../../../shared/model/version.js';
import type { Db } from '../../store/db.js';

export interface NewVersion {
  id: string;
  workspaceId: string;
  kind: VersionKind;
  reason: VersionReason;
  name?: string | undefined;
  authorName?: string | undefined;
  createdMs: number;
  snapshot: Uint8Array;
  state: Buffer;
}

interface Row {
  id: string;
  workspace_id: string;
  kind: VersionKind;
  reason: VersionReason;
  name: string | null;
  author_name: string | null;
  created_at: string;
  created_ms: number;
  bytes: number;
}

const INFO_COLUMNS = 'id, workspace_id, kind, reason, name, author_name, created_at, created_ms, bytes';

export interface StoredVersion extends VersionInfo {
  createdMs: number;
}

export class VersionsRepo {
  constructor(private readonly db: Db) {}

  insert(v: NewVersion): StoredVersion {
    const createdAt = new Date(v.createdMs).toISOString();
    const bytes = v.state.byteLength;
    this.db
      .prepare('INSERT INTO doc_versions (id, workspace_id, kind, reason, name, author_name, created_at, created_ms, snapshot, state, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(v.id, v.workspaceId, v.kind, v.reason, v.name ?? null, v.authorName ?? null, createdAt, v.createdMs, Buffer.from(v.snapshot), v.state, bytes);
    return toInfo({ id: v.id, workspace_id: v.workspaceId, kind: v.kind, reason: v.reason, name: v.name ?? null, author_name: v.authorName ?? null, created_at: createdAt, created_ms: v.createdMs, bytes });
  }

  /** Newest first. */
  list(workspaceId: string): StoredVersion[] {
    const rows = this.db.prepare(`SELECT ${INFO_COLUMNS} FROM doc_versions WHERE workspace_id = ? ORDER BY created_ms DESC, rowid DESC`).all(workspaceId) as Row[];
    return rows.map(toInfo);
  }

  get(workspaceId: string, id: string): StoredVersion | undefined {
    const row = this.db.prepare(`SELECT ${INFO_COLUMNS} FROM doc_versions WHERE workspace_id = ? AND id = ?`).get(workspaceId, id) as Row | undefined;
    return row ? toInfo(row) : undefined;
  }

  latest(workspaceId: string): (StoredVersion & { snapshot: Uint8Array }) | undefined {
    const row = this.db.prepare(`SELECT ${INFO_COLUMNS}, snapshot FROM doc_versions WHERE workspace_id = ? ORDER BY created_ms DESC, rowid DESC LIMIT 1`).get(workspaceId) as (Row & { snapshot: Buffer }) | undefined;
    return row ? { ...toInfo(row), snapshot: new Uint8Array(row.snapshot) } : undefined;
  }

  state(workspaceId: string, id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT state FROM doc_versions WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as { state: Buffer } | undefined;
    return row?.state;
  }

  rename(workspaceId: string, id: string, name: string): void {
    this.db.prepare("UPDATE doc_versions SET name = ?, kind = 'named' WHERE workspace_id = ? AND id = ?").run(name, workspaceId, id);
  }

  deleteMany(workspaceId: string, ids: readonly string[]): void {
    const del = this.db.prepare('DELETE FROM doc_versions WHERE workspace_id = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of ids) del.run(workspaceId, id);
    })();
  }
}

function toInfo(r: Row): StoredVersion {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind,
    reason: r.reason,
    ...(r.name !== null ? { name: r.name } : {}),
    ...(r.author_name !== null ? { authorName: r.author_name } : {}),
    createdAt: r.created_at,
    createdMs: r.created_ms,
    bytes: r.bytes,
  };
}
