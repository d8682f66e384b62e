/**
 * The desktop side of team sync: for every workspace shared through a sync server, a live
 * WorkspaceConnection (connection.ts); sharing, joining and leaving; members, invitations and
 * revocations through the server's admin API; presence; and the write guard that keeps a read-only
 * (viewer) workspace from collecting local edits the server would refuse.
 *
 * Where things live: the server address, token id and role in SQLite (sync-repo.ts, migration 004);
 * the token in the secret store (token-vault.ts). A token appears in no answer, event, log line or
 * error message: it arrives in share/join and leaves once in an invite's answer.
 *
 * The service follows the open store: attach() binds it to the current Core (after a store recovery
 * too), connectAll() starts the connections (long-lived hosts; one-shot CLI commands skip it), and
 * stop() closes them before the store closes.
 */
import type * as Y from 'yjs';
import { UdashError } from '../../shared/errors.js';
import { meta } from '../../shared/model/workspace-doc.js';
import { formatJoinLink, tokenIdOf, type InviteRole, type Member, type PresenceUser, type RemoteRole, type SharedWorkspace, type SyncProfile, type SyncState } from '../../shared/model/sync.js';
import type { Workspace } from '../../shared/contract/workspaces.js';
import { setWorkspaceRole } from '../permissions/workspace-role.js';
import type { Core, Services } from '../services.js';
import { createSecretStore, type SecretStore } from '../vault/secrets.js';
import { WorkspaceConnection } from './connection.js';
import { SnapshotService } from './snapshots/snapshot-service.js';
import { readSyncProfile, writeSyncProfile } from './profile.js';
import { SyncServerClient, type RemoteToken } from './server-client.js';
import { normalizeServerUrl } from './server-url.js';
import { SyncRepo, type SyncConfig } from './sync-repo.js';
import { TokenVault } from './token-vault.js';

export interface SyncServiceOptions {
  /** The secret store for tokens; by default the app's (keychain, else the encrypted vault). */
  secrets?: SecretStore;
  /** Test knobs: keep-alive period and the longest reconnect backoff. */
  keepAliveMs?: number;
  maxBackoffMs?: number;
  /** How long join waits for the first sync before answering (the workspace fills in later otherwise). */
  joinWaitMs?: number;
}

/** Not an undo step of the user: the workspace name written into the doc when it is shared. */
const SHARE_ORIGIN = Symbol('udash-sync-share');
/** meta key holding the workspace's name, so colleagues who join get the same name. */
export const WORKSPACE_NAME_KEY = 'workspaceName';

export class SyncService {
  /** The last members list each shared workspace's server returned. */
  private readonly memberCache = new Map<string, Member[]>();
  private readonly connections = new Map<string, WorkspaceConnection>();
  /** States of shared workspaces without a live connection (token missing, not started). */
  private readonly idleStates = new Map<string, SyncState>();
  private bound: { core: Core; repo: SyncRepo } | null = null;
  private connecting = false;
  private offWorkspaces: (() => void) | null = null;
  private secretStore: SecretStore | null;
  readonly tokens: TokenVault;
  /** Dataset snapshots: publish a local dataset's rows, fetch a colleague's. */
  readonly snapshots: SnapshotService;

  constructor(
    private readonly svc: Services,
    private readonly opts: SyncServiceOptions = {},
  ) {
    this.secretStore = opts.secrets ?? null;
    this.tokens = new TokenVault(
      () => this.secrets(),
      () => this.core().settings,
    );
    this.snapshots = new SnapshotService(svc, this);
  }

  private secrets(): SecretStore {
    this.secretStore ??= createSecretStore({ home: this.svc.paths.home, platform: this.svc.platform });
    return this.secretStore;
  }

  private core(): Core {
    return this.svc.core();
  }

  /** The repository of the open store (rebound after a store recovery). */
  repo(): SyncRepo {
    const core = this.core();
    if (!this.bound || this.bound.core !== core) this.attach(core);
    return this.bound!.repo;
  }

