import type { Permission } from '../../shared/model/permissions.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { requirePermission, workspaceAccess } from '../permissions/workspace-role.js';

/** What the user may do in a workspace; the UI hides what the role does not permit. */
export function permissionHandlers(svc: Services): PartialHandlers {
  return {
    'workspaces.access': ({ workspaceId }) => {
      const c = svc.core();
      c.workspaces.get(workspaceId);
      return workspaceAccess(c.settings, workspaceId);
    },
  };
}

/**
 * The same handlers, each refusing (FORBIDDEN) a call on a workspace whose role lacks `permission`
 * before it does any work. Calls without a workspace (cancelling one's own task by id) pass: they
 * reach nothing the caller did not start.
 */
export function requiringPermission(svc: Services, permission: Permission, handlers: PartialHandlers): PartialHandlers {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(handlers) as [string, (input: unknown, ctx: unknown) => unknown][]) {
    out[name] = (input: unknown, ctx: unknown) => {
      const workspaceId = (input as { workspaceId?: unknown } | null)?.workspaceId;
      if (typeof workspaceId === 'string') requirePermission(svc.core().settings, workspaceId, permission);
      return fn(input, ctx);
    };
  }
  return out as PartialHandlers;
}
