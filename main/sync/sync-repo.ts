/**
 * Shared-workspace configuration in SQLite (migration 004): which server, which token id and role.
 * The token's secret is never here (see token-vault.ts). Also the datasets this computer fetched
 * from published snapshots.
 */
import type { RemoteRole } from '../../shared/model/sync.js';
import type { Db } from '../store/db.js';

export interface SyncConfig {
  workspaceId: string;
  serverUrl: string;
  tokenId: string;
  remoteRole: RemoteRole;
  memberName: string;
  lastSyncedAt: string | null;
}

interface Row {
  workspace_id: string;
  server_url: string;
  token_id: string;
  remote_role: RemoteRole;
  member_name: string;
  last_synced_at: string | null;
}

const toConfig = (r: Row): SyncConfig => ({
  workspaceId: r.workspace_id,
  serverUrl: r.server_url,
  tokenId: r.token_id,
  remoteRole: r.remote_role,
  memberName: r.member_name,
  lastSyncedAt: r.last_synced_at,
});

export class SyncRepo {
  constructor(private readonly db: Db) {}

  list(): SyncConfig[] {
    return (this.db.prepare('SELECT * FROM sync_workspaces ORDER BY created_at, workspace_id').all() as Row[]).map(toConfig);
  }

  get(workspaceId: string): SyncConfig | null {
    const row = this.db.prepare('SELECT * FROM sync_workspaces WHERE workspace_id = ?').get(workspaceId) as Row | undefined;
    return row ? toConfig(row) : null;
  }

  /** Records (or replaces) the configuration of a shared workspace. */
  save(c: Omit<SyncConfig, 'lastSyncedAt'>): SyncConfig {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO sync_workspaces (workspace_id, server_url, token_id, remote_role, member_name, last_synced_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, NULL, ?, ?)
         ON CONFLICT(workspace_id) DO UPDATE SET server_url = excluded.server_url, token_id = excluded.token_id,
           remote_role = excluded.remote_role, member_name = excluded.member_name, updated_at = excluded.updated_at`,
      )
      .run(c.workspaceId, c.serverUrl, c.tokenId, c.remoteRole, c.memberName, now, now);
    return this.get(c.workspaceId)!;
  }

  setLastSynced(workspaceId: string, at: string): void {
    this.db.prepare('UPDATE sync_workspaces SET last_synced_at = ? WHERE workspace_id = ?').run(at, workspaceId);
  }

  delete(workspaceId: string): void {
    this.db.prepare('DELETE FROM sync_workspaces WHERE workspace_id = ?').run(workspaceId);
  }

  /** The snapshot a local dataset was fetched from, or null when its rows are this computer's own. */
  snapshotCopy(datasetId: string): { sha256: string; fetchedAt: string } | null {
    const row = this.db.prepare('SELECT sha256, fetched_at FROM sync_snapshot_copies WHERE dataset_id = ?').get(datasetId) as { sha256: string; fetched_at: string } | undefined;
    return row ? { sha256: row.sha256, fetchedAt: row.fetched_at } : null;
  }

  recordSnapshotCopy(workspaceId: string, datasetId: string, sha256: string): void {
    this.db
      .prepare('INSERT INTO sync_snapshot_copies (dataset_id, workspace_id, sha256, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(dataset_id) DO UPDATE SET sha256 = excluded.sha256, fetched_at = excluded.fetched_at')
      .run(datasetId, workspaceId, sha256, new Date().toISOString());
  }
}
