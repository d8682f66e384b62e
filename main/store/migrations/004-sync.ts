import type { Migration } from './index.js';

export const m004Sync: Migration = {
  version: 4,
  name: 'shared workspaces (sync server, token id, role) and datasets fetched from snapshots',
  up(db) {
    db.exec(`
      -- One row per workspace shared through a sync server. The token itself is a secret and is
      -- never stored here: it lives in the keychain or the encrypted vault (main/sync/token-vault.ts);
      -- token_id is its public part (members list, revocation). remote_role is the role the token
      -- carries on the server (owner, editor, viewer or admin); member_name its label.
      CREATE TABLE sync_workspaces (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        server_url TEXT NOT NULL,
        token_id TEXT NOT NULL,
        remote_role TEXT NOT NULL,
        member_name TEXT NOT NULL,
        last_synced_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Datasets whose rows came from a published snapshot (sync.snapshot.fetch), with the blob they
      -- came from: such a copy is not republished by this computer and is refreshed when a newer
      -- snapshot is published. Deleting the dataset forgets the row.
      CREATE TABLE sync_snapshot_copies (
        dataset_id TEXT PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
    `);
  },
};
