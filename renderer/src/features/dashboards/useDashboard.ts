import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardWithWidgets } from '../../../../shared/model/dashboard.js';
import { useAppStore, useClient } from '../../app/context.js';
import { prefetchKey } from '../../app/store.js';

export type DashboardState = { status: 'loading' } | { status: 'ready'; dashboard: DashboardWithWidgets } | { status: 'error'; error: unknown };

/** A dashboard with its widgets, reloaded whenever the workspace document changes (edits, undo, sync). */
export function useDashboard(workspaceId: string, dashboardId: string): [DashboardState, (d: DashboardWithWidgets) => void] {
  const client = useClient();
  const appStore = useAppStore();
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    // The first load may already be on its way (requested during boot).
    const request = appStore.getState().takePrefetched<DashboardWithWidgets>(prefetchKey('dashboard', workspaceId, dashboardId)) ?? client.call('dashboards.get', { workspaceId, dashboardId });
    request.then(
      (dashboard) => {
        if (mine !== seq.current) return;
        if (performance.getEntriesByName('udash:dashboard-loaded').length === 0) performance.mark('udash:dashboard-loaded');
        setState({ status: 'ready', dashboard });
      },
      (error: unknown) => mine === seq.current && setState({ status: 'error', error }),
    );
  }, [client, appStore, workspaceId, dashboardId]);

  useEffect(() => {
    setState({ status: 'loading' });
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('doc.changed', (e) => {
      if (e.workspaceId !== workspaceId) return;
      // Several edits in a burst (a drag that moves three widgets) reload once.
      clearTimeout(timer);
      timer = setTimeout(load, 30);
    });
    return () => {
      off();
      clearTimeout(timer);
      seq.current++;
    };
  }, [client, workspaceId, dashboardId, load]);

  /** Applies a local result at once (optimistic), before the doc.changed round trip. */
  const setDashboard = useCallback((dashboard: DashboardWithWidgets) => {
    seq.current++;
    setState({ status: 'ready', dashboard });
  }, []);

  return [state, setDashboard];
}
