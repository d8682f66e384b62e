import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/model/dashboard.js';
import { useApp, useClient } from '../../app/context.js';

/** Rename, duplicate and delete (with an undo toast) a dashboard; shared by the list and the dashboard page. */
export function useDashboardActions(workspaceId: string) {
  const client = useClient();
  const { navigate, refreshDashboards, toast, reportError, route } = useApp((s) => ({
    navigate: s.navigate,
    refreshDashboards: s.refreshDashboards,
    toast: s.toast,
    reportError: s.reportError,
    route: s.route,
  }));
  return useMemo(
    () => ({
      async rename(d: Dashboard, name: string) {
        await client.call('dashboards.update', { workspaceId, dashboardId: d.id, patch: { name } });
        await refreshDashboards();
      },
      async duplicate(d: Dashboard) {
        try {
          const copy = await client.call('dashboards.duplicate', { workspaceId, dashboardId: d.id });
          await refreshDashboards();
          navigate({ section: 'dashboards', dashboardId: copy.id });
          toast({ kind: 'success', message: `Created “${copy.name}”` });
        } catch (e) {
          reportError(e, 'Could not duplicate the dashboard');
        }
      },
      async remove(d: Dashboard) {
        try {
          await client.call('dashboards.delete', { workspaceId, dashboardId: d.id });
          const wasOpen = route.section === 'dashboards' && route.dashboardId === d.id;
          await refreshDashboards();
          if (wasOpen) navigate({ section: 'dashboards' }, { replace: true });
          toast({
            kind: 'info',
            message: `Deleted “${d.name}”`,
            action: {
              label: 'Undo',
              run: () => {
                void client
                  .call('doc.undo', { workspaceId })
                  .then(() => refreshDashboards())
                  .then(() => navigate({ section: 'dashboards', dashboardId: d.id }))
                  .catch((e: unknown) => reportError(e, 'Could not undo'));
              },
            },
          });
        } catch (e) {
          reportError(e, 'Could not delete the dashboard');
        }
      },
    }),
    [client, workspaceId, navigate, refreshDashboards, toast, reportError, route],
  );
}
