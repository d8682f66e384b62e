/**
 * Which comments the local user has seen, per workspace (SQLite, never synced: "read" is personal).
 * Marks are by comment id rather than by time, so a comment written offline by a colleague days ago
 * that arrives today still counts as new.
 */
import type { Db } from '../../store/db.js';

export class CommentReadsRepo {
  private readonly insert;
  private readonly select;
  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT OR IGNORE INTO comment_reads (workspace_id, user_id, comment_id, seen_at) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT comment_id FROM comment_reads WHERE workspace_id = ? AND user_id = ?');
  }

  seen(workspaceId: string, userId: string): Set<string> {
    return new Set((this.select.all(workspaceId, userId) as { comment_id: string }[]).map((r) => r.comment_id));
  }

  markSeen(workspaceId: string, userId: string, commentIds: readonly string[], at: string): void {
    this.db.transaction(() => {
      for (const id of commentIds) this.insert.run(workspaceId, userId, id, at);
    })();
  }
}
