/**
 * The user's role and permissions in the open workspace (workspaces.access), asked once per
 * workspace and asked again when main says workspaces changed (a sync can change a role). Kept small:
 * the sidebar imports it to hide sections the role does not permit.
 */
import { useEffect, useState } from 'react';
import type { WorkspaceAccess } from '../../../../../shared/contract/permissions.js';
import type { Permission } from '../../../../../shared/model/permissions.js';
import { useClient } from '../../../app/context.js';
import type { Client } from '../../../transport/client.js';

const asked = new WeakMap<Client, Map<string, Promise<WorkspaceAccess>>>();

function accessOf(client: Client, workspaceId: string): Promise<WorkspaceAccess> {
  let byWs = asked.get(client);
  if (!byWs) asked.set(client, (byWs = new Map()));
  let p = byWs.get(workspaceId);
  if (!p) {
    p = client.call('workspaces.access', { workspaceId });
    byWs.set(workspaceId, p);
    p.catch(() => byWs.delete(workspaceId));
  }
  return p;
}

/** null until known. */
export function useWorkspaceAccess(workspaceId: string | null): WorkspaceAccess | null {
  const client = useClient();
  const [access, setAccess] = useState<WorkspaceAccess | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => client.on('workspaces.changed', () => {
    asked.get(client)?.clear();
    setGeneration((g) => g + 1);
  }), [client]);

  useEffect(() => {
    let live = true;
    if (!workspaceId) {
      setAccess(null);
      return;
    }
    accessOf(client, workspaceId).then(
      (a) => live && setAccess(a),
      // Unknown (an older main, a dropped connection): main still enforces on every analytics call.
      () => live && setAccess(null),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId, generation]);

  return access && access.workspaceId === workspaceId ? access : null;
}

/** Whether to show what needs `permission`: yes until the answer says otherwise (no flicker for a local workspace). */
export function usePermitted(workspaceId: string | null, permission: Permission): { permitted: boolean; known: boolean } {
  const access = useWorkspaceAccess(workspaceId);
  return { permitted: access ? access.permissions.includes(permission) : true, known: access !== null };
}
