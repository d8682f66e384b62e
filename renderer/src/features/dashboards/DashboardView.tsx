import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DashboardWithWidgets, Widget } from '../../../../shared/model/dashboard.js';
import type { DateRange, Filter } from '../../../../shared/model/query.js';
import { useApp, useClient } from '../../app/context.js';
import { deliverDownload } from '../../app/downloads.js';
import { errorCode, errorMessage } from '../../app/errors.js';
import { Button } from '../../ui/Button.js';
import { Menu } from '../../ui/Menu.js';
import { PromptDialog } from '../../ui/PromptDialog.js';
import { EmptyState, ErrorBanner, Spinner } from '../../ui/States.js';
import { DateRangeControl } from './DateRangeControl.js';
import { FilterBar } from './FilterBar.js';
import type { FieldOption } from './FilterRow.js';
import { DashboardGrid } from './grid/DashboardGrid.js';
import { WidgetCard, type WidgetActions } from './grid/WidgetCard.js';
import { useDashboard } from './useDashboard.js';
import { useDashboardActions } from './useDashboardActions.js';
import { widgetTitle } from './widget-title.js';
import { canForecast } from './overlay/eligibility.js';
import { PresenceAvatars } from '../sync/PresenceAvatars.js';
import { useDashboardCollab } from '../collab/useDashboardCollab.js';

const WidgetEditor = lazy(() => import('./editor/WidgetEditor.js'));

/** Set once per dashboard load when every widget has drawn (or settled as empty or failed). */
export const PAINTED_MARK = 'udash:dashboard-painted';

export function DashboardView({ workspaceId, dashboardId }: { workspaceId: string; dashboardId: string }) {
  const [state, setDashboard] = useDashboard(workspaceId, dashboardId);
  const { navigate, rememberDashboard } = useApp((s) => ({ navigate: s.navigate, rememberDashboard: s.rememberDashboard }));

  useEffect(() => {
    if (state.status === 'ready') rememberDashboard(dashboardId);
  }, [state.status, dashboardId, rememberDashboard]);

  if (state.status === 'loading') {
    return (
      <div className="center-fill">
        <Spinner label="Loading dashboard" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="page">
        {errorCode(state.error) === 'NOT_FOUND' ? (
          <EmptyState icon="dashboard" title="This dashboard no longer exists" actions={<Button onClick={() => navigate({ section: 'dashboards' })}>All dashboards</Button>}>
            It may have been deleted. Press Ctrl+Z to undo a recent delete.
          </EmptyState>
        ) : (
          <ErrorBanner title="The dashboard could not be loaded" message={errorMessage(state.error)} />
        )}
      </div>
    );
  }
  return <LoadedDashboard key={dashboardId} workspaceId={workspaceId} dashboard={state.dashboard} setDashboard={setDashboard} />;
}

