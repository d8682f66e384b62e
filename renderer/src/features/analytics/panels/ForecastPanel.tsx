/**
 * Forecasting: dataset time and value columns, how rows in one period combine, the model (auto or a
 * named one), the horizon in steps or calendar units, seasonality and interval levels. Shows history,
 * forecast and shaded bands, backtest accuracy, the chosen model among the candidates, notices and the
 * findings in words; saves the run as a revision and exports it as CSV or Excel.
 */
import { useMemo, useState } from 'react';
import type { ForecastResult } from '../../../../../shared/contract/forecast.js';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import type { ForecastRunConfig } from '../../../../../shared/model/forecast-run.js';
import { MODEL_KINDS, type ModelKind } from '../../../../../shared/analytics/forecast/model-kinds.js';
import { forecastInsights, seriesSummary } from '../../../../../shared/analytics/insights/index.js';
import { useApp, useClient } from '../../../app/context.js';
import { Button } from '../../../ui/Button.js';
import { Field } from '../../../ui/Field.js';
import { PromptDialog } from '../../../ui/PromptDialog.js';
import { AnalyticsChart } from '../charts/AnalyticsChart.js';
import { forecastOption } from '../charts/forecast-option.js';
import { InsightCards, Notices } from '../components/InsightCards.js';
import { RunStatus } from '../components/RunStatus.js';
import { isDatetime, numericColumns, timeColumns } from '../columns.js';
import { formatShare, formatStat } from '../format.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../useAnalyticsCall.js';
import { useAnalyticsExport } from '../useExport.js';
import { usePalette } from '../usePalette.js';
import { useQuickTrend } from '../useQuickTrend.js';

export const MODEL_LABELS: Record<ModelKind, string> = {
  auto: 'Auto (best of all, by AICc and backtest)',
  naive: 'Naive (last value)',
  snaive: 'Seasonal naive',
  drift: 'Drift',
  linear: 'Linear trend',
  ses: 'Simple exponential smoothing',
  holt: 'Holt (linear trend)',
  'holt-damped': 'Holt, damped trend',
  'holt-winters': 'Holt–Winters',
  'holt-winters-additive': 'Holt–Winters, additive',
  'holt-winters-multiplicative': 'Holt–Winters, multiplicative',
  'holt-winters-damped': 'Holt–Winters, damped',
  ets: 'ETS (automatic form)',
  arima: 'ARIMA (automatic order)',
};

const UNITS = [
  { key: 'steps', label: 'periods' },
  { key: 'h', label: 'hours' },
  { key: 'd', label: 'days' },
  { key: 'w', label: 'weeks' },
  { key: 'mo', label: 'months' },
  { key: 'q', label: 'quarters' },
  { key: 'y', label: 'years' },
] as const;
const LEVELS = [80, 90, 95];

/** The horizon the contract takes: a number of steps, or an amount with a calendar unit ("30d"). */
export function horizonValue(amount: number, unit: string): number | string {
  return unit === 'steps' ? amount : `${amount}${unit}`;
}

