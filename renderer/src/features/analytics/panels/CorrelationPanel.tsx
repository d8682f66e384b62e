/**
 * Correlation: choose columns and Pearson or Spearman; the heatmap of the matrix (click a cell for
 * the scatter of the two columns with their regression line, equation and R²), the strongest
 * relationships in words and in a table, and the report as CSV or Excel.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CorrelateResult } from '../../../../../shared/contract/analytics.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { correlationInsights } from '../../../../../shared/analytics/insights/correlation-insights.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { nextHeatCell, type CellPos } from '../charts/heatmap-keys.js';
import { correlationHeatmapOption, describeCell, type HeatCell } from '../charts/heatmap-option.js';
import { ColumnChecklist } from '../components/ColumnChecklist.js';
import { ExportButtons } from '../components/ExportButtons.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { ResultsHead } from '../components/ResultsHead.js';
import { RunStatus } from '../components/RunStatus.js';
import { SettingsForm } from '../components/SettingsForm.js';
import { DEFAULT_CORRELATION_COLUMNS, numericColumns } from '../columns.js';
import { formatPValue, formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { useAnalyticsExport } from '../useExport.js';
import { usePalette } from '../usePalette.js';
import { PairScatter } from './PairScatter.js';

function cellWords(r: CorrelateResult, [x, y]: CellPos): string {
  const d = describeCell(r, x, y);
  return `${d.pair}: ${d.text}${x !== y ? '. Enter opens the scatter plot.' : ''}`;
}

export function CorrelationPanel({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const numeric = numericColumns(dataset);
  const [columns, setColumns] = useState<string[]>(() => numeric.slice(0, DEFAULT_CORRELATION_COLUMNS));
  const [method, setMethod] = useState<'pearson' | 'spearman'>('pearson');
  const [pair, setPair] = useState<{ x: string; y: string } | null>(null);
  const [cell, setCell] = useState<CellPos | null>(null);
  const call = useAnalyticsCall('analytics.correlate', `Correlating ${dataset.name}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const exporter = useAnalyticsExport();
  const result = call.state.status === 'done' ? call.state.result : call.state.status === 'running' ? (call.state.previous ?? null) : null;
  const option = useMemo(() => (result ? correlationHeatmapOption(result, pal, cell) : null), [result, pal, cell]);
  const insights = useMemo(() => (result ? correlationInsights(result) : []), [result]);

  const openCell = (r: CorrelateResult, [x, y]: CellPos) => {
    if (x !== y) setPair({ x: r.columns[x]!, y: r.columns[y]! });
  };
  const onHeatmapKey = (e: KeyboardEvent, r: CorrelateResult) => {
    if ((e.key === 'Enter' || e.key === ' ') && cell) {
      e.preventDefault();
      openCell(r, cell);
      return;
    }
    const next = nextHeatCell(cell, e.key, r.columns.length);
    if (next) {
      e.preventDefault();
      setCell(next);
    }
  };
  const run = () => {
    setPair(null);
    setCell(null);
    void call.run({ workspaceId, datasetId: dataset.id, columns, method, strongest: 10 }, fingerprint);
  };
  const exportAs = (format: 'csv' | 'xlsx', r: CorrelateResult) => void exporter.run('analytics.export.correlation', { workspaceId, format, title: `${dataset.name} correlation`, result: r });

  return (
    <div className="analytics-panel">
      <SettingsForm label="Correlation settings" runLabel="Run correlation" onRun={run} running={call.state.status === 'running'} missing={columns.length < 2 && 'Choose at least two columns.'}>
        <ColumnChecklist label="Columns" columns={numeric} value={columns} onChange={setColumns} max={200} />
        <fieldset className="segmented">
            <legend className="field-label">Method</legend>
          {(['pearson', 'spearman'] as const).map((m) => (
            <label key={m} className={`segment${method === m ? ' active' : ''}`}>
              <input type="radio" name="corr-method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {m === 'pearson' ? 'Pearson' : 'Spearman'}
            </label>
          ))}
        </fieldset>
      </SettingsForm>

      <RunStatus state={call.state} onCancel={call.cancel} what="correlation" />

      {result ? (
        <section className="analytics-results" aria-label="Correlation results" data-testid="correlation-results">
          <ResultsHead
            title={`${result.method === 'pearson' ? 'Pearson' : 'Spearman'} correlation of ${result.columns.length} columns`}
            actions={<ExportButtons exporter={exporter} method="analytics.export.correlation" labels={{ csv: 'Report as CSV', xlsx: 'Report as Excel' }} onExport={(format) => exportAs(format, result)} />}
          />
          <InsightCards insights={insights} label="Relationships" />
          <div className="results-grid">
            <div className="card chart-card">
              <h3>Heatmap</h3>
              <p className="muted small">Click a cell (or focus the chart and use the arrow keys and Enter) to plot its two columns against each other.</p>
              <AnalyticsChart
                kind="correlation-heatmap"
                option={option!}
                height={Math.min(640, Math.max(320, 40 * result.columns.length + 80))}
                ariaLabel={`Correlation heatmap of ${result.columns.join(', ')}`}
                onItemClick={(p) => openCell(result, (p.value as HeatCell).slice(0, 2) as CellPos)}
                keyboard={{ hint: 'Arrow keys move between cells; Enter plots the two columns against each other', onKeyDown: (e) => onHeatmapKey(e, result) }}
              />
              <p className="muted small heatmap-cell" aria-live="polite" data-testid="heatmap-cell">
                {cell ? cellWords(result, cell) : null}
              </p>
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
