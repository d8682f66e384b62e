import { useRef, useState, type KeyboardEvent } from 'react';
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { moveFocus } from '../../../app/keyboard.js';
import { Button } from '../../../ui/Button.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { FORMAT_SHORT, formatWhen } from '../model/format.js';
import { nextRunText, reportBadges, scheduleSummary } from '../model/report-state.js';
import { runStatus } from '../model/run-status.js';
import { useNow } from '../useNow.js';
import { StateBadges, StatusPill } from './StateBadges.js';
import { TableHead } from './TableHead.js';
import type { useReportActions } from './useReportActions.js';

function recipientsText(r: ReportDetail): string {
  const n = r.delivery.to.length + r.delivery.cc.length + r.delivery.bcc.length;
  return n === 0 ? 'no recipients' : `${n} recipient${n === 1 ? '' : 's'}`;
}

/**
 * The reports with their next run and quick actions. Every action is a real button named after its
 * report ("Run now: Weekly sales"); ArrowUp/ArrowDown move between the reports' names.
 */
export function ReportList({ reports, actions, onEdit, onHistory }: { reports: ReportDetail[]; actions: ReturnType<typeof useReportActions>; onEdit: (r: ReportDetail) => void; onHistory: (r: ReportDetail) => void }) {
  const now = useNow();
  const [deleting, setDeleting] = useState<ReportDetail | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const names = [...(bodyRef.current?.querySelectorAll<HTMLElement>('.report-name') ?? [])];
    if (!names.includes(document.activeElement as HTMLElement)) return;
    if (moveFocus(names, document.activeElement, e.key)) e.preventDefault();
  };

  return (
    <div className="card table-card">
      <table className="table reports-table" aria-label="Reports">
        <TableHead columns={['Report', 'Schedule', 'Next run', 'Last run', 'State', { label: 'Actions', hidden: true }]} />
        <tbody ref={bodyRef} onKeyDown={onKey}>
          {reports.map((r) => {
            const next = nextRunText(r, now);
            const last = r.lastRun ? runStatus(r.lastRun.status) : null;
            const busy = actions.busy?.reportId === r.id ? actions.busy.action : null;
            return (
              <tr key={r.id} data-report-id={r.id} data-paused={r.paused ? 'true' : 'false'}>
                <th scope="row">
                  <button type="button" className="report-name link-button" onClick={() => onEdit(r)} aria-label={`${r.name}: edit`}>
                    {r.name}
                  </button>
                  <div className="muted small">
                    {r.templateName} · {r.formats.map((f) => FORMAT_SHORT[f]).join(', ')} · {recipientsText(r)}
                    {r.data.mode === 'snapshot' ? ' · snapshot data' : ''}
                  </div>
                </th>
                <td className="small schedule-cell">{scheduleSummary(r)}</td>
                <td data-testid="next-run">
                  <div>{next.main}</div>
                  {next.sub ? <div className="muted small">{next.sub}</div> : null}
                </td>
                <td>
                  {r.lastRun && last ? (
                    <>
                      <StatusPill label={last.label} tone={last.tone} {...(r.lastRun.error ? { title: r.lastRun.error.message } : {})} />
                      <div className="muted small">{formatWhen(r.lastRun.createdAt)}</div>
                    </>
                  ) : (
                    <span className="muted small">Never run</span>
                  )}
                </td>
                <td>
                  <StateBadges badges={reportBadges(r, now)} />
                </td>
                <td className="report-actions">
                  <Button size="sm" busy={busy === 'run'} onClick={() => void actions.runNow(r)} aria-label={`Run now: ${r.name}`}>
                    Run now
                  </Button>
                  <Button size="sm" variant="ghost" busy={busy === 'pause'} onClick={() => void actions.setPaused(r, !r.paused)} aria-label={`${r.paused ? 'Resume' : 'Pause'}: ${r.name}`} title={r.paused ? 'Resume its schedules' : 'Pause its schedules'}>
                    {r.paused ? 'Resume' : 'Pause'}
                  </Button>
                  <Button size="sm" variant="ghost" icon="edit" onClick={() => onEdit(r)} aria-label={`Edit: ${r.name}`} title="Edit" />
                  <Button size="sm" variant="ghost" icon="table" onClick={() => onHistory(r)} aria-label={`History: ${r.name}`} title="Run history" />
                  {r.data.mode === 'snapshot' ? <Button size="sm" variant="ghost" icon="download" busy={busy === 'snapshot'} onClick={() => void actions.snapshot(r)} aria-label={`Capture snapshot: ${r.name}`} title="Capture the data now for the next runs" /> : null}
                  <Button size="sm" variant="ghost" icon="trash" onClick={() => setDeleting(r)} aria-label={`Delete: ${r.name}`} title="Delete" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deleting ? (
        <ConfirmDialog title={`Delete “${deleting.name}”?`} confirmLabel="Delete report" danger onClose={() => setDeleting(null)} onConfirm={() => actions.remove(deleting)}>
          <p>
            Its {deleting.schedules.length === 1 ? 'schedule stops' : `${deleting.schedules.length} schedules stop`} and nobody receives it any more. The history of its runs is kept.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
