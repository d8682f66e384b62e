import type { Db } from './db.js';

export interface AuditEntry {
  actor: string;
  action: string;
  objectType?: string;
  objectId?: string;
  workspaceId?: string;
  /** Ids, names and counts only: never a config, credential or row value. */
  details?: Record<string, unknown>;
}

export class AuditLog {
  private readonly insert;
  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, action, object_type, object_id, workspace_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }
  record(e: AuditEntry): void {
    this.insert.run(new Date().toISOString(), e.actor, e.action, e.objectType ?? null, e.objectId ?? null, e.workspaceId ?? null, e.details ? JSON.stringify(e.details) : null);
  }
  recent(workspaceId: string | null, limit = 100): { at: string; actor: string; action: string; objectType: string | null; objectId: string | null; details: unknown }[] {
    const rows = (
      workspaceId
        ? this.db.prepare('SELECT * FROM audit_log WHERE workspace_id = ? ORDER BY id DESC LIMIT ?').all(workspaceId, limit)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
    ) as { at: string; actor: string; action: string; object_type: string | null; object_id: string | null; details: string | null }[];
    return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, objectType: r.object_type, objectId: r.object_id, details: r.details ? JSON.parse(r.details) : null }));
  }
}
