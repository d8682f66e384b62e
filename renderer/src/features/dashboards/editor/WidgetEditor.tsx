/**
 * Adds or edits a widget: chart type, dataset and fields, filters, sort and limit, title and display
 * options, with a live preview of the result under the dashboard's date range and filters. Errors
 * from main (BAD_INPUT with a path such as query.y.0.field) highlight the control they name.
 */
import '../../../styles/editor.css';
import { useId, useMemo, useState } from 'react';
import type { DashboardWithWidgets, Widget } from '../../../../../shared/model/dashboard.js';
import { TIME_BUCKETS, type TimeBucket } from '../../../../../shared/model/query.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorCode, errorField, errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { Dialog } from '../../../ui/Dialog.js';
import { Field } from '../../../ui/Field.js';
import { EmptyState, ErrorBanner, Spinner } from '../../../ui/States.js';
import { WidgetView } from '../charts/WidgetView.js';
import { widgetTitle } from '../widget-title.js';
import { DateRangeControl } from '../DateRangeControl.js';
import { ChartTypePicker, TYPE_LABELS } from './ChartTypePicker.js';
import { checkDraft, defaultAlias, fromWidget, newDraft, toQuery, toWidgetDraft, withDataset, type Draft } from './draft.js';
import { FiltersField } from './FiltersField.js';
import { MeasuresField } from './MeasuresField.js';
import { usePreview } from './usePreview.js';
import { canForecast } from '../overlay/eligibility.js';
import { useEditingPresence } from '../../sync/useSync.js';

const BUCKET_LABELS: Record<string, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' };

