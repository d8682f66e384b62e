/**
 * The role the user of this machine holds in each workspace, and the checks built on it. A workspace
 * nobody shared with us is `local` (its only user has every permission). When a workspace is shared
 * through the sync server, the sync client records the role its token carries with setWorkspaceRole;
 * the permission map itself is shared/model/permissions.ts.
 */
import { UdashError } from '../../shared/errors.js';
import { hasPermission, permissionsOf, WorkspaceRole, type Permission } from '../../shared/model/permissions.js';
import type { WorkspaceAccess } from '../../shared/contract/permissions.js';
import type { SettingsRepo } from '../store/settings.js';

const key = (workspaceId: string) => `workspace.role:${workspaceId}`;

export function workspaceRole(settings: SettingsRepo, workspaceId: string): WorkspaceRole {
  const parsed = WorkspaceRole.safeParse(settings.get(key(workspaceId)));
  return parsed.success ? parsed.data : 'local';
}

export function setWorkspaceRole(settings: SettingsRepo, workspaceId: string, role: WorkspaceRole): void {
  if (role === 'local') settings.delete(key(workspaceId));
  else settings.set(key(workspaceId), role);
}

export function workspaceAccess(settings: SettingsRepo, workspaceId: string): WorkspaceAccess {
  const role = workspaceRole(settings, workspaceId);
  return { workspaceId, role, permissions: permissionsOf(role) };
}

/** Throws FORBIDDEN naming the permission when the user's role in the workspace lacks it. */
export function requirePermission(settings: SettingsRepo, workspaceId: string, permission: Permission): void {
  const role = workspaceRole(settings, workspaceId);
  if (!hasPermission(role, permission)) throw new UdashError('FORBIDDEN', `Your role in this workspace (${role}) does not include the ${permission} permission; ask an owner for access`, { field: 'workspaceId', role, permission });
}
