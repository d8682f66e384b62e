import { describe, expect, it } from 'vitest';
import type { SharedWorkspace, SyncState } from '../../../../shared/model/sync.js';
import { syncStatusText } from '../../../../renderer/src/features/sync/status-text.js';

const shared = (state: Partial<SyncState>): SharedWorkspace => ({
  workspaceId: 'w',
  serverUrl: 'https://sync.example.com',
  remoteRole: 'editor',
  tokenId: '0123456789abcdef',
  memberName: 'Bob',
  state: { workspaceId: 'w', status: 'synced', reason: null, code: null, lastSyncedAt: null, retrying: true, readOnly: false, ...state },
});

describe('sync status text', () => {
  it('says local for a workspace that is not shared, with no retry', () => {
    expect(syncStatusText(null)).toMatchObject({ kind: 'local', label: 'Local workspace', canRetry: false });
  });

  it('names each state, offers retry when offline or in error, and keeps the reason as the detail', () => {
    expect(syncStatusText(shared({ status: 'connecting' }))).toMatchObject({ label: 'Connecting…', canRetry: false });
    expect(syncStatusText(shared({ status: 'syncing' }))).toMatchObject({ label: 'Syncing…', canRetry: false });
    expect(syncStatusText(shared({ status: 'synced' }))).toMatchObject({ label: 'Synced', detail: null, canRetry: false });
    expect(syncStatusText(shared({ status: 'offline', reason: 'Cannot reach the sync server' }))).toMatchObject({ kind: 'offline', canRetry: true, detail: 'Cannot reach the sync server' });
    expect(syncStatusText(shared({ status: 'error', reason: 'token revoked', retrying: false }))).toMatchObject({ kind: 'error', label: 'Sync error', canRetry: true, detail: 'token revoked' });
  });

  it('marks read-only workspaces in the label and explains them', () => {
    const t = syncStatusText(shared({ status: 'synced', readOnly: true }));
    expect(t.label).toBe('Synced · read-only');
    expect(t.detail).toMatch(/does not allow changes/);
  });
});
