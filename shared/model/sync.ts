/**
 * Sharing a workspace through the sync server: the connection state the UI shows, members, presence
 * and the join link an owner hands to a colleague. Tokens are secrets: they appear here only as the
 * input of share/join and the one-time answer of an invite, never in a state, a member or a log.
 */
import { z } from 'zod';

/**
 * `udsync_<16 hex id>_<64 hex secret>` (the server's format, sync-server/auth/token-format.ts). The id
 * is public (members list, revocation); the secret is what must never be stored in plain text.
 */
export const SYNC_TOKEN_PATTERN = /^udsync_([0-9a-f]{16})_([0-9a-f]{64})$/;
const TOKEN_ANYWHERE = /udsync_([0-9a-f]{16})_[0-9a-f]{64}/g;
export const SyncToken = z.string().trim().regex(SYNC_TOKEN_PATTERN, 'a sync token looks like udsync_<16 hex>_<64 hex>; paste it exactly as it was given');

/** The public id inside a token (null when it is not a token). */
export function tokenIdOf(token: string): string | null {
  return SYNC_TOKEN_PATTERN.exec(token.trim())?.[1] ?? null;
}

/**
 * Masks every token in a text, keeping its public id (`udsync_<id>_…`): applied to log lines and to
 * any reason shown to a user, so a token can never leak through an error message that quoted a URL.
 */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_ANYWHERE, 'udsync_$1_…');
}

/** A sync server address: http(s):// or ws(s)://, host and optional port, no query or fragment. */
export const ServerUrl = z
  .string()
  .trim()
  .min(1, 'Enter the sync server address, e.g. https://sync.example.com')
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !u.search && !u.hash && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'a sync server address starts with https:// (or http://, wss://, ws://) and has no query string');

/** The role a workspace token carries on the server; `admin` is a server-wide token (it owns every workspace). */
export const REMOTE_ROLES = ['owner', 'editor', 'viewer', 'admin'] as const;
export const RemoteRole = z.enum(REMOTE_ROLES);
export type RemoteRole = z.infer<typeof RemoteRole>;

/** Roles an owner can hand out by invitation. */
export const INVITE_ROLES = ['viewer', 'editor', 'owner'] as const;
export const InviteRole = z.enum(INVITE_ROLES);
export type InviteRole = z.infer<typeof InviteRole>;

/**
 * offline: not connected (server unreachable, or between reconnect attempts); connecting: opening the
 * socket; syncing: connected, exchanging what each side lacks; synced: up to date with the server;
 * error: stopped until the user acts (token refused, wrong workspace, a change the server rejects).
 */
export const SYNC_STATUSES = ['offline', 'connecting', 'syncing', 'synced', 'error'] as const;
export const SyncStatus = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncState = z.object({
  workspaceId: z.string(),
  status: SyncStatus,
  /** Why it is offline or in error, in words a user can act on; null when all is well. */
  reason: z.string().nullable(),
  /** The server's WebSocket close code behind the reason, when there was one (4401, 4403, …). */
  code: z.number().int().nullable(),
  /** When the doc last finished a sync with the server (ISO), null if never. */
  lastSyncedAt: z.string().nullable(),
  /** Whether the client will try again by itself (false in error: the user retries). */
  retrying: z.boolean(),
  /**
   * This computer may only read the workspace (a viewer token, or the server refused a change):
   * local edits are refused with FORBIDDEN and the UI hides editing.
   */
  readOnly: z.boolean(),
});
export type SyncState = z.infer<typeof SyncState>;

/** A shared workspace as this computer knows it (no token). */
export const SharedWorkspace = z.object({
  workspaceId: z.string(),
  serverUrl: z.string(),
  remoteRole: RemoteRole,
  /** The public id of the token this computer uses (shown as "you" in the members list). */
  tokenId: z.string(),
  memberName: z.string(),
  state: SyncState,
});
export type SharedWorkspace = z.infer<typeof SharedWorkspace>;

export const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;

/** A member is a token of the workspace, as the server's admin API lists it (never the secret). */
export const Member = z.object({
  tokenId: z.string(),
  label: z.string(),
  role: RemoteRole,
  status: z.enum(TOKEN_STATUSES),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  /** True for the token this computer uses. */
  isYou: z.boolean(),
});
export type Member = z.infer<typeof Member>;

/** Colours a user may pick for their avatar and editing badge (readable on light and dark themes). */
export const PRESENCE_COLORS = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#dc2626'] as const;
export const PresenceColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2563eb');

export const SyncProfile = z.object({
  /** How colleagues see this user: avatars, "Ana is editing", snapshot "published by". */
  name: z.string().trim().min(1, 'Enter the name colleagues will see').max(60),
  color: PresenceColor,
});
export type SyncProfile = z.infer<typeof SyncProfile>;

/** One person online in a shared workspace (awareness). */
export const PresenceUser = z.object({
  /** The awareness client id (one per app instance and workspace). */
  clientId: z.number().int(),
  name: z.string(),
  color: z.string(),
  dashboardId: z.string().nullable(),
  editingWidgetId: z.string().nullable(),
  isSelf: z.boolean(),
});
export type PresenceUser = z.infer<typeof PresenceUser>;

/** What a client publishes in awareness; anything else a peer sends is ignored. */
export const PresenceFields = z.object({
  name: z.string().max(60),
  color: PresenceColor,
  dashboardId: z.string().max(128).nullable().default(null),
  editingWidgetId: z.string().max(128).nullable().default(null),
});
export type PresenceFields = z.infer<typeof PresenceFields>;

/** The initials shown in an avatar: "Ana Lima" → "AL", "bob" → "B". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]!][0] ?? '?';
  const last = parts.length > 1 ? ([...parts[parts.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * The join link an owner passes to a colleague: `udash://join?server=…&workspace=…&token=…`. It holds
 * a secret, so the app shows it once and never stores it; the Join dialog accepts it by paste.
 */
export interface JoinLink {
  server: string;
  workspace: string;
  token: string;
}

export function formatJoinLink(link: JoinLink): string {
  const q = new URLSearchParams({ server: link.server, workspace: link.workspace, token: link.token });
  return `udash://join?${q.toString()}`;
}

/** Reads a pasted join link; null when the text is not one (the dialog then asks for the fields). */
export function parseJoinLink(text: string): JoinLink | null {
  const trimmed = text.trim();
  if (!/^udash:\/\/join\?/i.test(trimmed)) return null;
  const q = new URLSearchParams(trimmed.slice(trimmed.indexOf('?') + 1));
  const server = q.get('server')?.trim();
  const workspace = q.get('workspace')?.trim();
  const token = q.get('token')?.trim();
  if (!server || !workspace || !token) return null;
  if (!ServerUrl.safeParse(server).success || !SyncToken.safeParse(token).success) return null;
  return { server, workspace, token };
}
