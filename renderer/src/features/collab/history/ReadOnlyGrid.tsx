/**
 * A dashboard as a version had it, drawn read-only: the same 12-column positions as the live grid
 * (as a CSS grid, nothing to drag), and every widget's chart from versions.widgetData, i.e. the
 * version's query, date range and filters over today's rows.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DashboardWithWidgets, Widget } from '../../../../../shared/model/dashboard.js';
import type { QueryResult } from '../../../../../shared/model/query.js';
import { useApp, useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { Icon } from '../../../ui/Icon.js';
import { EmptyState } from '../../../ui/States.js';
import { WidgetView } from '../../dashboards/charts/WidgetView.js';
import { widgetTitle } from '../../dashboards/widget-title.js';

const ROW_HEIGHT = 38;

export function ReadOnlyGrid({ workspaceId, versionId, dashboard }: { workspaceId: string; versionId: string; dashboard: DashboardWithWidgets }) {
  if (dashboard.widgets.length === 0) return <EmptyState icon="dashboard" title="This dashboard had no widgets then" compact />;
  return (
    <div className="readonly-grid" style={{ gridAutoRows: `${ROW_HEIGHT}px` }} aria-label={`${dashboard.name} as it was`} role="region">
      {dashboard.widgets.map((w, i) => {
        const at = dashboard.layout[w.id] ?? { x: 0, y: 1000 + i * 6, w: 6, h: 6 };
        return (
          <div key={w.id} className="readonly-cell" style={{ gridColumn: `${at.x + 1} / span ${at.w}`, gridRow: `${at.y + 1} / span ${at.h}` }}>
            <VersionWidget workspaceId={workspaceId} versionId={versionId} dashboardId={dashboard.id} widget={w} />
          </div>
        );
      })}
    </div>
  );
}

type State = { status: 'loading' } | { status: 'ready'; result: QueryResult } | { status: 'error'; error: unknown };

function VersionWidget({ workspaceId, versionId, dashboardId, widget }: { workspaceId: string; versionId: string; dashboardId: string; widget: Widget }) {
  const client = useClient();
  const datasetName = useApp((s) => s.datasets.find((d) => d.id === widget.query.datasetId)?.name);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [drawn, setDrawn] = useState(false);
  const rendered = useCallback(() => setDrawn(true), []);
  useEffect(() => {
    let live = true;
    client.call('versions.widgetData', { workspaceId, versionId, dashboardId, widgetId: widget.id }).then(
      (result) => live && setState({ status: 'ready', result }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [client, workspaceId, versionId, dashboardId, widget.id]);

  const title = widgetTitle(widget, datasetName);
  return (
    <article className={`widget widget-${widget.type} widget-readonly`} data-version-widget-id={widget.id} data-state={state.status === 'ready' ? (drawn ? 'loaded' : 'drawing') : state.status} aria-label={`${title} (${widget.type}), as it was`}>
      <header className="widget-head">
        <h3 className="widget-title" title={title}>
          {title}
        </h3>
      </header>
      <div className="widget-body">
        {state.status === 'error' ? (
          <div className="widget-error" role="alert">
            <Icon name="alert" />
            <p>{errorMessage(state.error)}</p>
          </div>
        ) : state.status === 'ready' ? (
          <WidgetView widget={widget} result={state.result} onRendered={rendered} />
        ) : (
          <div className="widget-skeleton" aria-busy="true" aria-label="Loading">
            <span />
          </div>
        )}
      </div>
    </article>
  );
}
