/**
 * Who may do what in a workspace. A role is what the user holds in one workspace: `local` for a
 * single-user workspace on this machine (no team), or owner/editor/viewer once a workspace is shared
 * through the sync server (the sync client assigns it; see main/permissions/workspace-role.ts).
 *
 * To add a permission: name it in PERMISSIONS, grant it to roles in ROLE_PERMISSIONS, and check it
 * with hasPermission (main, before doing the work) and through `workspaces.access` (the UI, to hide
 * what the user cannot use). Nothing else changes.
 */
import { z } from 'zod';

export const WORKSPACE_ROLES = ['owner', 'editor', 'viewer', 'local'] as const;
export const WorkspaceRole = z.enum(WORKSPACE_ROLES);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

export const PERMISSIONS = [
  /** The Analytics section: statistics, forecasts, saved forecast runs and their exports. */
  'view_analytics',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/**
 * Viewers read the dashboards their team curated; running statistics over a dataset's raw rows is for
 * the people who build them (owners and editors), and for the sole user of a local workspace.
 */
export const ROLE_PERMISSIONS: Readonly<Record<WorkspaceRole, readonly Permission[]>> = {
  owner: ['view_analytics'],
  editor: ['view_analytics'],
  viewer: [],
  local: ['view_analytics'],
};

export function permissionsOf(role: WorkspaceRole): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/**
 * @example
 * hasPermission('local', 'view_analytics'); // true
 * hasPermission('viewer', 'view_analytics'); // false
 */
export function hasPermission(role: WorkspaceRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
