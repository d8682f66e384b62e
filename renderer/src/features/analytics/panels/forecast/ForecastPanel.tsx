/**
 * Forecasting: dataset time and value columns, how rows in one period combine, the model (auto or a
 * named one), the horizon in steps or calendar units, seasonality and interval levels. Shows history,
 * forecast and shaded bands, backtest accuracy, the chosen model among the candidates, notices and the
 * findings in words; saves the run as a revision and exports it as CSV or Excel.
 */
import { useMemo, useState } from 'react';
import type { ForecastResult } from '../../../../../../shared/contract/forecast.js';
import type { DatasetMeta } from '../../../../../../shared/model/dataset.js';
import type { ForecastRunConfig } from '../../../../../../shared/model/forecast-run.js';
import { MODEL_KINDS, type ModelKind } from '../../../../../../shared/analytics/forecast/model-kinds.js';
import { forecastInsights, seriesSummary } from '../../../../../../shared/analytics/insights/index.js';
import { useApp, useClient } from '../../../../app/context.js';
import { Button } from '../../../../ui/Button.js';
import { PromptDialog } from '../../../../ui/PromptDialog.js';
import { AnalyticsChart } from '../../charts/AnalyticsChart.js';
import { forecastOption } from '../../charts/forecast-option.js';
import { ExportButtons } from '../../components/ExportButtons.js';
import { InsightCards, Notices } from '../../components/InsightCards.js';
import { ResultsHead } from '../../components/ResultsHead.js';
import { RunStatus } from '../../components/RunStatus.js';
import { SettingsForm } from '../../components/SettingsForm.js';
import { ChoiceSelect, SeasonalityFields, SeriesFieldRow, useSeasonality, useSeriesColumns } from '../../components/SeriesFields.js';
import { wholeAtLeast } from '../../format.js';
import { isDatetime } from '../../columns.js';
import { useAnalyticsCall, useDatasetFingerprint } from '../../useAnalyticsCall.js';
import { useAnalyticsExport } from '../../useExport.js';
import { usePalette } from '../../usePalette.js';
import { useQuickTrend } from '../../useQuickTrend.js';
import { ForecastAccuracy, ForecastModel } from './ForecastDetails.js';
import { AGGREGATES, FILLS, HORIZON_UNITS, horizonValue, INTERVAL_LEVELS, MODEL_LABELS } from './forecast-settings.js';

