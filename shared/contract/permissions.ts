/** What the current user may do in a workspace (see shared/model/permissions.ts). */
import { z } from 'zod';
import { method } from './define.js';
import { Id } from './common.js';
import { Permission, WorkspaceRole } from '../model/permissions.js';

export const WorkspaceAccess = z.object({ workspaceId: z.string(), role: WorkspaceRole, permissions: z.array(Permission) });
export type WorkspaceAccess = z.infer<typeof WorkspaceAccess>;

export const permissionMethods = {
  'workspaces.access': method("The current user's role in a workspace and the permissions it grants", z.object({ workspaceId: Id }), WorkspaceAccess),
} as const;
