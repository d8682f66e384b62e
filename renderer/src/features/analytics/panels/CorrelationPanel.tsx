/**
 * Correlation: choose columns and Pearson or Spearman; the heatmap of the matrix (click a cell for
 * the scatter of the two columns with their regression line, equation and R²), the strongest
 * relationships in words and in a table, and the report as CSV or Excel.
 */
import { useMemo, useState } from 'react';
import type { CorrelateResult } from '../../../../../shared/contract/analytics.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { correlationInsights } from '../../../../../shared/analytics/insights/correlation-insights.js';
import { Button } from '../../../ui/Button.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { correlationHeatmapOption, type HeatCell } from '../charts/heatmap-option.js';
import { ColumnChecklist } from '../components/ColumnChecklist.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { RunStatus } from '../components/RunStatus.js';
import { DEFAULT_CORRELATION_COLUMNS, numericColumns } from '../columns.js';
import { formatPValue, formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { useAnalyticsExport } from '../useExport.js';
import { usePalette } from '../usePalette.js';
import { PairScatter } from './PairScatter.js';

export function CorrelationPanel({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const numeric = numericColumns(dataset);
  const [columns, setColumns] = useState<string[]>(() => numeric.slice(0, DEFAULT_CORRELATION_COLUMNS));
  const [method, setMethod] = useState<'pearson' | 'spearman'>('pearson');
  const [pair, setPair] = useState<{ x: string; y: string } | null>(null);
  const call = useAnalyticsCall('analytics.correlate', `Correlating ${dataset.name}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const exporter = useAnalyticsExport();
  const result = call.state.status === 'done' ? call.state.result : call.state.status === 'running' ? (call.state.previous ?? null) : null;
  const option = useMemo(() => (result ? correlationHeatmapOption(result, pal) : null), [result, pal]);
  const insights = useMemo(() => (result ? correlationInsights(result) : []), [result]);

  const run = () => {
    setPair(null);
    void call.run({ workspaceId, datasetId: dataset.id, columns, method, strongest: 10 }, fingerprint);
  };
  const exportAs = (format: 'csv' | 'xlsx', r: CorrelateResult) => void exporter.run('analytics.export.correlation', { workspaceId, format, title: `${dataset.name} correlation`, result: r });

  return (
    <div className="analytics-panel">
      <form
        className="analytics-controls card"
        aria-label="Correlation settings"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <ColumnChecklist label="Columns" columns={numeric} value={columns} onChange={setColumns} max={200} />
        <fieldset className="segmented" aria-label="Method">
          {(['pearson', 'spearman'] as const).map((m) => (
            <label key={m} className={`segment${method === m ? ' active' : ''}`}>
              <input type="radio" name="corr-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {m === 'pearson' ? 'Pearson' : 'Spearman'}
            </label>
          ))}
        </fieldset>
        <Button type="submit" variant="primary" icon="analytics" disabled={columns.length < 2 || call.state.status === 'running'}>
          Run correlation
        </Button>
        {columns.length < 2 ? <span className="muted small">Choose at least two columns.</span> : null}
      </form>

      <RunStatus state={call.state} onCancel={call.cancel} what="correlation" />

      {result ? (
        <section className="analytics-results" aria-label="Correlation results" data-testid="correlation-results">
          <div className="results-head">
            <h2>
              {result.method === 'pearson' ? 'Pearson' : 'Spearman'} correlation of {result.columns.length} columns
            </h2>
            <div className="row">
              <Button size="sm" icon="download" busy={exporter.busy === 'analytics.export.correlation:csv'} onClick={() => exportAs('csv', result)}>
                Report as CSV
              </Button>
              <Button size="sm" icon="download" busy={exporter.busy === 'analytics.export.correlation:xlsx'} onClick={() => exportAs('xlsx', result)}>
                Report as Excel
              </Button>
            </div>
          </div>
          <InsightCards insights={insights} label="Relationships" />
          <div className="results-grid">
            <div className="card chart-card">
              <h3>Heatmap</h3>
              <p className="muted small">Click a cell to plot its two columns against each other.</p>
              <AnalyticsChart
                kind="correlation-heatmap"
                option={option!}
                height={Math.min(640, Math.max(320, 40 * result.columns.length + 80))}
                ariaLabel={`Correlation heatmap of ${result.columns.join(', ')}`}
                onItemClick={(p) => {
                  const [x, y] = p.data as HeatCell;
                  if (x !== y) setPair({ x: result.columns[x]!, y: result.columns[y]! });
                }}
              />
            </div>
            <div className="card chart-card">
              <h3>Strongest relationships</h3>
              <table className="table" data-testid="strongest-pairs">
                <thead>
                  <tr>
                    <th>Pair</th>
                    <th className="num">{result.method === 'pearson' ? 'r' : 'ρ'}</th>
                    <th className="num">p-value</th>
                    <th className="num">n</th>
                    <th>Strength</th>
                  </tr>
                </thead>
                <tbody>
                  {result.strongest.map((s) => (
                    <tr key={`${s.a}|${s.b}`}>
                      <th scope="row">
                        <button type="button" className="link-button" onClick={() => setPair({ x: s.a, y: s.b })}>
                          {s.a} × {s.b}
                        </button>
                      </th>
                      <td className="num">{formatStat(s.r)}</td>
                      <td className="num">{formatPValue(s.pValue)}</td>
                      <td className="num">{s.n.toLocaleString()}</td>
                      <td>
                        {s.strength} {s.direction}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          {pair ? <PairScatter key={`${pair.x}|${pair.y}`} workspaceId={workspaceId} dataset={dataset} x={pair.x} y={pair.y} onClose={() => setPair(null)} /> : null}
          <Notices notices={result.notices} />
        </section>
      ) : null}
    </div>
  );
}
