import { useEffect, useState } from 'react';
import type { QueryResult, WidgetQuery } from '../../../../../shared/model/query.js';
import { useClient } from '../../../app/context.js';

export type Preview = { status: 'idle' | 'loading' } | { status: 'ready'; result: QueryResult; query: string } | { status: 'error'; error: unknown };

/** Runs the draft's query (under the dashboard's range and filters) a moment after the user stops editing. */
export function usePreview(workspaceId: string, dashboardId: string, query: WidgetQuery | null, kpi: boolean, delayMs = 250): Preview {
  const client = useClient();
  const [state, setState] = useState<Preview>({ status: 'idle' });
  const key = query ? JSON.stringify([query, kpi]) : '';
  useEffect(() => {
    if (!key) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const t = setTimeout(() => {
      client.call('query.run', { workspaceId, dashboardId, query: query!, ...(kpi ? { kpi: true } : {}) }).then(
        (result) => live && setState({ status: 'ready', result, query: key }),
        (error: unknown) => live && setState({ status: 'error', error }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // `key` stands for query and kpi: the effect reruns exactly when either changes.
  }, [client, workspaceId, dashboardId, key, delayMs]);
  return state;
}
