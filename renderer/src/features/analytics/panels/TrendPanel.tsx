/**
 * Trend view: a time column and a value column; moving averages (SMA, WMA, EMA), the linear trend
 * with its projection and prediction band, seasonality (period and strength), the STL decomposition
 * panels, and the findings in words.
 */
import { useMemo, useState } from 'react';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { seriesSummary, trendInsights } from '../../../../../shared/analytics/insights/index.js';
import { Field } from '../../../ui/Field.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { stlOption, TREND_LAYERS, trendOption, type TrendLayer } from '../charts/trend-option.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { RunStatus } from '../components/RunStatus.js';
import { SettingsForm } from '../components/SettingsForm.js';
import { SeasonalityFields, SeriesFieldRow, useSeasonality, useSeriesColumns } from '../components/SeriesFields.js';
import { formatStat, wholeAtLeast } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { usePalette } from '../usePalette.js';

const optionalInt = (v: string) => (v.trim() === '' ? undefined : wholeAtLeast(v, 1));

export function TrendPanel({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const series = useSeriesColumns(dataset);
  const { timeColumn, valueColumn } = series;
  const [windowText, setWindowText] = useState('');
  const [emaText, setEmaText] = useState('');
  const [horizonText, setHorizonText] = useState('');
  const season = useSeasonality();
  const [layers, setLayers] = useState<Set<TrendLayer>>(() => new Set<TrendLayer>(['sma', 'linear', 'projection']));
  const call = useAnalyticsCall('analytics.trend', `Trend of ${valueColumn}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  // The column the shown result is of (the select may have moved on since).
  const [name, setName] = useState('');
  const t = call.state.status === 'done' ? call.state.result : null;
  const charts = useMemo(() => (t ? { trend: trendOption(t, name, layers, pal), stl: t.decomposition ? stlOption(t, name, pal) : null } : null), [t, name, layers, pal]);
  const insights = useMemo(() => (t ? [seriesSummary(name, { trend: t })!, ...trendInsights(name, t)] : []), [t, name]);

  const run = () => {
    const window = optionalInt(windowText);
    const emaSpan = optionalInt(emaText);
    const horizon = horizonText.trim() === '' ? undefined : Math.max(0, Math.floor(Number(horizonText)) || 0);
    setName(valueColumn);
    void call.run(
      { workspaceId, datasetId: dataset.id, timeColumn, valueColumn, ...(window ? { window } : {}), ...(emaSpan ? { emaSpan } : {}), ...(horizon !== undefined ? { horizon } : {}), seasonality: season.value, maxPoints: 3000 },
      fingerprint,
    );
  };
  const toggle = (k: TrendLayer, on: boolean) => setLayers((s) => {
    const next = new Set(s);
    if (on) next.add(k);
    else next.delete(k);
    return next;
  });

  return (
    <div className="analytics-panel">
      <SettingsForm label="Trend settings" runLabel="Analyse trend" onRun={run} running={call.state.status === 'running'} missing={!series.valid && 'Choose a time column and a different value column.'}>
        <SeriesFieldRow series={series}>
          <Field label="Moving-average window" hint="Blank: the seasonal period, else √n">
            {(a) => <input {...a} className="input" type="number" min={1} placeholder="Auto" value={windowText} onChange={(e) => setWindowText(e.target.value)} />}
          </Field>
          <Field label="EMA span" hint="Blank: the window">
            {(a) => <input {...a} className="input" type="number" min={1} placeholder="Auto" value={emaText} onChange={(e) => setEmaText(e.target.value)} />}
          </Field>
          <Field label="Project ahead (steps)" hint="Blank: 10% of the series">
            {(a) => <input {...a} className="input" type="number" min={0} placeholder="Auto" value={horizonText} onChange={(e) => setHorizonText(e.target.value)} />}
          </Field>
          <SeasonalityFields season={season} labels={{ auto: 'Detect', off: 'None', period: 'Period (observations)' }} />
        </SeriesFieldRow>
      </SettingsForm>

      <RunStatus state={call.state} onCancel={call.cancel} what="trend analysis" />

      {t && charts ? (
        <section className="analytics-results" aria-label="Trend results" data-testid="trend-results">
          <InsightCards insights={insights} label="Trend and seasonality" />
          <div className="card chart-card">
            <div className="results-head">
              <h3>{name} over time</h3>
              <fieldset className="layer-toggles" aria-label="Lines shown">
                {TREND_LAYERS.map((l) => (
                  <label key={l.key} className="check">
                    <input type="checkbox" checked={layers.has(l.key)} onChange={(e) => toggle(l.key, e.target.checked)} /> {l.label}
                  </label>
                ))}
              </fieldset>
            </div>
            <AnalyticsChart kind="trend" option={charts.trend} height={360} ariaLabel={`${name} with moving averages and trend line`} />
          </div>
          <dl className="stat-grid" data-testid="seasonality">
            <div><dt>Spacing</dt><dd>{t.frequency.unit}{t.frequency.regular ? '' : ' (irregular)'}</dd></div>
            <div><dt>Seasonal period</dt><dd>{t.seasonality.period ?? 'none found'}</dd></div>
            <div><dt>Seasonal strength</dt><dd>{formatStat(t.seasonality.strength)}</dd></div>
            <div><dt>Periodogram peak</dt><dd>{t.seasonality.periodogramPeriod === null ? '—' : `${formatStat(t.seasonality.periodogramPeriod)} observations`}</dd></div>
            <div><dt>Trend per step</dt><dd>{formatStat(t.linear.slopePerStep)}</dd></div>
            <div><dt>Trend R²</dt><dd>{formatStat(t.linear.rSquared)}</dd></div>
          </dl>
          {charts.stl ? (
            <div className="card chart-card">
              <h3>Decomposition (STL, period {t.decomposition!.period})</h3>
              <AnalyticsChart kind="stl" option={charts.stl} height={520} ariaLabel={`STL decomposition of ${name}`} />
            </div>
          ) : (
            <p className="muted small">No seasonal decomposition: the series shows no clear seasonality.</p>
          )}
          {t.sampled ? <p className="muted small">The charts show {t.series.length.toLocaleString()} of {t.n.toLocaleString()} points, evenly spaced.</p> : null}
          <Notices notices={t.notices} />
        </section>
      ) : null}
    </div>
  );
}
