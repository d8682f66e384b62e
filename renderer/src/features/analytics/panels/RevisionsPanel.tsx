/**
 * Forecast revisions: every saved run of this dataset, and how far each was from the actuals that
 * arrived after it (per-period table and a chart of each forecast against what happened).
 */
import { useEffect, useMemo, useState } from 'react';
import type { RevisionComparison } from '../../../../../shared/contract/forecast-runs.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { formatNumber } from '../../../lib/format.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { timeLabel } from '../charts/base.js';
import { revisionsOption } from '../charts/forecast-option.js';
import { formatShare, formatStat } from '../format.js';
import { useDatasetFingerprint } from '../useAnalyticsCall.js';
import { usePalette } from '../usePalette.js';

type Load = { status: 'loading' } | { status: 'ready'; revisions: RevisionComparison[] } | { status: 'error'; error: unknown };

export function RevisionsPanel({ workspaceId, dataset, version }: { workspaceId: string; dataset: DatasetMeta; version: number }) {
  const client = useClient();
  const { reportError, toast } = useApp((s) => ({ reportError: s.reportError, toast: s.toast }));
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RevisionComparison | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    client.call('forecastRuns.compare', { workspaceId, datasetId: dataset.id }).then(
      (r) => live && setLoad({ status: 'ready', revisions: r.revisions }),
      (error: unknown) => live && setLoad({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId, dataset.id, fingerprint, version, reload]);

  const revisions = useMemo(() => (load.status === 'ready' ? load.revisions : []), [load]);
  const withValues = useMemo(() => revisions.filter((r) => r.run.hasValues), [revisions]);
  const chart = useMemo(() => (withValues.length ? revisionsOption(withValues, withValues[0]!.run.config.valueColumn, pal) : null), [withValues, pal]);
  const detail = revisions.find((r) => r.run.id === selected) ?? null;

  if (load.status === 'loading') return <div className="center-fill"><Spinner label="Loading saved forecasts" /></div>;
  if (load.status === 'error') return <ErrorBanner title="The saved forecasts could not be loaded" message={errorMessage(load.error)} onRetry={() => setReload((n) => n + 1)} />;
  if (!revisions.length) {
    return (
      <EmptyState icon="calendar" title="No saved forecasts for this dataset">
        Run a forecast and choose <strong>Save as revision</strong>. When newer rows arrive, each revision is compared with what actually happened.
      </EmptyState>
    );
  }

  return (
    <section className="analytics-results" aria-label="Forecast revisions" data-testid="revisions">
      <div className="card table-card">
        <table className="table" data-testid="revisions-table">
          <caption className="visually-hidden">Saved forecasts and their error against actuals</caption>
          <thead>
            <tr>
              <th>Revision</th>
              <th>Saved</th>
              <th>Model</th>
              <th className="num">Periods</th>
              <th className="num">With actuals</th>
              <th className="num">MAE</th>
              <th className="num">MAPE</th>
              <th className="num">Bias</th>
              <th className="num">In 95% band</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {revisions.map((rev) => (
              <tr key={rev.run.id} data-run-id={rev.run.id} className={rev.run.id === selected ? 'chosen' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" aria-pressed={rev.run.id === selected} onClick={() => setSelected(rev.run.id === selected ? null : rev.run.id)}>
                    {rev.run.name}
                  </button>
                  {!rev.run.hasValues ? <span className="badge" title="Saved on another machine: its values are not here">no values here</span> : null}
                </th>
                <td>{new Date(rev.run.createdAt).toLocaleString()}</td>
                <td>{rev.run.model.name}</td>
                <td className="num">
                  {rev.run.horizon} <span className="muted small">from {timeLabel(rev.run.firstForecastTime, rev.run.frequency.unit)}</span>
                </td>
                <td className="num" data-col="matched">{rev.error.matched}</td>
                <td className="num" data-col="mae">{formatStat(rev.error.mae)}</td>
                <td className="num">{rev.error.mape === null ? '—' : `${formatStat(rev.error.mape)}%`}</td>
                <td className="num">{formatStat(rev.error.bias)}</td>
                <td className="num">{formatShare(rev.error.coverage['95'] ?? null)}</td>
                <td>
                  <Button size="sm" variant="ghost" icon="trash" aria-label={`Delete ${rev.run.name}`} onClick={() => setDeleting(rev)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withValues.every((r) => r.error.matched === 0) ? <p className="muted small">No actuals have arrived yet for the forecast periods. Import newer rows into {dataset.name} to see how the revisions did.</p> : null}
      {chart ? (
        <div className="card chart-card">
          <h3>Forecasts against actuals</h3>
          <AnalyticsChart kind="revisions" option={chart} height={340} ariaLabel="Each revision's forecast against the actual values" />
        </div>
      ) : null}
      {detail ? (
        <div className="card table-card" data-testid="revision-detail">
          <h3 className="card-title">{detail.run.name}: period by period</h3>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>Period</th>
                  <th className="num">Forecast</th>
                  <th className="num">Actual</th>
                  <th className="num">Error</th>
                  {detail.run.levels.map((l) => (
                    <th key={l} className="num">
                      {l}% interval
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {detail.points.map((p) => (
                  <tr key={p.step}>
                    <th scope="row">{timeLabel(p.time, detail.run.frequency.unit)}</th>
                    <td className="num">{formatNumber(p.mean)}</td>
                    <td className="num">{formatNumber(p.actual)}</td>
                    <td className="num">{formatNumber(p.error)}</td>
                    {detail.run.levels.map((l) => (
                      <td key={l} className="num">
                        {formatNumber(p.lower[String(l)])} – {formatNumber(p.upper[String(l)])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.run.name}”?`}
          confirmLabel="Delete revision"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await client.call('forecastRuns.delete', { workspaceId, runId: deleting.run.id });
              toast({ kind: 'info', message: `Deleted “${deleting.run.name}”` });
              setReload((n) => n + 1);
            } catch (e) {
              reportError(e, 'Could not delete the revision');
            }
          }}
        >
          <p>The saved forecast and its comparison with actuals are removed for everyone in this workspace.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