export function ForecastPanel({ workspaceId, dataset, onSaved }: { workspaceId: string; dataset: DatasetMeta; onSaved: () => void }) {
  const client = useClient();
  const { toast } = useApp((s) => ({ toast: s.toast }));
  const times = timeColumns(dataset);
  const values = numericColumns(dataset);
  const [timeColumn, setTimeColumn] = useState(times[0] ?? '');
  const [valueColumn, setValueColumn] = useState(values.find((v) => v !== times[0]) ?? '');
  // Rows split by a category (region, channel) add up per period; plain measurements average.
  const [aggregate, setAggregate] = useState<ForecastRunConfig['aggregate']>(dataset.columns.some((c) => c.type === 'text') ? 'sum' : 'mean');
  const [model, setModel] = useState<ModelKind>('auto');
  const [amount, setAmount] = useState(isDatetime(dataset, times[0] ?? '') ? 30 : 12);
  const [unit, setUnit] = useState<string>(isDatetime(dataset, times[0] ?? '') ? 'd' : 'steps');
  const [season, setSeason] = useState<'auto' | 'off' | 'custom'>('auto');
  const [period, setPeriod] = useState(7);
  const [levels, setLevels] = useState<number[]>([80, 95]);
  const [fill, setFill] = useState<ForecastRunConfig['fill']>('linear');
  const [showFitted, setShowFitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [ran, setRan] = useState<ForecastRunConfig | null>(null);
  const call = useAnalyticsCall('analytics.forecast', `Forecasting ${valueColumn}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const exporter = useAnalyticsExport();
  const r: ForecastResult | null = call.state.status === 'done' ? call.state.result : null;
  const name = ran?.valueColumn ?? valueColumn;
  const chart = useMemo(() => (r ? forecastOption(r, name, pal, { showFitted }) : null), [r, name, pal, showFitted]);
  const quickTrend = useQuickTrend(r?.history ?? null, name);
  const insights = useMemo(() => {
    if (!r || !ran) return [];
    const opts = { additive: ran.aggregate === 'sum', auto: ran.model === 'auto' };
    const headline = seriesSummary(name, { trend: quickTrend, forecast: r, forecastOptions: opts });
    return [...(headline ? [headline] : []), ...forecastInsights(r, opts)];
  }, [r, ran, name, quickTrend]);

  const run = () => {
    const config: ForecastRunConfig = { datasetId: dataset.id, timeColumn, valueColumn, horizon: horizonValue(amount, unit), model, season: season === 'custom' ? period : season, levels: [...levels].sort((a, b) => a - b), fill, aggregate };
    setRan(config);
    const { datasetId, ...rest } = config;
    void call.run({ workspaceId, datasetId, ...rest }, fingerprint);
  };
  const toggleLevel = (l: number, on: boolean) => setLevels((ls) => (on ? [...ls, l] : ls.filter((x) => x !== l)));
  const exportAs = (format: 'csv' | 'xlsx', result: ForecastResult) => void exporter.run('analytics.export.forecast', { workspaceId, format, title: `${dataset.name} ${name} forecast`, valueName: name, result });

  return (
    <div className="analytics-panel">
      <form
        className="analytics-controls card"
        aria-label="Forecast settings"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <div className="field-pair">
          <Field label="Time">
            {(a) => (
              <select {...a} className="select" value={timeColumn} onChange={(e) => setTimeColumn(e.target.value)}>
                {times.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Value">
            {(a) => (
              <select {...a} className="select" value={valueColumn} onChange={(e) => setValueColumn(e.target.value)}>
                {values.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Rows in one period" hint="Several rows at one time are combined">
            {(a) => (
              <select {...a} className="select" value={aggregate} onChange={(e) => setAggregate(e.target.value as typeof aggregate)}>
                <option value="sum">Add up (totals)</option>
                <option value="mean">Average</option>
                <option value="last">Keep the last</option>
              </select>
            )}
          </Field>
          <Field label="Model">
            {(a) => (
              <select {...a} className="select" value={model} onChange={(e) => setModel(e.target.value as ModelKind)}>
                {MODEL_KINDS.map((m) => (
                  <option key={m} value={m}>
                    {MODEL_LABELS[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <span className="field-label" id="horizon-label">
              Horizon
            </span>
            <div className="row horizon-row" role="group" aria-labelledby="horizon-label">
              <input className="input" type="number" min={1} max={10000} aria-label="Horizon amount" value={amount} onChange={(e) => setAmount(Math.max(1, Math.floor(Number(e.target.value)) || 1))} />
              <select className="select" aria-label="Horizon unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                {UNITS.map((u) => (
                  <option key={u.key} value={u.key}>
                    {u.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Field label="Seasonality">
            {(a) => (
              <select {...a} className="select" value={season} onChange={(e) => setSeason(e.target.value as typeof season)}>
                <option value="auto">Auto (from the spacing)</option>
                <option value="off">Off</option>
                <option value="custom">Period…</option>
              </select>
            )}
          </Field>
          {season === 'custom' ? (
            <Field label="Season length (periods)">
              {(a) => <input {...a} className="input" type="number" min={2} max={10000} value={period} onChange={(e) => setPeriod(Math.max(2, Math.floor(Number(e.target.value)) || 2))} />}
            </Field>
          ) : null}
          <fieldset className="levels">
            <legend className="field-label">Intervals</legend>
            <div className="row">
              {LEVELS.map((l) => (
                <label key={l} className="check">
                  <input type="checkbox" checked={levels.includes(l)} onChange={(e) => toggleLevel(l, e.target.checked)} /> {l}%
                </label>
              ))}
            </div>
          </fieldset>
          <Field label="Missing periods">
            {(a) => (
              <select {...a} className="select" value={fill} onChange={(e) => setFill(e.target.value as typeof fill)}>
                <option value="linear">Interpolate</option>
                <option value="forward">Carry forward</option>
                <option value="zero">Zero</option>
              </select>
            )}
          </Field>
        </div>
        <Button type="submit" variant="primary" icon="analytics" disabled={!timeColumn || !valueColumn || timeColumn === valueColumn || levels.length === 0 || call.state.status === 'running'}>
          Run forecast
        </Button>
        {levels.length === 0 ? <span className="muted small">Choose at least one interval.</span> : null}
      </form>

      <RunStatus state={call.state} onCancel={call.cancel} what="forecast" />

      {r && chart && ran ? (
        <section className="analytics-results" aria-label="Forecast results" data-testid="forecast-results">
          <div className="results-head">
            <h2>
              {name}: {r.forecast.length} {r.frequency.label} periods ahead
            </h2>
            <div className="row">
              <Button size="sm" variant="primary" icon="check" onClick={() => setSaving(true)}>
                Save as revision
              </Button>
              <Button size="sm" icon="download" busy={exporter.busy === 'analytics.export.forecast:csv'} onClick={() => exportAs('csv', r)}>
                CSV
              </Button>
              <Button size="sm" icon="download" busy={exporter.busy === 'analytics.export.forecast:xlsx'} onClick={() => exportAs('xlsx', r)}>
                Excel
              </Button>
            </div>
          </div>
          <InsightCards insights={insights} label="What the forecast says" />
          <div className="card chart-card">
            <div className="results-head">
              <h3>History and forecast</h3>
              <label className="check">
                <input type="checkbox" checked={showFitted} onChange={(e) => setShowFitted(e.target.checked)} /> Show fitted values
              </label>
            </div>
            <AnalyticsChart kind="forecast" option={chart} height={380} ariaLabel={`${name}: history, forecast and ${r.levels.join('% and ')}% intervals`} />
          </div>
          <div className="results-grid">
            <div className="card chart-card" data-testid="forecast-accuracy">
              <h3>Accuracy on a rolling backtest</h3>
              {r.backtest ? (
                <>
                  <dl className="stat-grid stat-grid-tight">
                    <div><dt>MAE</dt><dd>{formatStat(r.backtest.mae)}</dd></div>
                    <div><dt>RMSE</dt><dd>{formatStat(r.backtest.rmse)}</dd></div>
                    <div><dt>MAPE</dt><dd>{r.backtest.mape === null ? '—' : `${formatStat(r.backtest.mape)}%`}</dd></div>
                    <div><dt>sMAPE</dt><dd>{r.backtest.smape === null ? '—' : `${formatStat(r.backtest.smape)}%`}</dd></div>
                    <div><dt>MASE</dt><dd>{formatStat(r.backtest.mase)}</dd></div>
                    {Object.entries(r.backtest.coverage).map(([l, share]) => (
                      <div key={l}><dt>{l}% interval held</dt><dd>{formatShare(share)}</dd></div>
                    ))}
                  </dl>
                  <p className="muted small">
                    {r.backtest.origins} forecast origins, {r.backtest.horizon} periods ahead each. MASE below 1 beats a naive forecast.
                  </p>
                </>
              ) : (
                <p className="muted">The series is too short for a backtest.</p>
              )}
            </div>
            <div className="card chart-card" data-testid="forecast-model">
              <h3>Model</h3>
              <p>
                <strong>{r.model.name}</strong> <span className="muted small">AICc {formatStat(r.model.aicc)}</span>
              </p>
              <p className="muted small model-spec">{r.model.spec}</p>
              {r.candidates.length > 1 ? (
                <table className="table" data-testid="candidates">
                  <caption className="visually-hidden">Candidate models</caption>
                  <thead>
                    <tr>
                      <th>Candidate</th>
                      <th className="num">AICc</th>
                      <th className="num">MASE</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.candidates.map((c) => (
                      <tr key={c.name} className={c.name === r.model.name ? 'chosen' : undefined} aria-current={c.name === r.model.name ? 'true' : undefined}>
                        <th scope="row">
                          {c.name}
                          {c.name === r.model.name ? <span className="badge">chosen</span> : null}
                        </th>
                        <td className="num">{formatStat(c.aicc)}</td>
                        <td className="num">{formatStat(c.mase)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          </div>
          <Notices notices={r.notices} />
        </section>
      ) : null}

      {saving && r && ran ? (
        <PromptDialog
          title="Save as a revision"
          label="Name"
          initial={`${name} forecast, ${new Date().toLocaleDateString()}`}
          confirmLabel="Save"
          onClose={() => setSaving(false)}
          onSubmit={async (runName) => {
            await client.call('forecastRuns.save', { workspaceId, name: runName, config: ran, result: r });
            toast({ kind: 'success', message: `Saved “${runName}”: compare it with actuals under Revisions` });
            onSaved();
          }}
        />
      ) : null}
    </div>
  );
}