  /** Binds to a freshly opened store: its repository and the write guard on its documents. */
  attach(core: Core): void {
    this.bound = { core, repo: new SyncRepo(core.store.db) };
    this.offWorkspaces ??= this.svc.events.on('workspaces.changed', () => this.reconcile());
    core.docs.setWriteGuard((workspaceId) => {
      if (this.isReadOnly(workspaceId))
        throw new UdashError('FORBIDDEN', 'This shared workspace is read-only on this computer (a viewer token): changes would be refused by the sync server. Ask an owner for an editor invitation.', { field: 'workspaceId', readOnly: true });
    });
  }

  /** Starts syncing every shared workspace of the open store (idempotent), and follows deletions. */
  connectAll(): void {
    this.connecting = true;
    for (const c of this.repo().list()) this.ensureConnected(c);
  }

  /** Closes every connection (before the store closes, or for a store recovery). */
  stop(): void {
    this.connecting = false;
    this.offWorkspaces?.();
    this.offWorkspaces = null;
    for (const conn of this.connections.values()) conn.destroy();
    this.connections.clear();
    this.idleStates.clear();
    this.bound?.core.docs.setWriteGuard(null);
    this.bound = null;
  }

  isReadOnly(workspaceId: string): boolean {
    const live = this.connections.get(workspaceId);
    if (live?.current.readOnly) return true;
    return this.bound?.repo.get(workspaceId)?.remoteRole === 'viewer';
  }

  // ---- state --------------------------------------------------------------------------------

  list(): SharedWorkspace[] {
    if (!this.connecting) this.connectAll();
    return this.repo()
      .list()
      .map((c) => this.describe(c));
  }

  state(workspaceId: string): SyncState | null {
    const c = this.repo().get(workspaceId);
    return c ? this.stateOf(c) : null;
  }

  config(workspaceId: string): SyncConfig {
    const c = this.repo().get(workspaceId);
    if (!c) throw new UdashError('NOT_FOUND', 'This workspace is not shared: share it to a sync server first', { field: 'workspaceId' });
    return c;
  }

  private stateOf(c: SyncConfig): SyncState {
    return (
      this.connections.get(c.workspaceId)?.current ??
      this.idleStates.get(c.workspaceId) ?? { workspaceId: c.workspaceId, status: 'offline', reason: 'Not connected yet.', code: null, lastSyncedAt: c.lastSyncedAt, retrying: false, readOnly: c.remoteRole === 'viewer' }
    );
  }

  private describe(c: SyncConfig): SharedWorkspace {
    return { workspaceId: c.workspaceId, serverUrl: c.serverUrl, remoteRole: c.remoteRole, tokenId: c.tokenId, memberName: c.memberName, state: this.stateOf(c) };
  }

  private emitState(state: SyncState): void {
    this.svc.events.emit('sync.state', state);
  }

  // ---- connections ---------------------------------------------------------------------------

