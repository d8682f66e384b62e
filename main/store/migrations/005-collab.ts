import type { Migration } from './index.js';

export const m005Collab: Migration = {
  version: 5,
  name: 'workspace versions (history) and read marks of comments',
  up(db) {
    db.exec(`
      -- Saved states of a workspace document (main/collab/versions). state is the full document as one
      -- Yjs update, deflated, so a version opens without replaying anything; snapshot is the encoded
      -- Y.snapshot (state vector + delete set) used to tell whether the document changed since.
      -- Versions stay on this computer: restoring one writes a normal edit, which is what syncs.
      CREATE TABLE doc_versions (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
        reason TEXT NOT NULL,
        name TEXT,
        author_name TEXT,
        created_at TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        snapshot BLOB NOT NULL,
        state BLOB NOT NULL,
        bytes INTEGER NOT NULL
      );
      CREATE INDEX doc_versions_by_workspace ON doc_versions (workspace_id, created_ms);

      -- Which comments (they live in the workspace document) the local user has seen, for unread counts.
      CREATE TABLE comment_reads (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, user_id, comment_id)
      ) WITHOUT ROWID;
    `);
  },
};