function LoadedDashboard({ workspaceId, dashboard, setDashboard }: { workspaceId: string; dashboard: DashboardWithWidgets; setDashboard: (d: DashboardWithWidgets) => void }) {
  const client = useClient();
  const { datasets, toast, reportError, navigate } = useApp((s) => ({ datasets: s.datasets, toast: s.toast, reportError: s.reportError, navigate: s.navigate }));
  const actions = useDashboardActions(workspaceId);
  const collab = useDashboardCollab(workspaceId, dashboard);
  const [editing, setEditing] = useState<Widget | 'new' | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [settled, setSettled] = useState<Record<string, boolean>>({});
  const marked = useRef(false);

  const onSettled = useCallback((id: string, done: boolean) => setSettled((s) => (s[id] === done ? s : { ...s, [id]: done })), []);
  const ready = dashboard.widgets.every((w) => settled[w.id]);
  useEffect(() => {
    if (ready && !marked.current) {
      marked.current = true;
      performance.mark(PAINTED_MARK);
    }
  }, [ready]);

  const datasetName = useCallback((id: string) => datasets.find((d) => d.id === id)?.name, [datasets]);
  const fields = useMemo<FieldOption[]>(() => {
    const used = new Set(dashboard.widgets.map((w) => w.query.datasetId));
    const out = new Map<string, FieldOption>();
    for (const d of datasets) if (used.has(d.id)) for (const c of d.columns) if (!out.has(c.name)) out.set(c.name, { name: c.name, type: c.type });
    return [...out.values()];
  }, [dashboard.widgets, datasets]);

  const update = async (patch: { dateRange?: DateRange; filters?: Filter[] }) => {
    const prev = dashboard;
    setDashboard({ ...dashboard, ...patch });
    try {
      await client.call('dashboards.update', { workspaceId, dashboardId: dashboard.id, patch });
    } catch (e) {
      setDashboard(prev);
      reportError(e, 'Could not change the dashboard');
    }
  };

  const widgetActions: WidgetActions = {
    edit: (w) => setEditing(w),
    duplicate: (w) => {
      client
        .call('widgets.create', { workspaceId, dashboardId: dashboard.id, widget: { title: w.title ? `${w.title} (copy)` : '', type: w.type, query: w.query, options: w.options } })
        .catch((e: unknown) => reportError(e, 'Could not duplicate the widget'));
    },
    exportData: (w, format) => {
      client
        .call('export.widget', { workspaceId, dashboardId: dashboard.id, widgetId: w.id, format })
        .then((r) => deliverDownload(client, r))
        .then((msg) => msg && toast({ kind: 'success', message: msg }))
        .catch((e: unknown) => reportError(e, 'Export failed'));
    },
    toggleForecast: (w) => {
      const options = { ...w.options, forecastOverlay: !w.options.forecastOverlay };
      const prev = dashboard;
      setDashboard({ ...dashboard, widgets: dashboard.widgets.map((x) => (x.id === w.id ? { ...x, options } : x)) });
      client.call('widgets.update', { workspaceId, dashboardId: dashboard.id, widgetId: w.id, patch: { options } }).catch((e: unknown) => {
        setDashboard(prev);
        reportError(e, 'Could not change the forecast overlay');
      });
    },
    remove: (w) => {
      client
        .call('widgets.delete', { workspaceId, dashboardId: dashboard.id, widgetId: w.id })
        .then(() =>
          toast({
            kind: 'info',
            message: `Removed “${widgetTitle(w, datasetName(w.query.datasetId))}”`,
            action: { label: 'Undo', run: () => void client.call('doc.undo', { workspaceId }).catch((e: unknown) => reportError(e, 'Could not undo')) },
          }),
        )
        .catch((e: unknown) => reportError(e, 'Could not delete the widget'));
    },
  };

  return (
    <div className={`dashboard${collab.panelOpen ? ' with-collab-panel' : ''}`} data-dashboard-id={dashboard.id} data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      <header className="dash-header">
        <div className="dash-title-row">
          <h1 className="dash-title">
            <button type="button" className="title-button" onClick={() => setRenaming(true)} title="Rename dashboard">
              {dashboard.name}
            </button>
          </h1>
          <div className="dash-actions">
            <PresenceAvatars workspaceId={workspaceId} dashboardId={dashboard.id} widgetTitle={(id) => dashboard.widgets.find((w) => w.id === id)?.title || undefined} />
            {collab.buttons}
            <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
              Add widget
            </Button>
            <Menu
              label="Dashboard actions"
              className="btn btn-secondary btn-icon"
              items={[
                { label: 'Rename', icon: 'edit', onSelect: () => setRenaming(true) },
                { label: 'Duplicate', icon: 'copy', onSelect: () => void actions.duplicate(dashboard) },
                { label: 'Delete', icon: 'trash', danger: true, separatorBefore: true, onSelect: () => void actions.remove(dashboard) },
              ]}
            />
          </div>
        </div>
        {dashboard.description ? <p className="dash-desc">{dashboard.description}</p> : null}
        <div className="dash-toolbar">
          <DateRangeControl value={dashboard.dateRange} onChange={(dateRange) => void update({ dateRange })} />
          <FilterBar filters={dashboard.filters} fields={fields} onChange={(filters) => void update({ filters })} />
        </div>
      </header>

      {dashboard.widgets.length === 0 ? (
        <EmptyState
          icon="dashboard"
          title="This dashboard is empty"
          actions={
            datasets.length ? (
              <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
                Add a widget
              </Button>
            ) : (
              <Button variant="primary" icon="upload" onClick={() => navigate({ section: 'data', view: 'import' })}>
                Import data
              </Button>
            )
          }
        >
          {datasets.length ? 'Add a chart, a KPI or a table built on one of your datasets.' : 'Import a CSV, JSON or Excel file first; then chart it here.'}
        </EmptyState>
      ) : (
        <DashboardGrid
          dashboard={dashboard}
          onLayout={(items) => {
            setDashboard({ ...dashboard, layout: { ...dashboard.layout, ...items } });
            client.call('layout.update', { workspaceId, dashboardId: dashboard.id, items }).catch((e: unknown) => reportError(e, 'Could not save the layout'));
          }}
          renderWidget={(w, keyboard) => (
            <WidgetCard workspaceId={workspaceId} dashboard={dashboard} widget={w} datasetName={datasetName(w.query.datasetId)} actions={widgetActions} onSettled={onSettled} keyboard={keyboard} canForecast={canForecast(w, datasets)} badge={collab.badge(w)} />
          )}
        />
      )}

      {editing ? (
        <Suspense fallback={null}>
          <WidgetEditor workspaceId={workspaceId} dashboard={dashboard} widget={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        </Suspense>
      ) : null}
      {collab.panel}
      {renaming ? <PromptDialog title="Rename dashboard" label="Name" initial={dashboard.name} confirmLabel="Rename" onClose={() => setRenaming(false)} onSubmit={(name) => actions.rename(dashboard, name)} /> : null}
    </div>
  );
}
