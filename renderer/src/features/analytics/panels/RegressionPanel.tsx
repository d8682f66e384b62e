/**
 * Regression builder: a response, one or more predictors, a polynomial degree (one predictor), the
 * intercept and the confidence level; the coefficient table (estimate, SE, t, p, CI), the fit
 * statistics, the findings in words, and residual plots (residuals against fitted; their normal QQ
 * plot, histogram and normality verdict, worked out in the page's Web Worker).
 */
import { useMemo, useState } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { regressionInsights } from '../../../../../shared/analytics/insights/regression-insights.js';
import { numericColumn } from '../../../../../shared/analytics/column.js';
import type { DistributionResult } from '../../../../../shared/contract/analytics.js';
import { errorMessage } from '../../../app/errors.js';
import { ErrorBanner } from '../../../ui/States.js';
import { Field } from '../../../ui/Field.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { histogramOption } from '../charts/distribution-option.js';
import { qqOption, residualsOption } from '../charts/scatter-option.js';
import { ColumnChecklist } from '../components/ColumnChecklist.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { ResultsHead } from '../components/ResultsHead.js';
import { RunStatus } from '../components/RunStatus.js';
import { ChoiceSelect } from '../components/SeriesFields.js';
import { SettingsForm } from '../components/SettingsForm.js';
import { numericColumns } from '../columns.js';
import { formatPValue, formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { usePalette } from '../usePalette.js';
import { useWorkerJob } from '../useWorkerJob.js';

const LEVELS = [0.8, 0.9, 0.95, 0.99];

export function RegressionPanel({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const numeric = numericColumns(dataset);
  const [y, setY] = useState(numeric[numeric.length - 1] ?? '');
  const [x, setX] = useState<string[]>(() => numeric.filter((c) => c !== numeric[numeric.length - 1]).slice(0, 1));
  const [degree, setDegree] = useState(1);
  const [intercept, setIntercept] = useState(true);
  const [level, setLevel] = useState(0.95);
  const call = useAnalyticsCall('analytics.regress', `Regression on ${dataset.name}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const predictors = x.filter((c) => c !== y);
  const r = call.state.status === 'done' ? call.state.result : null;
  const insights = useMemo(() => (r ? regressionInsights(r) : []), [r]);
  const residualChart = useMemo(() => (r ? residualsOption(r.points, pal) : null), [r, pal]);
  // The residuals' distribution (QQ points, histogram, normality) is worked out in the page's Web Worker.
  const residualJob = useMemo(() => (r && r.points.length >= 3 ? ({ kind: 'distribution', column: numericColumn('residual', r.points.map((p) => p.residual)), options: { qqPoints: 400 } }) as const : null), [r]);
  const residualState = useWorkerJob(residualJob);
  const residuals = residualState.status === 'done' ? (residualState.result as DistributionResult) : null;
  const residualCharts = useMemo(() => (residuals ? { qq: qqOption(residuals.qq, pal, 'residual'), histogram: histogramOption(residuals, pal) } : null), [residuals, pal]);

  const run = () =>
    void call.run({ workspaceId, datasetId: dataset.id, y, x: predictors, ...(predictors.length === 1 && degree > 1 ? { degree } : {}), intercept, level, maxPoints: 2000 }, fingerprint);

  return (
    <div className="analytics-panel">
      <SettingsForm label="Regression settings" runLabel="Run regression" onRun={run} running={call.state.status === 'running'} missing={(!y || predictors.length === 0) && 'Choose a response and at least one predictor.'}>
        <div className="field-pair">
          <ChoiceSelect label="Response (y)" choices={numeric} value={y} onChange={setY} />
          <Field label="Polynomial degree" hint={predictors.length === 1 ? 'x, x², … up to this power' : 'Needs exactly one predictor'}>
            {(a) => (
              <select {...a} className="select" value={predictors.length === 1 ? degree : 1} disabled={predictors.length !== 1} onChange={(e) => setDegree(Number(e.target.value))}>
                {Array.from({ length: 10 }, (_, i) => i + 1).map((d) => (
                  <option key={d} value={d}>
                    {d === 1 ? '1 (straight line)' : d}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Confidence level">
            {(a) => (
              <select {...a} className="select" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {Math.round(l * 100)}%
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check check-field">
            <input type="checkbox" checked={intercept} onChange={(e) => setIntercept(e.target.checked)} /> Fit an intercept
          </label>
        </div>
        <ColumnChecklist label="Predictors (x)" columns={numeric.filter((c) => c !== y)} value={predictors} onChange={setX} max={100} />
      </SettingsForm>

      <RunStatus state={call.state} onCancel={call.cancel} what="regression" />

      {r ? (
        <section className="analytics-results" aria-label="Regression results" data-testid="regression-results">
          <ResultsHead title={`${r.kind === 'polynomial' ? `Polynomial (degree ${r.terms.length - (r.intercept ? 1 : 0)})` : r.kind === 'multiple' ? 'Multiple' : 'Simple'} regression of ${r.response}`} />
          <InsightCards insights={insights} label="What the model says" />
          <div className="card table-card">
            <table className="table" data-testid="coefficients">
              <caption className="visually-hidden">Coefficients</caption>
              <thead>
                <tr>
                  <th>Term</th>
                  <th className="num">Estimate</th>
                  <th className="num">Std. error</th>
                  <th className="num">t</th>
                  <th className="num">p-value</th>
                  <th className="num">{Math.round(r.level * 100)}% CI low</th>
                  <th className="num">{Math.round(r.level * 100)}% CI high</th>
                </tr>
              </thead>
              <tbody>
                {r.terms.map((t) => (
                  <tr key={t.term}>
                    <th scope="row">{t.term}</th>
                    <td className="num">{formatStat(t.estimate)}</td>
                    <td className="num">{formatStat(t.stdError)}</td>
                    <td className="num">{formatStat(t.tValue)}</td>
                    <td className={`num${t.pValue < 0.05 ? ' significant' : ''}`}>{formatPValue(t.pValue)}</td>
                    <td className="num">{formatStat(t.ciLow)}</td>
                    <td className="num">{formatStat(t.ciHigh)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="stat-grid" data-testid="fit-statistics">
            <div><dt>R²</dt><dd>{formatStat(r.rSquared)}</dd></div>
            <div><dt>Adjusted R²</dt><dd>{formatStat(r.adjRSquared)}</dd></div>
            <div><dt>Residual SE</dt><dd>{formatStat(r.residualStdError)}</dd></div>
            <div><dt>F statistic</dt><dd>{formatStat(r.fStatistic)} ({formatPValue(r.fPValue, true)})</dd></div>
            <div><dt>Degrees of freedom</dt><dd>{r.dfModel} and {r.dfResidual}</dd></div>
            <div><dt>Rows used</dt><dd>{r.n.toLocaleString()}{r.missing ? ` (${r.missing.toLocaleString()} with a missing value left out)` : ''}</dd></div>
          </dl>
          <div className="results-grid">
            <div className="card chart-card">
              <h3>Residuals against fitted values</h3>
              <p className="muted small">A shapeless band around zero means the model's form fits{r.pointsSampled ? `; ${r.points.length.toLocaleString()} of ${r.n.toLocaleString()} rows shown` : ''}.</p>
              <AnalyticsChart kind="residuals" option={residualChart!} ariaLabel="Residuals against fitted values" />
            </div>
            {residualCharts && residuals ? (
              <>
                <div className="card chart-card">
                  <h3>Normal QQ plot of the residuals</h3>
                  <p className="muted small" data-testid="residual-normality">
                    {residuals.normality.verdict}
                  </p>
                  <AnalyticsChart kind="residual-qq" option={residualCharts.qq} ariaLabel="Normal QQ plot of the residuals" />
                </div>
                <div className="card chart-card">
                  <h3>Histogram of the residuals</h3>
                  <p className="muted small">A symmetric hump centred on zero is what a good fit leaves.</p>
                  <AnalyticsChart kind="residual-histogram" option={residualCharts.histogram} ariaLabel="Histogram of the residuals" />
                </div>
              </>
            ) : residualState.status === 'error' ? (
              <ErrorBanner title="The residuals could not be analysed" message={errorMessage(residualState.error)} />
            ) : null}
          </div>
          <Notices notices={r.notices} />
        </section>
      ) : null}
    </div>
  );
}
