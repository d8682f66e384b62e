/** Two columns against each other with their least-squares line, its equation and R² (analytics.regress). */
import { useEffect, useMemo } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { Button } from '../../../ui/Button.js';
import { Spinner } from '../../../ui/States.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { scatterWithLineOption } from '../charts/scatter-option.js';
import { RunStatus } from '../components/RunStatus.js';
import { formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { usePalette } from '../usePalette.js';

export function PairScatter({ workspaceId, dataset, x, y, onClose }: { workspaceId: string; dataset: DatasetMeta; x: string; y: string; onClose: () => void }) {
  const call = useAnalyticsCall('analytics.regress', `Fitting ${y} on ${x}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const { run } = call;
  useEffect(() => {
    void run({ workspaceId, datasetId: dataset.id, y, x: [x], maxPoints: 2000 }, fingerprint);
  }, [run, workspaceId, dataset.id, x, y, fingerprint]);
  const r = call.state.status === 'done' ? call.state.result : null;
  const line = useMemo(() => (r && r.terms.length === 2 ? { intercept: r.terms[0]!.estimate, slope: r.terms[1]!.estimate } : null), [r]);
  const option = useMemo(() => (r ? scatterWithLineOption(r.points.map((p) => ({ x: p.x[0]!, y: p.y })), line, { x, y }, pal) : null), [r, line, x, y, pal]);
  const slope = line ? line.slope : 0;
  const equation = line ? `${y} = ${formatStat(line.intercept)} ${slope < 0 ? '−' : '+'} ${formatStat(Math.abs(slope))} × ${x}` : '';

  return (
    <section className="card chart-card pair-scatter" aria-label={`Scatter of ${y} against ${x}`} data-testid="pair-scatter">
      <div className="results-head">
        <h3>
          {y} against {x}
        </h3>
        <Button size="sm" variant="ghost" icon="close" aria-label="Close the scatter plot" onClick={onClose} />
      </div>
      {r ? (
        <>
          <p className="equation" data-testid="regression-equation">
            <span>{equation}</span>
            <span className="muted">
              R² = {formatStat(r.rSquared)} · n = {r.n.toLocaleString()}
              {r.pointsSampled ? ` · ${r.points.length.toLocaleString()} points shown` : ''}
            </span>
          </p>
          <AnalyticsChart kind="pair-scatter" option={option!} ariaLabel={`${y} against ${x} with the regression line`} />
        </>
      ) : call.state.status === 'running' ? (
        <div className="center-fill chart-placeholder">
          <Spinner label="Fitting the line" />
        </div>
      ) : (
        <RunStatus state={call.state} onCancel={call.cancel} what="scatter" />
      )}
    </section>
  );
}
