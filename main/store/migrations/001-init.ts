import type { Migration } from './index.js';

export const m001Init: Migration = {
  version: 1,
  name: 'workspaces, datasets, workspace document log, audit log, settings',
  up(db) {
    db.exec(`
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        is_sample INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Dataset rows live in one table per dataset (table_name, generated, never user text);
      -- columns is JSON [{name, key, type}] where key is the SQL column (c0, c1, ...).
      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        source TEXT NOT NULL,
        columns TEXT NOT NULL,
        row_count INTEGER NOT NULL DEFAULT 0,
        time_column TEXT,
        table_name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (workspace_id, name)
      );

      -- Append-only Yjs update log per workspace, compacted into one merged update now and then.
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX doc_updates_by_workspace ON doc_updates (workspace_id, seq);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        workspace_id TEXT,
        details TEXT
      );
      CREATE INDEX audit_log_by_workspace ON audit_log (workspace_id, at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
