import { UdashError } from '../../shared/errors.js';

/** Whether this computer may only read a workspace (a viewer token, or the sync server refused a change). */
export type ReadOnlyCheck = (workspaceId: string) => boolean;

/**
 * Comments and restores of a read-only shared workspace are refused up front: the sync server would
 * reject the update, so it would never reach anyone and would vanish on the next full sync.
 */
export function requireWriter(readOnly: ReadOnlyCheck, workspaceId: string, what: string): void {
  if (readOnly(workspaceId)) {
    throw new UdashError('FORBIDDEN', `This shared workspace is read-only on this computer, so you cannot ${what}; ask an owner for editor access`, { field: 'workspaceId', readOnly: true });
  }
}