export default function WidgetEditor({ workspaceId, dashboard, widget, onClose }: { workspaceId: string; dashboard: DashboardWithWidgets; widget: Widget | null; onClose: () => void }) {
  const client = useClient();
  const { datasets, navigate } = useApp((s) => ({ datasets: s.datasets, navigate: s.navigate }));
  const [draft, setDraft] = useState<Draft>(() => (widget ? fromWidget(widget) : newDraft(datasets.find((d) => d.rowCount > 0) ?? datasets[0])));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const id = useId();
  // Colleagues see a marker on this widget while it is open here.
  useEditingPresence(workspaceId, widget?.id ?? null);
  const dataset = datasets.find((d) => d.id === draft.datasetId);
  const local = useMemo(() => checkDraft(draft, dataset), [draft, dataset]);
  const query = useMemo(() => (Object.keys(local).length === 0 ? toQuery(draft) : null), [draft, local]);
  const preview = usePreview(workspaceId, dashboard.id, query, draft.type === 'kpi');
  const previewWidget = useMemo(() => ({ type: draft.type, title: draft.title, options: draft.options, query: toQuery(draft) }), [draft]);

  // Field errors: what the editor sees itself, else what main said last (preview or save).
  const remoteErr = saveError ?? (preview.status === 'error' ? preview.error : null);
  const errors: Record<string, string> = { ...local };
  const remoteField = remoteErr ? errorField(remoteErr) : undefined;
  // A query main refuses would only fail on the dashboard: fix it first.
  const blocked = Object.keys(local).length > 0 || (preview.status === 'error' && errorCode(preview.error) === 'BAD_INPUT');
  if (remoteField && !errors[remoteField]) errors[remoteField] = errorMessage(remoteErr);

  const set = (patch: Partial<Draft>) => {
    setSaveError(null);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setOption = (patch: Partial<Draft['options']>) => set({ options: { ...draft.options, ...patch } });
  const xCol = dataset?.columns.find((c) => c.name === draft.x?.field);
  const sortOptions = [...(draft.x ? ['x'] : []), ...(draft.series ? ['series'] : []), ...draft.y.map(defaultAlias)];

  const save = async () => {
    if (blocked) return;
    setSaving(true);
    setSaveError(null);
    try {
      const body = toWidgetDraft(draft);
      if (widget) await client.call('widgets.update', { workspaceId, dashboardId: dashboard.id, widgetId: widget.id, patch: body });
      else await client.call('widgets.create', { workspaceId, dashboardId: dashboard.id, widget: body });
      onClose();
    } catch (e) {
      setSaveError(e);
      setSaving(false);
    }
  };

  if (datasets.length === 0) {
    return (
      <Dialog title="Add a widget" onClose={onClose} size="sm">
        <EmptyState icon="data" title="No datasets yet" actions={<Button variant="primary" icon="upload" onClick={() => (onClose(), navigate({ section: 'data', view: 'import' }))}>Import data</Button>}>
          Widgets chart a dataset. Import a CSV, JSON or Excel file first.
        </EmptyState>
      </Dialog>
    );
  }

  const previewTitle = widgetTitle({ title: draft.title, query: toQuery(draft) }, dataset?.name);
  return (
    <Dialog
      title={widget ? 'Edit widget' : 'Add a widget'}
      onClose={onClose}
      size="xl"
      className="editor-dialog"
      footer={
        <>
          {saveError && !remoteField ? (
            <span className="form-error footer-error" role="alert">
              {errorMessage(saveError)}
            </span>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={saving} disabled={blocked} title={blocked ? 'Fix the highlighted problem first' : undefined} type="submit" form={`${id}-form`}>
            {widget ? 'Save widget' : 'Add to dashboard'}
          </Button>
        </>
      }
    >
      <div className="editor">
        <form
          id={`${id}-form`}
          className="editor-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ChartTypePicker value={draft.type} onChange={(type) => set({ type })} />

          <section className="editor-section" aria-label="Data">
            <h3>Data</h3>
            <Field label="Dataset" field="datasetId" error={errors.datasetId}>
              {(a) => (
                <select
                  {...a}
                  className="select"
                  value={draft.datasetId}
                  onChange={(e) => {
                    const ds = datasets.find((d) => d.id === e.target.value);
                    if (ds) setDraft((d) => withDataset(d, ds));
                  }}
                >
                  {!dataset ? <option value="">Choose a dataset…</option> : null}
                  {datasets.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name} ({d.rowCount.toLocaleString()} rows)
                    </option>
                  ))}
                </select>
              )}
            </Field>

            <div className="field-pair" hidden={draft.type === 'kpi'}>
              <Field label={draft.type === 'pie' ? 'Slices by' : 'X axis'} field="x.field" error={errors['x.field'] ?? errors.x}>
                {(a) => (
                  <select
                    {...a}
                    className="select"
                    value={draft.x?.field ?? ''}
                    onChange={(e) => {
                      const col = dataset?.columns.find((c) => c.name === e.target.value);
                      set({ x: col ? { field: col.name, ...(col.type === 'datetime' ? { bucket: draft.x?.bucket ?? 'month' } : {}) } : null });
                    }}
                  >
                    <option value="">(none)</option>
                    {dataset?.columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name} · {c.type}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {xCol?.type === 'datetime' ? (
                <Field label="Time bucket" field="x.bucket" error={errors['x.bucket']}>
                  {(a) => (
                    <select {...a} className="select" value={draft.x?.bucket ?? ''} onChange={(e) => set({ x: { field: xCol.name, ...(e.target.value ? { bucket: e.target.value as TimeBucket } : {}) } })}>
                      <option value="">(exact time)</option>
                      {TIME_BUCKETS.map((b) => (
                        <option key={b} value={b}>
                          {BUCKET_LABELS[b]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
            </div>

            <MeasuresField value={draft.y} onChange={(y) => set({ y })} dataset={dataset} errors={errors} single={draft.type === 'kpi' || draft.type === 'pie' || draft.type === 'heatmap'} />

            {draft.type !== 'kpi' ? (
              <Field label={draft.type === 'heatmap' ? 'Rows' : 'Split into series by'} field="series" error={errors.series}>
                {(a) => (
                  <select {...a} className="select" value={draft.series ?? ''} onChange={(e) => set({ series: e.target.value || null })}>
                    <option value="">(none)</option>
                    {dataset?.columns
                      .filter((c) => c.name !== draft.x?.field)
                      .map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name} · {c.type}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
            ) : null}
          </section>

          <section className="editor-section" aria-label="Filter and sort">
            <h3>Filter and sort</h3>
            <FiltersField value={draft.filters} onChange={(filters) => set({ filters })} dataset={dataset} errors={errors} />
            <div className="field" data-field="dateRange">
              <span className="field-label">Date range of this widget</span>
              <DateRangeControl value={draft.dateRange ?? { preset: 'all' }} onChange={(dateRange) => set({ dateRange })} />
              {errors.dateRange ?? errors['dateRange.from'] ?? errors['dateRange.to'] ? (
                <span className="field-error" role="alert">
                  {errors.dateRange ?? errors['dateRange.from'] ?? errors['dateRange.to']}
                </span>
              ) : (
                <span className="muted small">Applies together with the dashboard's date range.</span>
              )}
            </div>
            <div className="field-pair">
              <Field label="Sort by" field="sort.by" error={errors['sort.by'] ?? errors.sort}>
                {(a) => (
                  <select {...a} className="select" value={draft.sort?.by ?? ''} onChange={(e) => set({ sort: e.target.value ? { by: e.target.value, dir: draft.sort?.dir ?? 'asc' } : null })}>
                    <option value="">Default order</option>
                    {sortOptions.map((o) => (
                      <option key={o} value={o}>
                        {o === 'x' ? `x axis (${draft.x?.field})` : o === 'series' ? `series (${draft.series})` : o}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Direction">
                {(a) => (
                  <select {...a} className="select" value={draft.sort?.dir ?? 'asc'} disabled={!draft.sort} onChange={(e) => draft.sort && set({ sort: { ...draft.sort, dir: e.target.value as 'asc' | 'desc' } })}>
                    <option value="asc">Ascending</option>
                    <option value="desc">Descending</option>
                  </select>
                )}
              </Field>
              <Field label="Limit" field="limit" error={errors.limit}>
                {(a) => (
                  <input
                    {...a}
                    className="input"
                    type="number"
                    min={1}
                    max={1000000}
                    placeholder="No limit"
                    value={draft.limit ?? ''}
                    onChange={(e) => set({ limit: e.target.value ? Math.max(1, Math.floor(Number(e.target.value))) : null })}
                  />
                )}
              </Field>
            </div>
          </section>

          <section className="editor-section" aria-label="Display">
            <h3>Display</h3>
            <Field label="Title" field="title" error={errors.title}>
              {(a) => <input {...a} className="input" value={draft.title} maxLength={200} placeholder={widgetTitle({ title: '', query: toQuery(draft) }, dataset?.name)} onChange={(e) => set({ title: e.target.value })} />}
            </Field>
            <div className="field-pair">
              <Field label="Number format">
                {(a) => (
                  <select {...a} className="select" value={draft.options.format ?? 'number'} onChange={(e) => setOption({ format: e.target.value as Draft['options']['format'] })}>
                    <option value="number">Number</option>
                    <option value="compact">Compact (12.3k)</option>
                    <option value="currency">Currency (2 decimals)</option>
                    <option value="percent">Percent</option>
                  </select>
                )}
              </Field>
              <div className="checks">
                {draft.type === 'bar' || draft.type === 'area' || draft.type === 'line' ? (
                  <label className="check">
                    <input type="checkbox" checked={!!draft.options.stacked} onChange={(e) => setOption({ stacked: e.target.checked })} /> Stacked
                  </label>
                ) : null}
                {draft.type === 'bar' ? (
                  <label className="check">
                    <input type="checkbox" checked={!!draft.options.horizontal} onChange={(e) => setOption({ horizontal: e.target.checked })} /> Horizontal
                  </label>
                ) : null}
                {draft.type === 'pie' ? (
                  <label className="check">
                    <input type="checkbox" checked={!!draft.options.donut} onChange={(e) => setOption({ donut: e.target.checked })} /> Donut
                  </label>
                ) : null}
                {draft.type === 'kpi' ? (
                  <label className="check">
                    <input type="checkbox" checked={draft.options.compare !== 'none'} onChange={(e) => setOption({ compare: e.target.checked ? 'previous_period' : 'none' })} /> Compare with previous period
                  </label>
                ) : null}
                {canForecast({ type: draft.type, options: draft.options, query: toQuery(draft) }, datasets) ? (
                  <label className="check">
                    <input type="checkbox" checked={!!draft.options.forecastOverlay} onChange={(e) => setOption({ forecastOverlay: e.target.checked })} /> Forecast overlay
                  </label>
                ) : null}
              </div>
            </div>
          </section>
        </form>

        <section className="editor-preview" aria-label="Preview" aria-live="polite">
          <div className="preview-head">
            <span className="preview-title">{previewTitle}</span>
            <span className="muted small">
              {TYPE_LABELS[draft.type]}
              {preview.status === 'ready' ? ` · ${preview.result.rows.length.toLocaleString()} rows · ${Math.round(preview.result.elapsedMs)} ms${preview.result.downsampled ? ` · downsampled from ${preview.result.downsampled.from.toLocaleString()}` : ''}` : ''}
            </span>
          </div>
          <div className={`preview-body widget-${draft.type}`}>
            {Object.keys(local).length ? (
              <EmptyState icon="info" title="Finish the widget to see a preview" compact>
                {Object.values(local)[0]}
              </EmptyState>
            ) : preview.status === 'error' ? (
              <ErrorBanner title="The query failed" message={errorMessage(preview.error)} />
            ) : preview.status === 'ready' ? (
              <WidgetView widget={previewWidget} result={preview.result} />
            ) : (
              <div className="center-fill">
                <Spinner label="Running the query" />
              </div>
            )}
          </div>
        </section>
      </div>
    </Dialog>
  );
}
