import { useState } from 'react';
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { useApp, useClient } from '../../../app/context.js';
import { runStatus } from '../model/run-status.js';

/** The list's quick actions, each reporting its outcome in a toast; `busy` names the report and action in flight. */
export function useReportActions(workspaceId: string, refresh: () => Promise<void>) {
  const client = useClient();
  const { toast, reportError } = useApp((s) => ({ toast: s.toast, reportError: s.reportError }));
  const [busy, setBusy] = useState<{ reportId: string; action: 'run' | 'pause' | 'snapshot' } | null>(null);

  const guarded = async (reportId: string, action: 'run' | 'pause' | 'snapshot', fn: () => Promise<void>) => {
    setBusy({ reportId, action });
    try {
      await fn();
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  return {
    busy,
    runNow: (r: ReportDetail) =>
      guarded(r.id, 'run', async () => {
        try {
          const run = await client.call('reports.runNow', { workspaceId, reportId: r.id, send: true });
          const s = runStatus(run.status);
          if (run.status === 'failed') toast({ kind: 'error', message: `“${r.name}” failed: ${run.error?.message ?? 'unknown error'}` }, 10_000);
          else if (run.status === 'sent') toast({ kind: 'success', message: `“${r.name}” sent to ${run.delivered} recipient${run.delivered === 1 ? '' : 's'}${run.failed ? ` (${run.failed} failed)` : ''}` });
          else toast({ kind: 'info', message: `“${r.name}”: ${s.label}${run.note ? ` (${run.note})` : ''}` });
        } catch (e) {
          reportError(e, `Could not run “${r.name}”`);
        }
      }),
    setPaused: (r: ReportDetail, paused: boolean) =>
      guarded(r.id, 'pause', async () => {
        try {
          await client.call('reports.pause', { workspaceId, reportId: r.id, paused });
          toast({ kind: 'info', message: paused ? `Paused “${r.name}”` : `Resumed “${r.name}”` });
        } catch (e) {
          reportError(e, paused ? 'Could not pause' : 'Could not resume');
        }
      }),
    snapshot: (r: ReportDetail) =>
      guarded(r.id, 'snapshot', async () => {
        try {
          const s = await client.call('reports.snapshot', { workspaceId, reportId: r.id });
          toast({ kind: 'success', message: `Captured the data of ${s.widgets} widget${s.widgets === 1 ? '' : 's'} for “${r.name}”` });
        } catch (e) {
          reportError(e, 'Could not capture the snapshot');
        }
      }),
    remove: async (r: ReportDetail) => {
      await client.call('reports.delete', { workspaceId, reportId: r.id });
      toast({ kind: 'info', message: `Deleted “${r.name}”; its run history is kept` });
      await refresh();
    },
  };
}
