/**
 * Sharing workspaces through the sync server: share, join, leave, state, members and invitations,
 * presence, and dataset snapshots. Tokens go in (share, join) and come out exactly once (invite);
 * no other call returns one.
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';
import { Workspace } from './workspaces.js';
import { DatasetMeta } from '../model/dataset.js';
import { DatasetSnapshot } from '../model/dataset-snapshot.js';
import { InviteRole, Member, PresenceUser, ServerUrl, SharedWorkspace, SyncProfile, SyncState, SyncToken } from '../model/sync.js';

const Ws = z.object({ workspaceId: Id });

export const SnapshotInfo = z.object({
  datasetId: z.string(),
  /** The published snapshot, null when none was published. */
  snapshot: DatasetSnapshot.nullable(),
  /** Whether this computer has the dataset's rows. */
  local: z.boolean(),
  /** This computer has the dataset and it did not come from a snapshot: its user can publish it. */
  canPublish: z.boolean(),
  /** The local copy came from a snapshot older than the published one. */
  outdated: z.boolean(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export const syncMethods = {
  'sync.list': method('Shared workspaces on this computer with their sync state (starts syncing them)', z.object({}).default({}), z.array(SharedWorkspace)),
  'sync.state': method('Sync state of one workspace; null for a workspace that is not shared', Ws, SyncState.nullable()),
  'sync.share': method(
    "Share a local workspace to a sync server with an owner (or admin) token for it; the workspace's id becomes the room name",
    Ws.extend({ serverUrl: ServerUrl, token: SyncToken }),
    SharedWorkspace,
  ),
  'sync.join': method(
    'Join a shared workspace with a token (from an invitation); creates the local workspace with the same id, or reconnects one that exists',
    z.object({ serverUrl: ServerUrl, token: SyncToken, workspaceId: Id.optional(), name: z.string().trim().min(1).max(120).optional() }),
    z.object({ workspace: Workspace, shared: SharedWorkspace }),
  ),
  'sync.leave': method(
    'Stop sharing on this computer: disconnect and forget the token; keep the local copy as a local workspace or delete it',
    Ws.extend({ keepLocalCopy: z.boolean() }),
    Ok,
  ),
  'sync.retry': method('Reconnect now (after an error or while offline)', Ws, SyncState),
  'sync.members': method('Members of a shared workspace (tokens with roles; no secrets); needs an owner token', Ws, z.array(Member)),
  'sync.invite': method(
    'Create a member token (owner only); the token and join link are returned once and never stored',
    Ws.extend({ role: InviteRole, label: z.string().trim().min(1).max(200), expires: z.string().regex(/^\d+[dh]$/, 'a duration such as 30d or 12h').optional() }),
    z.object({ token: z.string(), joinLink: z.string(), member: Member }),
  ),
  'sync.revoke': method('Revoke a member token (owner only); its connections are closed at once', Ws.extend({ tokenId: z.string().regex(/^[0-9a-f]{16}$/) }), Ok),
  'sync.presence': method('Who is online in a shared workspace', Ws, z.array(PresenceUser)),
  'sync.presence.set': method(
    'What this user is looking at or editing, published to colleagues',
    Ws.extend({ dashboardId: Id.nullable().optional(), editingWidgetId: Id.nullable().optional() }),
    Ok,
  ),
  'sync.profile.get': method('The name and colour colleagues see for this user', z.object({}).default({}), SyncProfile),
  'sync.profile.set': method('Change the name and colour colleagues see', SyncProfile, SyncProfile),
  'sync.snapshots': method('Published dataset snapshots of a workspace and whether each dataset is on this computer', Ws.extend({ datasetIds: z.array(Id).max(500).optional() }), z.array(SnapshotInfo)),
  'sync.snapshot.publish': method("Publish a snapshot of a local dataset's rows to the sync server (editors and owners)", Ws.extend({ datasetId: Id }), DatasetSnapshot),
  'sync.snapshot.fetch': method('Fetch a published snapshot and import it as a local dataset with the same id', Ws.extend({ datasetId: Id }), DatasetMeta),
} as const;

export const syncEvents = {
  'sync.state': SyncState,
  'presence.changed': z.object({ workspaceId: z.string(), users: z.array(PresenceUser) }),
} as const;
