/**
 * First load: store health, settings and workspaces in parallel (the WebSocket queues calls until it
 * opens), then the workspace and dashboard to land on. A first start lands on the sample workspace's
 * first dashboard; later starts return to the last workspace and dashboard the user had open.
 */
import type { Dashboard } from '../../../shared/model/dashboard.js';
import type { Workspace } from '../../../shared/contract/workspaces.js';
import type { Client } from '../transport/client.js';
import { errorMessage } from './errors.js';
import type { Route } from './router.js';
import { prefetchKey, type AppStore } from './store.js';
import { applyTheme } from './theme.js';

export function pickWorkspace(workspaces: Workspace[], lastId: string | undefined): Workspace | undefined {
  return workspaces.find((w) => w.id === lastId) ?? workspaces.find((w) => w.isSample) ?? workspaces[0];
}

/** The dashboard to open when the location names none: the last one used, else the first. */
export function pickDashboard(dashboards: Dashboard[], lastId: string | undefined): Dashboard | undefined {
  return dashboards.find((d) => d.id === lastId) ?? dashboards[0];
}

/** Resolves a bare "#/dashboards" to a concrete dashboard so the first paint is a real dashboard. */
export function landingRoute(route: Route, dashboards: Dashboard[], lastId: string | undefined): Route {
  if (route.section !== 'dashboards' || route.dashboardId) return route;
  const d = pickDashboard(dashboards, lastId);
  return d ? { section: 'dashboards', dashboardId: d.id } : route;
}

/**
 * Asks for the landing dashboard and then its widgets' data right away, so the queries run in main
 * while the dashboards code (ECharts, the grid) is still downloading and compiling. The views take
 * these answers instead of asking again (see takePrefetched); errors surface there too.
 */
function prefetchDashboard(client: Client, store: AppStore, workspaceId: string, dashboardId: string): void {
  const add = (key: string, promise: Promise<unknown>) => {
    promise.catch(() => undefined);
    store.setState({ prefetched: { ...store.getState().prefetched, [key]: promise } });
  };
  const dashboard = client.call('dashboards.get', { workspaceId, dashboardId });
  add(prefetchKey('dashboard', workspaceId, dashboardId), dashboard);
  void dashboard.then(
    (d) => {
      for (const w of d.widgets) add(prefetchKey('widget', workspaceId, dashboardId, w.id), client.call('widgets.data', { workspaceId, dashboardId, widgetId: w.id }));
    },
    () => undefined,
  );
}

export async function boot(client: Client, store: AppStore): Promise<void> {
  store.setState({ phase: 'booting', bootError: undefined });
  try {
    // All three at once: one round trip instead of two. workspaces.list fails when the store is
    // broken, which app.info explains, so its error is only raised when the store is fine.
    const listing = client.call('workspaces.list', {}).then(
      (w) => ({ ok: true as const, w }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const [info, settings] = await Promise.all([client.call('app.info', {}), client.call('settings.get', {})]);
    store.setState({ info, settings, theme: applyTheme(settings.theme) });
    if (!info.store.ok) {
      store.setState({ phase: 'recovery' });
      return;
    }
    const listed = await listing;
    if (!listed.ok) throw listed.e;
    const workspaces = listed.w;
    const ws = pickWorkspace(workspaces, settings.lastWorkspaceId);
    store.setState({ workspaces, workspaceId: ws?.id ?? null });
    if (ws) {
      const needDashboards = store.getState().route.section === 'dashboards';
      // Dashboards gate the first paint; datasets load alongside.
      const datasets = store.getState().refreshDatasets();
      await store.getState().refreshDashboards();
      if (needDashboards) {
        const route = landingRoute(store.getState().route, store.getState().dashboards, settings.lastDashboardId);
        if (route.section === 'dashboards' && route.dashboardId) prefetchDashboard(client, store, ws.id, route.dashboardId);
        store.getState().navigate(route, { replace: true });
      }
      if (ws.id !== settings.lastWorkspaceId) void client.call('settings.set', { lastWorkspaceId: ws.id }).catch(() => undefined);
      void datasets;
    }
    store.setState({ phase: 'ready' });
    performance.mark('udash:boot-ready');
  } catch (e) {
    store.setState({ phase: 'failed', bootError: errorMessage(e) });
  }
}
