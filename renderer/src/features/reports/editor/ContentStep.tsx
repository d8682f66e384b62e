import { useEffect, useMemo, useState } from 'react';
import type { DashboardWithWidgets } from '../../../../../shared/model/dashboard.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Field } from '../../../ui/Field.js';
import { Spinner } from '../../../ui/States.js';
import { DateRangeControl } from '../../dashboards/DateRangeControl.js';
import { FilterBar } from '../../dashboards/FilterBar.js';
import type { FieldOption } from '../../dashboards/FilterRow.js';
import { errorAt, type StepProps } from './step-props.js';

/** Step 1: what the report contains: a dashboard or some of its widgets, the period, filters, live data or a snapshot, insights. */
export function ContentStep({ workspaceId, state, setReport, errors }: StepProps) {
  const client = useClient();
  const { dashboards, datasets } = useApp((s) => ({ dashboards: s.dashboards, datasets: s.datasets }));
  const r = state.report;
  const [dash, setDash] = useState<DashboardWithWidgets | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const missing = !dashboards.some((d) => d.id === r.content.dashboardId);

  useEffect(() => {
    let live = true;
    setDash(null);
    setLoadError(null);
    if (missing) return;
    client.call('dashboards.get', { workspaceId, dashboardId: r.content.dashboardId }).then(
      (d) => live && setDash(d),
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId, r.content.dashboardId, missing]);

  const fields = useMemo<FieldOption[]>(() => {
    const used = new Set(dash?.widgets.map((w) => w.query.datasetId) ?? []);
    const out = new Map<string, FieldOption>();
    for (const d of datasets) if (used.has(d.id)) for (const c of d.columns) if (!out.has(c.name)) out.set(c.name, { name: c.name, type: c.type });
    return [...out.values()];
  }, [dash, datasets]);

  const selected = r.content.widgetIds;
  const toggleWidget = (id: string) => {
    const cur = selected ?? [];
    const next = cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id];
    setReport((x) => ({ ...x, content: { ...x.content, widgetIds: next } }));
  };

  return (
    <div className="step-body">
      <div className="field-pair">
        <Field label="Report name" error={errors.name} field="name">
          {(a) => <input {...a} className="input" value={r.name} maxLength={200} onChange={(e) => setReport((x) => ({ ...x, name: e.target.value }))} />}
        </Field>
        <Field label="Dashboard" error={errorAt(errors, 'content.dashboardId') ?? (missing ? 'The dashboard of this report was deleted: choose another one.' : undefined)} field="content.dashboardId">
          {(a) => (
            <select {...a} className="select" value={missing ? '' : r.content.dashboardId} onChange={(e) => setReport((x) => ({ ...x, content: { dashboardId: e.target.value }, data: { ...x.data, filters: [] } }))}>
              {missing ? <option value="">Choose a dashboard…</option> : null}
              {dashboards.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Description (optional)" field="description">
        {(a) => <textarea {...a} className="input textarea" rows={2} value={r.description} maxLength={2000} onChange={(e) => setReport((x) => ({ ...x, description: e.target.value }))} />}
      </Field>

      <fieldset className="stack" data-field="content.widgetIds">
        <legend className="field-label">Widgets</legend>
        <div className="segmented" role="radiogroup" aria-label="Widgets">
          <label className={`segment${selected === undefined ? ' active' : ''}`}>
            <input type="radio" name="widgets" checked={selected === undefined} onChange={() => setReport((x) => ({ ...x, content: { dashboardId: x.content.dashboardId } }))} />
            The whole dashboard
          </label>
          <label className={`segment${selected !== undefined ? ' active' : ''}`}>
            <input type="radio" name="widgets" checked={selected !== undefined} onChange={() => setReport((x) => ({ ...x, content: { ...x.content, widgetIds: dash?.widgets.map((w) => w.id) ?? [] } }))} />
            Chosen widgets
          </label>
        </div>
        {loadError ? <p className="form-error">{loadError}</p> : null}
        {!dash && !loadError && !missing ? <Spinner label="Loading the dashboard" /> : null}
        {dash && selected !== undefined ? (
          <div className="widget-checks">
            {dash.widgets.map((w) => (
              <label key={w.id} className="check">
                <input type="checkbox" checked={selected.includes(w.id)} onChange={() => toggleWidget(w.id)} />
                {w.title || '(untitled)'} <span className="muted small">{w.type}</span>
              </label>
            ))}
          </div>
        ) : null}
        {dash && selected === undefined ? <p className="muted small">{dash.widgets.length} widgets: {dash.widgets.map((w) => w.title || w.type).join(', ')}</p> : null}
        {errorAt(errors, 'content.widgetIds') ? <span className="field-error" role="alert">{errorAt(errors, 'content.widgetIds')}</span> : null}
      </fieldset>

      <div className="field-pair">
        <div className="field" data-field="data.dateRange">
          <span className="field-label">Date range</span>
          <DateRangeControl value={r.data.dateRange ?? { preset: 'all' }} onChange={(dateRange) => setReport((x) => ({ ...x, data: { ...x.data, dateRange } }))} />
          <span className="muted small">“All time” keeps the dashboard’s own range.</span>
        </div>
        <div className="field" data-field="data.filters">
          <span className="field-label">Filters (added to the dashboard’s)</span>
          <FilterBar filters={r.data.filters} fields={fields} onChange={(filters) => setReport((x) => ({ ...x, data: { ...x.data, filters } }))} />
          {errorAt(errors, 'data.filters') ? <span className="field-error" role="alert">{errorAt(errors, 'data.filters')}</span> : null}
        </div>
      </div>

      <fieldset className="stack">
        <legend className="field-label">Data</legend>
        <div className="radio-list">
          <label className="check">
            <input type="radio" name="data-mode" checked={r.data.mode === 'live'} onChange={() => setReport((x) => ({ ...x, data: { ...x.data, mode: 'live' } }))} />
            Refresh the data before each run
          </label>
          <label className="check">
            <input type="radio" name="data-mode" checked={r.data.mode === 'snapshot'} onChange={() => setReport((x) => ({ ...x, data: { ...x.data, mode: 'snapshot' } }))} />
            Send a snapshot: the data as it is when the report is saved (capture it again from the list)
          </label>
        </div>
      </fieldset>

      <label className="check">
        <input type="checkbox" checked={r.insights} onChange={(e) => setReport((x) => ({ ...x, insights: e.target.checked }))} />
        Automated insights in words (trends, anomalies, forecasts)
      </label>
      <Field label="Comments (shown where the template has a comments section)" error={errors.comments} field="comments">
        {(a) => <textarea {...a} className="input textarea" rows={3} value={r.comments} maxLength={20_000} onChange={(e) => setReport((x) => ({ ...x, comments: e.target.value }))} />}
      </Field>
    </div>
  );
}
