import { useCallback, useEffect, useState } from 'react';
import type { ReportDetail } from '../../../../shared/contract/reports.js';
import { errorMessage } from '../../app/errors.js';
import { useClient } from '../../app/context.js';
import { useReportsChanged } from './useReportsChanged.js';

/** The workspace's reports with next runs and problems, kept current by 'reports.changed' and 'doc.changed'. */
export function useReports(workspaceId: string): { reports: ReportDetail[] | null; error: string | null; refresh: () => Promise<void> } {
  const client = useClient();
  const [reports, setReports] = useState<ReportDetail[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setReports(await client.call('reports.list', { workspaceId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [client, workspaceId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useReportsChanged(workspaceId, () => void refresh());
  // Reports live in the workspace doc: a teammate's edit, or a deleted dashboard that flags a report, arrives as a doc change.
  useEffect(() => client.on('doc.changed', (e) => e.workspaceId === workspaceId && void refresh()), [client, workspaceId, refresh]);
  return { reports, error, refresh };
}
