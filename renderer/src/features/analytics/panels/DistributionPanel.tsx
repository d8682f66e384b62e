/**
 * Distribution of one column: histogram (Freedman–Diaconis, Sturges or a fixed number of bins), box
 * plot with outliers, normal QQ plot, and the normality verdict in plain words with its tests.
 */
import { useMemo, useState } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { distributionInsights } from '../../../../../shared/analytics/insights/distribution-insights.js';
import { Field } from '../../../ui/Field.js';
import { Icon } from '../../../ui/Icon.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { boxPlotOption, histogramOption } from '../charts/distribution-option.js';
import { qqOption } from '../charts/scatter-option.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { RunStatus } from '../components/RunStatus.js';
import { ChoiceSelect } from '../components/SeriesFields.js';
import { SettingsForm } from '../components/SettingsForm.js';
import { numericColumns } from '../columns.js';
import { formatPValue, formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { usePalette } from '../usePalette.js';

type BinMethod = 'freedman-diaconis' | 'sturges' | 'fixed';
const METHODS: { key: BinMethod; label: string }[] = [
  { key: 'freedman-diaconis', label: 'Freedman–Diaconis' },
  { key: 'sturges', label: 'Sturges' },
  { key: 'fixed', label: 'Fixed' },
];

export function DistributionPanel({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const numeric = numericColumns(dataset);
  const [column, setColumn] = useState(numeric[0] ?? '');
  const [binMethod, setBinMethod] = useState<BinMethod>('freedman-diaconis');
  const [bins, setBins] = useState(20);
  const call = useAnalyticsCall('analytics.distribution', `Distribution of ${column}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const d = call.state.status === 'done' ? call.state.result : null;
  const charts = useMemo(() => (d ? { histogram: histogramOption(d, pal), box: boxPlotOption(d, pal), qq: qqOption(d.qq, pal, d.name) } : null), [d, pal]);
  const insights = useMemo(() => (d ? distributionInsights(d).slice(1) : []), [d]);

  const run = () => void call.run({ workspaceId, datasetId: dataset.id, column, binMethod, ...(binMethod === 'fixed' ? { bins } : {}) }, fingerprint);

  return (
    <div className="analytics-panel">
      <SettingsForm label="Distribution settings" runLabel="Analyse distribution" onRun={run} running={call.state.status === 'running'} missing={!column && 'Choose a column.'}>
        <div className="field-pair">
          <ChoiceSelect label="Column" choices={numeric} value={column} onChange={setColumn} />
          <fieldset className="segmented">
            <legend className="field-label">Histogram bins</legend>
            {METHODS.map((m) => (
              <label key={m.key} className={`segment${binMethod === m.key ? ' active' : ''}`}>
                <input type="radio" name="bin-method" value={m.key} checked={binMethod === m.key} onChange={() => setBinMethod(m.key)} />
                {m.label}
              </label>
            ))}
          </fieldset>
          {binMethod === 'fixed' ? (
            <Field label="Bins">
              {(a) => <input {...a} className="input" type="number" min={1} max={1000} value={bins} onChange={(e) => setBins(Math.max(1, Math.min(1000, Math.floor(Number(e.target.value) || 1))))} />}
            </Field>
          ) : null}
        </div>
      </SettingsForm>

      <RunStatus state={call.state} onCancel={call.cancel} what="distribution analysis" />

      {d && charts ? (
        <section className="analytics-results" aria-label="Distribution results" data-testid="distribution-results">
          <div className={`banner ${d.normality.normal === false ? 'banner-warning' : 'banner-info'} verdict`} role="note" data-testid="normality-verdict">
            <Icon name={d.normality.normal === false ? 'alert' : 'check'} />
            <div className="banner-text">
              <strong>Normality</strong>
              <span>{d.normality.verdict}</span>
            </div>
          </div>
          <InsightCards insights={insights} label="Shape" />
          <div className="results-grid">
            <div className="card chart-card">
              <h3>Histogram</h3>
              <p className="muted small">
                {d.histogram.bins.length} bins of width {formatStat(d.histogram.binWidth)} ({d.histogram.method})
              </p>
              <AnalyticsChart kind="histogram" option={charts.histogram} ariaLabel={`Histogram of ${d.name}`} />
            </div>
            <div className="card chart-card">
              <h3>Normal QQ plot</h3>
              <p className="muted small">Points on the line mean a normal distribution{d.qq.thinned ? ' (thinned for drawing)' : ''}.</p>
              <AnalyticsChart kind="qq" option={charts.qq} ariaLabel={`Normal QQ plot of ${d.name}`} />
            </div>
          </div>
          <div className="card chart-card">
            <h3>Box plot</h3>
            <AnalyticsChart kind="boxplot" option={charts.box} height={140} ariaLabel={`Box plot of ${d.name}`} />
          </div>
          <dl className="stat-grid">
            <div><dt>Values</dt><dd>{d.n.toLocaleString()}{d.missing ? ` (+${d.missing.toLocaleString()} missing)` : ''}</dd></div>
            <div><dt>Mean</dt><dd>{formatStat(d.mean)}</dd></div>
            <div><dt>Standard deviation</dt><dd>{formatStat(d.stdDev)}</dd></div>
            <div><dt>Skewness</dt><dd>{formatStat(d.skewness)}</dd></div>
            <div><dt>Excess kurtosis</dt><dd>{formatStat(d.kurtosis)}</dd></div>
            <div><dt>Shapiro–Wilk</dt><dd>{d.normality.shapiroWilk ? `W = ${formatStat(d.normality.shapiroWilk.w)}, ${formatPValue(d.normality.shapiroWilk.pValue, true)}` : 'not applicable'}</dd></div>
            <div><dt>Anderson–Darling</dt><dd>{d.normality.andersonDarling ? `A² = ${formatStat(d.normality.andersonDarling.statistic)}, ${formatPValue(d.normality.andersonDarling.pValue, true)}` : 'not applicable'}</dd></div>
            <div><dt>Jarque–Bera</dt><dd>{d.normality.jarqueBera ? `JB = ${formatStat(d.normality.jarqueBera.statistic)}, ${formatPValue(d.normality.jarqueBera.pValue, true)}` : 'not applicable'}</dd></div>
          </dl>
          <Notices notices={d.notices} />
        </section>
      ) : null}
    </div>
  );
}
