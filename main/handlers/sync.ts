import { ok } from '../../shared/contract/common.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

/** Team sync (main/sync): thin wrappers, the logic lives in SyncService and SnapshotService. */
export function syncHandlers(svc: Services): PartialHandlers {
  const sync = svc.sync;
  return {
    'sync.list': () => sync.list(),
    'sync.state': ({ workspaceId }) => sync.state(workspaceId),
    'sync.share': ({ workspaceId, serverUrl, token }) => sync.share(workspaceId, serverUrl, token),
    'sync.join': (input) => sync.join(input),
    'sync.leave': async ({ workspaceId, keepLocalCopy }) => {
      await sync.leave(workspaceId, keepLocalCopy);
      return ok;
    },
    'sync.retry': ({ workspaceId }) => sync.retry(workspaceId),
    'sync.members': ({ workspaceId }) => sync.members(workspaceId),
    'sync.invite': ({ workspaceId, role, label, expires }) => sync.invite(workspaceId, role, label, expires),
    'sync.revoke': async ({ workspaceId, tokenId }) => {
      await sync.revoke(workspaceId, tokenId);
      return ok;
    },
    'sync.presence': ({ workspaceId }) => sync.presence(workspaceId),
    'sync.presence.set': ({ workspaceId, dashboardId, editingWidgetId }) => {
      sync.setPresence(workspaceId, { dashboardId, editingWidgetId });
      return ok;
    },
    'sync.profile.get': () => sync.profile(),
    'sync.profile.set': (profile) => sync.setProfile(profile),
    'sync.snapshots': ({ workspaceId, datasetIds }) => sync.snapshots.list(workspaceId, datasetIds),
    'sync.snapshot.publish': ({ workspaceId, datasetId }) => sync.snapshots.publish(workspaceId, datasetId),
    'sync.snapshot.fetch': ({ workspaceId, datasetId }) => sync.snapshots.fetch(workspaceId, datasetId),
  };
}
