/**
 * Writes an analytics file in main and hands it to the user the way the Data section does: a
 * download in the browser, a save dialog in the desktop app.
 */
import { useCallback, useState } from 'react';
import type { MethodInput } from '../../../../shared/contract/index.js';
import { useApp, useClient } from '../../app/context.js';
import { deliverDownload } from '../../app/downloads.js';

type ExportMethod = 'analytics.export.forecast' | 'analytics.export.correlation';

export function useAnalyticsExport() {
  const client = useClient();
  const { toast, reportError } = useApp((s) => ({ toast: s.toast, reportError: s.reportError }));
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async <M extends ExportMethod>(method: M, input: MethodInput<M>) => {
      setBusy(`${method}:${(input as { format: string }).format}`);
      try {
        const r = await client.call(method, input);
        const msg = await deliverDownload(client, r);
        if (msg) toast({ kind: 'success', message: msg });
      } catch (e) {
        reportError(e, 'Export failed');
      } finally {
        setBusy(null);
      }
    },
    [client, toast, reportError],
  );
  return { run, busy };
}
