import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../../shared/contract/index.js';
import type { RunRecord } from '../../../../../shared/model/report.js';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { useReportsChanged } from '../useReportsChanged.js';

export type RunDetail = MethodOutput<'reports.run'>;

/**
 * Runs of the workspace (or one report), newest first, and the detail of a chosen run; both follow
 * main's 'reports.changed' events, so a run moves scheduled → generating → sent on screen as it happens.
 */
export function useRunHistory(workspaceId: string, reportId: string | null, limit = 100) {
  const client = useClient();
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<RunDetail | null>(null);

  const load = useCallback(async () => {
    try {
      setRuns(await client.call('reports.history', { workspaceId, limit, ...(reportId ? { reportId } : {}) }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [client, workspaceId, reportId, limit]);

  const loadDetail = useCallback(
    async (runId: string) => {
      try {
        const d = await client.call('reports.run', { workspaceId, runId });
        setDetail((cur) => (cur === null || cur.run.id === runId ? d : cur));
      } catch {
        setDetail(null);
      }
    },
    [client, workspaceId],
  );

  useEffect(() => {
    setRuns(null);
    void load();
  }, [load]);

  useEffect(() => {
    setDetail(null);
    if (selected) void loadDetail(selected);
  }, [selected, loadDetail]);

  useReportsChanged(workspaceId, (e) => {
    if (e && reportId && e.reportId && e.reportId !== reportId) return;
    void load();
    if (selected && (!e || !e.runId || e.runId === selected)) void loadDetail(selected);
  });

  return { runs, error, selected, select: setSelected, detail, reload: load };
}
