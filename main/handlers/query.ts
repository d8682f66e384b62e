import type { Dashboard } from '../../shared/model/dashboard.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { runWidgetQuery } from '../query/run.js';

const scopeOf = (d: Dashboard) => ({ dateRange: d.dateRange, filters: d.filters });

/**
 * Widget queries. Datasets are looked up within the caller's workspace, so a dataset id from another
 * workspace is NOT_FOUND, never answered.
 */
export function queryHandlers(svc: Services): PartialHandlers {
  return {
    'query.run': ({ workspaceId, query, dashboardId, kpi }) => {
      const c = svc.core();
      c.workspaces.get(workspaceId);
      const rec = c.datasets.get(workspaceId, query.datasetId);
      const dashboard = dashboardId ? scopeOf(c.dashboards.get(workspaceId, dashboardId)) : undefined;
      return runWidgetQuery(c.store.db, rec, query, { ...(dashboard ? { dashboard } : {}), ...(kpi ? { kpi: { compare: true } } : {}) });
    },
    'widgets.data': ({ workspaceId, dashboardId, widgetId }) => {
      const c = svc.core();
      c.workspaces.get(workspaceId);
      const dash = c.dashboards.get(workspaceId, dashboardId);
      const widget = c.dashboards.getWidget(workspaceId, dashboardId, widgetId);
      const rec = c.datasets.get(workspaceId, widget.query.datasetId);
      const kpi = widget.type === 'kpi' ? { compare: widget.options.compare !== 'none' } : undefined;
      return runWidgetQuery(c.store.db, rec, widget.query, { dashboard: scopeOf(dash), ...(kpi ? { kpi } : {}) });
    },
  };
}
