import { useCallback } from 'react';
import { useApp, useClient } from '../../../app/context.js';

/**
 * Restores a dashboard (or one widget) from a version, then offers Undo: the restore is one ordinary
 * edit of the workspace document, so doc.undo takes it back like any other.
 */
export function useRestore(workspaceId: string): (versionId: string, dashboardId: string, what: string, widgetId?: string) => Promise<void> {
  const client = useClient();
  const { toast, reportError } = useApp((s) => ({ toast: s.toast, reportError: s.reportError }));
  return useCallback(
    async (versionId, dashboardId, what, widgetId) => {
      const r = await client.call('versions.restore', { workspaceId, versionId, dashboardId, ...(widgetId ? { widgetId } : {}) });
      const parts = [r.widgetsRestored ? `${r.widgetsRestored} widget${r.widgetsRestored === 1 ? '' : 's'} brought back` : '', r.widgetsRemoved ? `${r.widgetsRemoved} removed` : ''].filter(Boolean);
      toast({
        kind: 'success',
        message: `Restored ${what}${parts.length ? ` (${parts.join(', ')})` : ''}`,
        action: { label: 'Undo', run: () => void client.call('doc.undo', { workspaceId }).catch((e: unknown) => reportError(e, 'Could not undo the restore')) },
      });
    },
    [client, workspaceId, toast, reportError],
  );
}
