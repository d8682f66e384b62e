import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { workspaceAccess } from '../permissions/workspace-role.js';

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