  private ensureConnected(c: SyncConfig): void {
    if (this.connections.has(c.workspaceId)) return;
    let token: string | null;
    try {
      token = this.tokens.get(c.workspaceId);
    } catch (e) {
      return this.idle(c, `The token for this workspace cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!token) return this.idle(c, 'The token for this workspace is no longer on this computer (the keychain or vault was reset). Join again with an invitation.');
    const repo = this.repo();
    const conn = new WorkspaceConnection({
      workspaceId: c.workspaceId,
      doc: this.core().docs.get(c.workspaceId),
      serverUrl: c.serverUrl,
      token,
      readOnly: c.remoteRole === 'viewer',
      profile: readSyncProfile(this.core().settings),
      lastSyncedAt: c.lastSyncedAt,
      log: this.svc.log,
      onState: (s) => this.emitState(s),
      onPresence: (users) => this.svc.events.emit('presence.changed', { workspaceId: c.workspaceId, users }),
      onSynced: (at) => {
        try {
          repo.setLastSynced(c.workspaceId, at);
        } catch {
          // The store closed under a late handshake: the time is only informative.
        }
      },
      ...(this.opts.keepAliveMs ? { keepAliveMs: this.opts.keepAliveMs } : {}),
      ...(this.opts.maxBackoffMs ? { maxBackoffMs: this.opts.maxBackoffMs } : {}),
    });
    this.idleStates.delete(c.workspaceId);
    this.connections.set(c.workspaceId, conn);
    this.svc.log.info(`sync: connecting workspace ${c.workspaceId} to ${c.serverUrl} (token ${c.tokenId}, ${c.remoteRole})`);
    this.emitState(conn.current);
  }

  private idle(c: SyncConfig, reason: string): void {
    const state: SyncState = { workspaceId: c.workspaceId, status: 'error', reason, code: null, lastSyncedAt: c.lastSyncedAt, retrying: false, readOnly: c.remoteRole === 'viewer' };
    this.idleStates.set(c.workspaceId, state);
    this.emitState(state);
  }

  private disconnect(workspaceId: string): void {
    this.connections.get(workspaceId)?.destroy();
    this.connections.delete(workspaceId);
    this.idleStates.delete(workspaceId);
  }

  /** A workspace deleted while shared: close its connection and forget its token. */
  private reconcile(): void {
    if (!this.bound) return;
    const existing = new Set(this.core().workspaces.list().map((w) => w.id));
    for (const id of [...this.connections.keys(), ...this.idleStates.keys()]) {
      if (existing.has(id)) continue;
      this.disconnect(id);
      this.forgetToken(id);
    }
  }

  private forgetToken(workspaceId: string): void {
    try {
      this.tokens.delete(workspaceId);
    } catch (e) {
      this.svc.log.warn(`sync: could not remove the token of workspace ${workspaceId} from the secret store: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  retry(workspaceId: string): SyncState {
    const c = this.config(workspaceId);
    const live = this.connections.get(workspaceId);
    if (live) return live.retry();
    this.idleStates.delete(workspaceId);
    this.ensureConnected(c);
    return this.stateOf(c);
  }

  /** The HTTP client for a shared workspace's server, with its token. */
  client(workspaceId: string): { client: SyncServerClient; config: SyncConfig } {
    const config = this.config(workspaceId);
    const token = this.tokens.get(workspaceId);
    if (!token) throw new UdashError('UNAUTHORIZED', 'The token for this workspace is no longer on this computer. Join again with an invitation.');
    return { client: new SyncServerClient(config.serverUrl, token), config };
  }

  // ---- share, join, leave ----------------------------------------------------------------------

  async share(workspaceId: string, serverUrl: string, token: string): Promise<SharedWorkspace> {
    const core = this.core();
    const ws = core.workspaces.get(workspaceId);
    const existing = this.repo().get(workspaceId);
    if (existing) throw new UdashError('CONFLICT', `This workspace is already shared to ${existing.serverUrl}. Leave it first to share it elsewhere.`, { field: 'workspaceId' });
    const url = normalizeServerUrl(serverUrl);
    const who = await new SyncServerClient(url, token).whoami();
    if (who.workspace !== null && who.workspace !== workspaceId)
      throw new UdashError('FORBIDDEN', `This token is for another workspace (${who.workspace}). To open that workspace here, use Join instead of Share.`, { field: 'token' });
    if (who.role !== 'owner' && who.role !== 'admin')
      throw new UdashError('FORBIDDEN', `Sharing needs an owner token for this workspace; this one is a ${who.role} token. With an editor or viewer token, use Join.`, { field: 'token' });
    const config = this.remember(workspaceId, url, token, who.tokenId, who.role, who.label);
    // Colleagues who join get the workspace's name from the doc (not an undo step of this user).
    const doc = core.docs.get(workspaceId);
    doc.transact(() => meta(doc).set(WORKSPACE_NAME_KEY, ws.name), SHARE_ORIGIN);
    core.audit.record({ actor: 'local', action: 'sync.share', objectType: 'workspace', objectId: workspaceId, workspaceId, details: { server: url, tokenId: who.tokenId, role: who.role } });
    this.ensureConnected(config);
    this.svc.events.emit('workspaces.changed', {});
    return this.describe(config);
  }

  async join(input: { serverUrl: string; token: string; workspaceId?: string | undefined; name?: string | undefined }): Promise<{ workspace: Workspace; shared: SharedWorkspace }> {
    const core = this.core();
    const url = normalizeServerUrl(input.serverUrl);
    const who = await new SyncServerClient(url, input.token).whoami();
    if (who.workspace === null && !input.workspaceId) throw new UdashError('BAD_INPUT', 'An admin token opens any workspace: give the id of the workspace to join as well.', { field: 'workspaceId' }, ['workspaceId']);
    if (who.workspace !== null && input.workspaceId && input.workspaceId !== who.workspace)
      throw new UdashError('FORBIDDEN', `This token opens workspace ${who.workspace}, not ${input.workspaceId}.`, { field: 'workspaceId' });
    const workspaceId = who.workspace ?? input.workspaceId!;
    const created = !core.workspaces.list().some((w) => w.id === workspaceId);
    if (created) core.workspaces.create(input.name ?? 'Shared workspace', { id: workspaceId });
    const config = this.remember(workspaceId, url, input.token, who.tokenId, who.role, who.label);
    // Re-joining (a new token after a revocation, or a workspace left earlier): the new token replaces the old.
    this.disconnect(workspaceId);
    core.audit.record({ actor: 'local', action: 'sync.join', objectType: 'workspace', objectId: workspaceId, workspaceId, details: { server: url, tokenId: who.tokenId, role: who.role } });
    this.ensureConnected(config);
    this.svc.events.emit('workspaces.changed', {});
    await this.firstSync(workspaceId);
    if (created && !input.name) {
      const name = meta(core.docs.get(workspaceId)).get(WORKSPACE_NAME_KEY);
      if (typeof name === 'string' && name.trim()) {
        core.workspaces.rename(workspaceId, name.trim().slice(0, 120));
        this.svc.events.emit('workspaces.changed', {});
      }
    }
    return { workspace: core.workspaces.get(workspaceId), shared: this.describe(config) };
  }

  /** Waits (bounded) until the first handshake, so a joined workspace opens with its content. */
  private async firstSync(workspaceId: string): Promise<void> {
    const deadline = Date.now() + (this.opts.joinWaitMs ?? 15_000);
    while (Date.now() < deadline) {
      const s = this.connections.get(workspaceId)?.current;
      if (!s || s.status === 'synced' || s.status === 'error') return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Stores the token (first: if the secret store fails, nothing else changes), the config and the role. */
  private remember(workspaceId: string, serverUrl: string, token: string, tokenId: string, role: RemoteRole, label: string): SyncConfig {
    if (tokenIdOf(token) !== tokenId) throw new UdashError('BAD_INPUT', 'The server describes a different token than the one given', { field: 'token' });
    this.tokens.set(workspaceId, token);
    const core = this.core();
    return core.store.db.transaction(() => {
      const config = this.repo().save({ workspaceId, serverUrl, tokenId, remoteRole: role, memberName: label });
      setWorkspaceRole(core.settings, workspaceId, role === 'admin' ? 'owner' : role);
      return config;
    })();
  }

  async leave(workspaceId: string, keepLocalCopy: boolean): Promise<void> {
    const config = this.config(workspaceId);
    const core = this.core();
    this.disconnect(workspaceId);
    this.forgetToken(workspaceId);
    core.store.db.transaction(() => {
      this.repo().delete(workspaceId);
      setWorkspaceRole(core.settings, workspaceId, 'local');
      core.audit.record({ actor: 'local', action: 'sync.leave', objectType: 'workspace', objectId: workspaceId, workspaceId, details: { server: config.serverUrl, keepLocalCopy } });
    })();
    if (keepLocalCopy) this.svc.events.emit('workspaces.changed', {});
    else await this.svc.dispatcher.call('workspaces.delete', { workspaceId });
  }

  // ---- members ---------------------------------------------------------------------------------

  async members(workspaceId: string): Promise<Member[]> {
    const { client, config } = this.client(workspaceId);
    const tokens = await client.members(workspaceId);
    const members = tokens.sort((a, b) => a.createdAt - b.createdAt).map((t) => toMember(t, config.tokenId));
    this.memberCache.set(workspaceId, members);
    return members;
  }

  /**
   * Members for role-based report recipients: fresh from the server when it answers, else the last
   * list seen (a laptop offline at 9 a.m. still mails the team it knew); [] for a local workspace.
   */
  async membersForDelivery(workspaceId: string): Promise<Member[]> {
    if (!this.repo().get(workspaceId)) return [];
    try {
      return await this.members(workspaceId);
    } catch {
      return this.memberCache.get(workspaceId) ?? [];
    }
  }

  async invite(workspaceId: string, role: InviteRole, label: string, expires?: string): Promise<{ token: string; joinLink: string; member: Member }> {
    const { client, config } = this.client(workspaceId);
    const created = await client.createToken(workspaceId, { role, label, ...(expires ? { expires } : {}) });
    this.core().audit.record({ actor: 'local', action: 'sync.invite', objectType: 'workspace', objectId: workspaceId, workspaceId, details: { tokenId: created.record.id, role } });
    return { token: created.token, joinLink: formatJoinLink({ server: config.serverUrl, workspace: workspaceId, token: created.token }), member: toMember(created.record, config.tokenId) };
  }

  async revoke(workspaceId: string, tokenId: string): Promise<void> {
    const { client, config } = this.client(workspaceId);
    if (tokenId === config.tokenId) throw new UdashError('BAD_INPUT', "That is this computer's own token. To stop using the workspace here, leave it.", { field: 'tokenId' });
    await client.revoke(tokenId);
    this.core().audit.record({ actor: 'local', action: 'sync.revoke', objectType: 'workspace', objectId: workspaceId, workspaceId, details: { tokenId } });
  }

  // ---- presence and profile ------------------------------------------------------------------

  presence(workspaceId: string): PresenceUser[] {
    this.config(workspaceId);
    return this.connections.get(workspaceId)?.presence() ?? [];
  }

  setPresence(workspaceId: string, fields: { dashboardId?: string | null | undefined; editingWidgetId?: string | null | undefined }): void {
    const patch: { dashboardId?: string | null; editingWidgetId?: string | null } = {};
    if (fields.dashboardId !== undefined) patch.dashboardId = fields.dashboardId;
    if (fields.editingWidgetId !== undefined) patch.editingWidgetId = fields.editingWidgetId;
    this.connections.get(workspaceId)?.setPresence(patch);
  }

  profile(): SyncProfile {
    return readSyncProfile(this.core().settings);
  }

  setProfile(profile: SyncProfile): SyncProfile {
    const saved = writeSyncProfile(this.core().settings, profile);
    for (const conn of this.connections.values()) conn.setProfile(saved);
    return saved;
  }

  /** The live doc of a shared workspace (snapshots read and write its records). */
  doc(workspaceId: string): Y.Doc {
    return this.core().docs.get(workspaceId);
  }
}

function toMember(t: RemoteToken, ownTokenId: string): Member {
  const iso = (ms: number) => new Date(ms).toISOString();
  return { tokenId: t.id, label: t.label, role: t.role, status: t.status, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), revokedAt: t.revokedAt === null ? null : iso(t.revokedAt), isYou: t.id === ownTokenId };
}
