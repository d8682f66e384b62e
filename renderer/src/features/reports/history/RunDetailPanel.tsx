import { useState } from 'react';
import type { OutputFormat } from '../../../../../shared/model/report.js';
import { useApp, useClient } from '../../../app/context.js';
import { deliverDownload } from '../../../app/downloads.js';
import { Button } from '../../../ui/Button.js';
import { Spinner } from '../../../ui/States.js';
import { StatusPill } from '../list/StateBadges.js';
import { TableHead } from '../list/TableHead.js';
import { formatBytes, formatDuration, formatWhen } from '../model/format.js';
import { runStatus } from '../model/run-status.js';
import type { RunDetail } from './useRunHistory.js';

const DELIVERY_TONE = { pending: 'busy', sent: 'success', bounced: 'warning', failed: 'danger' } as const;

/** One run: its timings, error, files, every recipient's delivery with opens and clicks, and the tracking events. */
export function RunDetailPanel({ workspaceId, detail, onClose }: { workspaceId: string; detail: RunDetail | null; onClose: () => void }) {
  const client = useClient();
  const { toast, reportError } = useApp((s) => ({ toast: s.toast, reportError: s.reportError }));
  const [retrying, setRetrying] = useState(false);
  if (!detail) {
    return (
      <section className="card run-detail" aria-label="Run">
        <Spinner label="Loading the run" />
      </section>
    );
  }
  const { run, deliveries, events } = detail;
  const s = runStatus(run.status);
  const download = async (format: OutputFormat) => {
    try {
      const d = await client.call('reports.download', { workspaceId, runId: run.id, format });
      const m = await deliverDownload(client, d);
      if (m) toast({ kind: 'success', message: m });
    } catch (e) {
      reportError(e, 'Download failed');
    }
  };
  const retry = async () => {
    setRetrying(true);
    try {
      await client.call('reports.retry', { workspaceId, runId: run.id });
    } catch (e) {
      reportError(e, 'Could not retry');
    } finally {
      setRetrying(false);
    }
  };

  return (
    <section className="card run-detail" aria-labelledby="run-detail-title" data-testid="run-detail" data-status={run.status}>
      <header className="run-detail-header">
        <h3 id="run-detail-title">
          {run.reportName} · {formatWhen(run.createdAt)}
        </h3>
        <StatusPill label={s.label} tone={s.tone} />
        <span className="grow" />
        {run.status === 'failed' || run.status === 'scheduled' ? (
          <Button size="sm" busy={retrying} onClick={() => void retry()}>
            Retry now
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" icon="close" aria-label="Close run details" onClick={onClose} />
      </header>
      <dl className="facts run-facts">
        <dt>Trigger</dt>
        <dd>
          {run.trigger}
          {run.late ? ` · late${run.missedCount ? ` (${run.missedCount} missed runs folded in)` : ''}` : ''}
        </dd>
        {run.scheduledFor ? (
          <>
            <dt>Due</dt>
            <dd>{formatWhen(run.scheduledFor)}</dd>
          </>
        ) : null}
        <dt>Attempts</dt>
        <dd>
          {run.attempts}
          {run.nextRetryAt ? ` · next retry ${formatWhen(run.nextRetryAt)}` : ''}
        </dd>
        <dt>Generation</dt>
        <dd>{formatDuration(run.generationMs)}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(run.bytes)}</dd>
        {run.note ? (
          <>
            <dt>Note</dt>
            <dd>{run.note}</dd>
          </>
        ) : null}
        {run.error ? (
          <>
            <dt>Error</dt>
            <dd className="error-text">
              {run.error.message} <span className="muted">({run.error.code})</span>
            </dd>
          </>
        ) : null}
      </dl>
      {run.files.length ? (
        <div className="row gap wrap">
          {run.files.map((f) => (
            <Button key={f.format} size="sm" icon="download" onClick={() => void download(f.format)} title={f.name}>
              {f.format.toUpperCase()} · {formatBytes(f.bytes)}
            </Button>
          ))}
        </div>
      ) : null}
      {deliveries.length ? (
        <div className="table-scroll">
          <table className="table" aria-label="Deliveries">
            <TableHead columns={['Recipient', 'Status', { label: 'Attempts', num: true }, 'Sent', { label: 'Opens', num: true }, { label: 'Clicks', num: true }]} />
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-address={d.address}>
                  <th scope="row">
                    {d.address} <span className="muted small">{d.kind}</span>
                    {d.external ? <span className="badge">external</span> : null}
                    {d.error ? <div className="error-text small">{d.error}</div> : null}
                  </th>
                  <td>
                    <StatusPill label={d.status} tone={DELIVERY_TONE[d.status]} />
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td>{d.sentAt ? formatWhen(d.sentAt) : '—'}</td>
                  <td className="num">{d.opens}</td>
                  <td className="num">{d.clicks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted small">No email was sent in this run.</p>
      )}
      {events.length ? (
        <details>
          <summary>{events.length} tracking events</summary>
          <ul className="event-list">
            {events.map((e, i) => (
              <li key={i}>
                {formatWhen(e.at)} · {e.kind}
                {e.url ? ` · ${e.url}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
