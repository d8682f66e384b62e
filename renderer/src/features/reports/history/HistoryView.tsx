import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { Field } from '../../../ui/Field.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { StatusPill } from '../list/StateBadges.js';
import { TableHead } from '../list/TableHead.js';
import { formatBytes, formatDuration, formatWhen } from '../model/format.js';
import { runStatus } from '../model/run-status.js';
import { RunDetailPanel } from './RunDetailPanel.js';
import { useRunHistory } from './useRunHistory.js';

/** The history viewer: every run with its status, attempts, errors, generation time, size, deliveries, opens and clicks, live. */
export function HistoryView({ workspaceId, reports, reportId, onReportId }: { workspaceId: string; reports: ReportDetail[]; reportId: string | null; onReportId: (id: string | null) => void }) {
  const h = useRunHistory(workspaceId, reportId);
  return (
    <div className="stack history-view">
      <div className="row gap align-end">
        <Field label="Report">
          {(a) => (
            <select {...a} className="select" value={reportId ?? ''} onChange={(e) => onReportId(e.target.value || null)}>
              <option value="">All reports</option>
              {reports.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <span className="muted small">Updates live as runs progress.</span>
      </div>
      {h.error ? <ErrorBanner message={h.error} onRetry={() => void h.reload()} /> : null}
      {!h.runs && !h.error ? <Spinner label="Loading the history" /> : null}
      {h.runs && h.runs.length === 0 ? (
        <EmptyState icon="reports" title="No runs yet">
          Runs appear here when a schedule fires or you use “Run now”.
        </EmptyState>
      ) : null}
      {h.runs && h.runs.length > 0 ? (
        <div className="card table-card">
          <table className="table history-table" aria-label="Runs">
            <TableHead columns={['Run', 'Status', ...['Attempts', 'Generation', 'Size', 'Delivered', 'Failed', 'Opens', 'Clicks'].map((label) => ({ label, num: true }))]} />
            <tbody>
              {h.runs.map((run) => {
                const s = runStatus(run.status);
                return (
                  <tr key={run.id} data-run-id={run.id} data-status={run.status} className={h.selected === run.id ? 'chosen' : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => h.select(h.selected === run.id ? null : run.id)} aria-expanded={h.selected === run.id}>
                        {reportId ? '' : `${run.reportName} · `}
                        {formatWhen(run.createdAt)}
                      </button>
                      <div className="muted small">
                        {run.trigger}
                        {run.late ? ' · late' : ''}
                      </div>
                    </th>
                    <td>
                      <StatusPill label={s.label} tone={s.tone} />
                      {run.error ? <div className="error-text small run-error">{run.error.message}</div> : null}
                      {!run.error && run.note ? <div className="muted small">{run.note}</div> : null}
                    </td>
                    <td className="num">{run.attempts}</td>
                    <td className="num">{formatDuration(run.generationMs)}</td>
                    <td className="num" data-testid="run-size">
                      {formatBytes(run.bytes)}
                    </td>
                    <td className="num" data-testid="run-delivered">
                      {run.delivered}
                    </td>
                    <td className="num">{run.failed + run.bounced}</td>
                    <td className="num">{run.opens}</td>
                    <td className="num">{run.clicks}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {h.selected ? <RunDetailPanel workspaceId={workspaceId} detail={h.detail} onClose={() => h.select(null)} /> : null}
    </div>
  );
}
