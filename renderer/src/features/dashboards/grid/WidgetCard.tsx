import { useCallback, useEffect, type ReactNode } from 'react';
import type { DashboardWithWidgets, Widget } from '../../../../../shared/model/dashboard.js';
import { errorMessage } from '../../../app/errors.js';
import { Menu, type MenuItem } from '../../../ui/Menu.js';
import { Spinner } from '../../../ui/States.js';
import { Icon } from '../../../ui/Icon.js';
import { WidgetView } from '../charts/WidgetView.js';
import { useWidgetData } from '../useWidgetData.js';
import { widgetTitle } from '../widget-title.js';
import { MissingDataset, useSnapshotMenuItems } from '../../sync/MissingDataset.js';
import { WidgetEditingMarker } from '../../sync/PresenceAvatars.js';

export interface WidgetActions {
  edit(w: Widget): void;
  duplicate(w: Widget): void;
  exportData(w: Widget, format: 'csv' | 'xlsx'): void;
  remove(w: Widget): void;
  /** Turns the forecast overlay of a time-series widget on or off. */
  toggleForecast(w: Widget): void;
}

/**
 * One widget on the grid: a header that is the drag handle, a menu of actions, and the chart. It
 * reports when it has settled (drawn, empty, or failed) so the dashboard knows when it is painted.
 */
export function WidgetCard({
  workspaceId,
  dashboard,
  widget,
  datasetName,
  actions,
  onSettled,
  keyboard,
  canForecast = false,
  badge,
}: {
  workspaceId: string;
  dashboard: DashboardWithWidgets;
  widget: Widget;
  datasetName: string | undefined;
  actions: WidgetActions;
  onSettled: (id: string, settled: boolean) => void;
  keyboard: { onKeyDown: (e: React.KeyboardEvent) => void };
  /** A time-series chart that can show a forecast overlay. */
  canForecast?: boolean;
  /** Shown in the header before the menu (the comments badge). */
  badge?: ReactNode;
}) {
  const data = useWidgetData(workspaceId, dashboard, widget);
  const title = widgetTitle(widget, datasetName);
  const rendered = useCallback(() => onSettled(widget.id, true), [onSettled, widget.id]);
  const snapshotItems = useSnapshotMenuItems(workspaceId, widget.query.datasetId);
  const items: MenuItem[] = [
    { label: 'Edit', icon: 'edit', onSelect: () => actions.edit(widget) },
    { label: 'Duplicate', icon: 'copy', onSelect: () => actions.duplicate(widget) },
    ...(canForecast ? [{ label: widget.options.forecastOverlay ? 'Hide forecast' : 'Show forecast', icon: 'analytics' as const, onSelect: () => actions.toggleForecast(widget) }] : []),
    { label: 'Export data as CSV', icon: 'download', onSelect: () => actions.exportData(widget, 'csv'), separatorBefore: true },
    { label: 'Export data as Excel', icon: 'download', onSelect: () => actions.exportData(widget, 'xlsx') },
    ...snapshotItems,
    { label: 'Delete', icon: 'trash', danger: true, onSelect: () => actions.remove(widget), separatorBefore: true },
  ];

  useEffect(() => {
    if (data.status === 'loading') onSettled(widget.id, false);
    else if (data.status === 'error') onSettled(widget.id, true);
  }, [data.status, widget.id, onSettled]);

  const state = data.status === 'ready' ? 'loaded' : data.status;
  return (
    <article
      className={`widget widget-${widget.type}`}
      data-widget-id={widget.id}
      data-widget-type={widget.type}
      data-state={state}
      aria-label={`${title} (${widget.type}). Alt+arrow keys move it, Alt+Shift+arrow keys resize it.`}
      tabIndex={0}
      onKeyDown={keyboard.onKeyDown}
      onDoubleClick={(e) => {
        if ((e.target as HTMLElement).closest('.widget-head')) actions.edit(widget);
      }}
    >
      <header className="widget-head widget-drag">
        <h3 className="widget-title" title={title}>
          {title}
        </h3>
        {data.status === 'loading' && data.result ? <Spinner label="Refreshing" /> : null}
        <WidgetEditingMarker workspaceId={workspaceId} widgetId={widget.id} />
        {badge}
        <div className="widget-tools no-drag">
          <Menu label={`Actions for ${title}`} items={items} />
        </div>
      </header>
      <div className="widget-body no-drag">
        {data.status === 'error' ? (
          <MissingDataset workspaceId={workspaceId} datasetId={widget.query.datasetId}>
            <div className="widget-error" role="alert">
              <Icon name="alert" />
              <p>{errorMessage(data.error)}</p>
              <button type="button" className="btn btn-sm btn-secondary" onClick={() => actions.edit(widget)}>
                Edit widget
              </button>
            </div>
          </MissingDataset>
        ) : data.status === 'ready' || data.result ? (
          <WidgetView widget={widget} result={data.status === 'ready' ? data.result : data.result!} onRendered={rendered} />
        ) : (
          <div className="widget-skeleton" aria-busy="true" aria-label="Loading">
            <span />
          </div>
        )}
      </div>
    </article>
  );
}
