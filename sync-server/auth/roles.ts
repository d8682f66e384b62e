/**
 * Who may do what. A token is scoped to one workspace (room) with a role, or is a server-admin token
 * with no workspace. Roles are ordered: a caller can only hand out roles up to its own.
 *
 * The marketplace document is shared by everyone on the server: any valid token reads it; writing
 * needs an admin token or an editor/owner token scoped to the marketplace room itself.
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'owner', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** Roles a workspace token can have (admin tokens have no workspace). */
export const WORKSPACE_ROLES = ['viewer', 'editor', 'owner'] as const;

export const MARKETPLACE_ROOM = 'marketplace';

/** Workspace ids are UUIDs in the desktop app; the server accepts any short, path-safe name. */
export const ROOM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isRoomName(name: string): boolean {
  return ROOM_PATTERN.test(name);
}

export const RoomName = z.string().regex(ROOM_PATTERN, 'a workspace id: letters, digits, "_", "-" or ".", at most 128 characters');

/** The authenticated caller, as every hook and route sees it (never the secret). */
export interface Principal {
  tokenId: string;
  /** null for a server-admin token. */
  workspace: string | null;
  role: Role;
  label: string;
  expiresAt: number;
}

export type Access = 'read' | 'write';

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** The default authorization rule for a room (document or blob scope); null means no access. */
export function roomAccess(p: Principal, room: string): Access | null {
  if (p.role === 'admin') return 'write';
  const writer = p.role === 'editor' || p.role === 'owner';
  if (room === MARKETPLACE_ROOM) return p.workspace === MARKETPLACE_ROOM && writer ? 'write' : 'read';
  if (p.workspace !== room) return null;
  return writer ? 'write' : 'read';
}

/** Whether `p` may manage (list, create, revoke) tokens of `workspace`. */
export function canManage(p: Principal, workspace: string | null): boolean {
  if (p.role === 'admin') return true;
  return p.role === 'owner' && workspace !== null && p.workspace === workspace;
}