export function ForecastPanel({ workspaceId, dataset, onSaved }: { workspaceId: string; dataset: DatasetMeta; onSaved: () => void }) {
  const client = useClient();
  const { toast } = useApp((s) => ({ toast: s.toast }));
  const series = useSeriesColumns(dataset);
  const calendar = isDatetime(dataset, series.times[0] ?? '');
  // Rows split by a category (region, channel) add up per period; plain measurements average.
  const [aggregate, setAggregate] = useState<ForecastRunConfig['aggregate']>(dataset.columns.some((c) => c.type === 'text') ? 'sum' : 'mean');
  const [model, setModel] = useState<ModelKind>('auto');
  const [amount, setAmount] = useState(calendar ? 30 : 12);
  const [unit, setUnit] = useState<string>(calendar ? 'd' : 'steps');
  const season = useSeasonality();
  const [levels, setLevels] = useState<number[]>([80, 95]);
  const [fill, setFill] = useState<ForecastRunConfig['fill']>('linear');
  // With auto, a neural network (NNAR) may be backtested too: offered beside the choice, never chosen.
  const [neural, setNeural] = useState(false);
  const [showFitted, setShowFitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [ran, setRan] = useState<ForecastRunConfig | null>(null);
  const call = useAnalyticsCall('analytics.forecast', `Forecasting ${series.valueColumn}`);
  const fingerprint = useDatasetFingerprint(dataset.id);
  const pal = usePalette();
  const exporter = useAnalyticsExport();
  const r: ForecastResult | null = call.state.status === 'done' ? call.state.result : null;
  const name = ran?.valueColumn ?? series.valueColumn;
  const chart = useMemo(() => (r ? forecastOption(r, name, pal, { showFitted }) : null), [r, name, pal, showFitted]);
  const quickTrend = useQuickTrend(r?.history ?? null, name);
  const insights = useMemo(() => {
    if (!r || !ran) return [];
    const opts = { additive: ran.aggregate === 'sum', auto: ran.model === 'auto' };
    const headline = seriesSummary(name, { trend: quickTrend, forecast: r, forecastOptions: opts });
    return [...(headline ? [headline] : []), ...forecastInsights(r, opts)];
  }, [r, ran, name, quickTrend]);

  const run = () => {
    const config: ForecastRunConfig = { datasetId: dataset.id, timeColumn: series.timeColumn, valueColumn: series.valueColumn, horizon: horizonValue(amount, unit), model, season: season.value, levels: [...levels].sort((a, b) => a - b), fill, aggregate };
    setRan(config);
    const { datasetId, ...rest } = config;
    void call.run({ workspaceId, datasetId, ...rest, neural: neural && model === 'auto' }, fingerprint);
  };
  const toggleLevel = (l: number, on: boolean) => setLevels((ls) => (on ? [...ls, l] : ls.filter((x) => x !== l)));
  const exportAs = (format: 'csv' | 'xlsx', result: ForecastResult) => void exporter.run('analytics.export.forecast', { workspaceId, format, title: `${dataset.name} ${name} forecast`, valueName: name, result });

  return (
    <div className="analytics-panel">
      <SettingsForm label="Forecast settings" runLabel="Run forecast" onRun={run} running={call.state.status === 'running'} missing={(!series.valid && 'Choose a time column and a different value column.') || (levels.length === 0 && 'Choose at least one interval.')}>
        <SeriesFieldRow series={series}>
          <ChoiceSelect label="Rows in one period" hint="Several rows at one time are combined" choices={AGGREGATES} value={aggregate} onChange={setAggregate} />
          <ChoiceSelect label="Missing periods" choices={FILLS} value={fill} onChange={setFill} />
        </SeriesFieldRow>
        <div className="field-pair">
          <ChoiceSelect label="Model" className="model-field" choices={MODEL_KINDS.map((m) => [m, MODEL_LABELS[m]] as const)} value={model} onChange={setModel} />
          <div className="field">
            <span className="field-label" id="horizon-label">
              Horizon
            </span>
            <div className="row horizon-row" role="group" aria-labelledby="horizon-label">
              <input className="input" type="number" min={1} max={10000} aria-label="Horizon amount" value={amount} onChange={(e) => setAmount(wholeAtLeast(e.target.value, 1))} />
              <select className="select" aria-label="Horizon unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                {Object.entries(HORIZON_UNITS).map(([key, word]) => (
                  <option key={key} value={key}>
                    {word}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <SeasonalityFields season={season} labels={{ auto: 'Auto (from the spacing)', off: 'Off', period: 'Season length (periods)' }} />
          <fieldset className="levels">
            <legend className="field-label">Intervals</legend>
            <div className="row">
              {INTERVAL_LEVELS.map((l) => (
                <label key={l} className="check">
                  <input type="checkbox" checked={levels.includes(l)} onChange={(e) => toggleLevel(l, e.target.checked)} /> {l}%
                </label>
              ))}
            </div>
          </fieldset>
          <label className="check check-field">
            <input type="checkbox" checked={neural && model === 'auto'} disabled={model !== 'auto'} onChange={(e) => setNeural(e.target.checked)} /> Also try a neural network (slower)
          </label>
        </div>
      </SettingsForm>

      <RunStatus state={call.state} onCancel={call.cancel} what="forecast" />

      {r && chart && ran ? (
        <section className="analytics-results" aria-label="Forecast results" data-testid="forecast-results">
          <ResultsHead
            title={`${name}: ${r.forecast.length} ${r.frequency.label} periods ahead`}
            actions={
              <>
                <Button size="sm" variant="primary" icon="check" onClick={() => setSaving(true)}>
                  Save as revision
                </Button>
                <ExportButtons exporter={exporter} method="analytics.export.forecast" labels={{ csv: 'CSV', xlsx: 'Excel' }} onExport={(format) => exportAs(format, r)} />
              </>
            }
          />
          <InsightCards insights={insights} label="What the forecast says" />
          <div className="card chart-card">
            <div className="results-head">
              <h3>History and forecast</h3>
              <label className="check">
                <input type="checkbox" checked={showFitted} onChange={(e) => setShowFitted(e.target.checked)} /> Show fitted values
              </label>
            </div>
            <AnalyticsChart kind="forecast" option={chart} height={380} ariaLabel={`${name}: history, forecast and ${r.levels.join('% and ')}% intervals`} />
            <p className="muted small">
              Dashed: the forecast. Shaded: its {r.levels.join('% and ')}% prediction interval{r.levels.length > 1 ? 's, the narrower one darker' : ''}.
            </p>
          </div>
          <div className="results-grid">
            <ForecastAccuracy r={r} />
            <ForecastModel r={r} />
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
