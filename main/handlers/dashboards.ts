import { ok } from '../../shared/contract/common.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { checkWidgetQuery } from '../query/validate.js';

export function dashboardHandlers(svc: Services): PartialHandlers {
  const ws = (workspaceId: string) => {
    const c = svc.core();
    c.workspaces.get(workspaceId);
    return c;
  };
  return {
    'dashboards.list': ({ workspaceId }) => ws(workspaceId).dashboards.list(workspaceId),
    'dashboards.get': ({ workspaceId, dashboardId }) => ws(workspaceId).dashboards.get(workspaceId, dashboardId),
    'dashboards.create': ({ workspaceId, name }) => {
      const c = ws(workspaceId);
      const d = c.dashboards.create(workspaceId, name);
      c.audit.record({ actor: 'local', action: 'dashboard.create', objectType: 'dashboard', objectId: d.id, workspaceId });
      return d;
    },
    'dashboards.update': ({ workspaceId, dashboardId, patch }) => ws(workspaceId).dashboards.update(workspaceId, dashboardId, patch),
    'dashboards.duplicate': ({ workspaceId, dashboardId, name }) => ws(workspaceId).dashboards.duplicate(workspaceId, dashboardId, name),
    'dashboards.delete': ({ workspaceId, dashboardId }) => {
      const c = ws(workspaceId);
      c.dashboards.delete(workspaceId, dashboardId);
      c.audit.record({ actor: 'local', action: 'dashboard.delete', objectType: 'dashboard', objectId: dashboardId, workspaceId });
      return ok;
    },
    'widgets.create': ({ workspaceId, dashboardId, widget, layout }) => {
      const c = ws(workspaceId);
      checkWidgetQuery(c.datasets, workspaceId, widget.query, ['widget', 'query']);
      return c.dashboards.addWidget(workspaceId, dashboardId, widget, layout);
    },
    'widgets.update': ({ workspaceId, dashboardId, widgetId, patch }) => {
      const c = ws(workspaceId);
      if (patch.query) checkWidgetQuery(c.datasets, workspaceId, patch.query, ['patch', 'query']);
      return c.dashboards.updateWidget(workspaceId, dashboardId, widgetId, patch);
    },
    'widgets.delete': ({ workspaceId, dashboardId, widgetId }) => {
      ws(workspaceId).dashboards.deleteWidget(workspaceId, dashboardId, widgetId);
      return ok;
    },
    'layout.update': ({ workspaceId, dashboardId, items }) => {
      ws(workspaceId).dashboards.updateLayout(workspaceId, dashboardId, items);
      return ok;
    },
  };
}
