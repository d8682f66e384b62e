import { useEffect, useState } from 'react';
import type { QueryResult } from '../../../../shared/model/query.js';
import type { DashboardWithWidgets, Widget } from '../../../../shared/model/dashboard.js';
import { useApp, useAppStore, useClient } from '../../app/context.js';
import { prefetchKey } from '../../app/store.js';

export type DataState = { status: 'loading'; result?: QueryResult } | { status: 'ready'; result: QueryResult } | { status: 'error'; error: unknown };

/**
 * A saved widget's data (widgets.data: its query under the dashboard's date range and filters).
 * Refetches only when something that changes the answer changes: the widget's query, the dashboard's
 * range or filters, or the rows of its dataset — not when widgets are merely moved around.
 */
export function useWidgetData(workspaceId: string, dashboard: DashboardWithWidgets, widget: Widget): DataState {
  const client = useClient();
  const appStore = useAppStore();
  const datasetVersion = useApp((s) => s.datasetVersions[widget.query.datasetId] ?? 0);
  const key = JSON.stringify([widget.query, widget.type, dashboard.dateRange, dashboard.filters, datasetVersion]);
  const [state, setState] = useState<DataState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', ...('result' in s && s.result ? { result: s.result } : {}) }));
    // The first load may have been requested during boot; any later one asks afresh.
    const pre = appStore.getState().takePrefetched<QueryResult>(prefetchKey('widget', workspaceId, dashboard.id, widget.id));
    (pre ?? client.call('widgets.data', { workspaceId, dashboardId: dashboard.id, widgetId: widget.id })).then(
      (result) => live && setState({ status: 'ready', result }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
    // `key` captures every input that changes the answer.
  }, [client, appStore, workspaceId, dashboard.id, widget.id, key]);

  return state;
}
