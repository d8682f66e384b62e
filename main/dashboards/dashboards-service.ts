/**
 * Dashboards and widgets: reads and local edits of the workspace Y.Doc, validated by shared/model.
 * Every edit is one Yjs transaction with the local origin, so it is one undo step and is persisted
 * (and, once shared, synced) as one update.
 */
import { UdashError } from '../../shared/errors.js';
import { newId } from '../../shared/model/ids.js';
import { Dashboard, Widget, WidgetOptions, type DashboardWithWidgets, type LayoutItem, type WidgetType } from '../../shared/model/dashboard.js';
import { WidgetQuery, type DateRange, type Filter } from '../../shared/model/query.js';
import { collection, DASHBOARD_NESTED, readDashboards, readOne, readWidgets, removeItem, setLayoutItem, writeFields } from '../../shared/model/workspace-doc.js';
import type { WorkspaceDocs } from '../docs/workspace-docs.js';
import { defaultSize, findFreeSpot } from './placement.js';

export interface WidgetDraft {
  title?: string;
  type: WidgetType;
  query: WidgetQuery;
  options?: WidgetOptions;
}

export class DashboardsService {
  constructor(private readonly docs: WorkspaceDocs) {}

  list(workspaceId: string): Dashboard[] {
    return readDashboards(this.docs.get(workspaceId));
  }

  get(workspaceId: string, dashboardId: string): DashboardWithWidgets {
    const doc = this.docs.get(workspaceId);
    const dash = readOne(doc, 'dashboards', dashboardId, Dashboard);
    if (!dash) throw new UdashError('NOT_FOUND', `No dashboard with id "${dashboardId}"`, { field: 'dashboardId' });
    return { ...dash, widgets: readWidgets(doc, dashboardId) };
  }

  /** By id or exact name (CLI convenience). */
  resolve(workspaceId: string, idOrName: string): Dashboard {
    const all = this.list(workspaceId);
    const found = all.find((d) => d.id === idOrName) ?? all.find((d) => d.name === idOrName);
    if (!found) throw new UdashError('NOT_FOUND', `No dashboard with id or name "${idOrName}"`, { field: 'dashboard' });
    return found;
  }

  create(workspaceId: string, name: string, extra: { description?: string; dateRange?: DateRange; filters?: Filter[] } = {}): Dashboard {
    const now = new Date().toISOString();
    const dash = Dashboard.parse({ id: newId(), name, createdAt: now, updatedAt: now, layout: {}, ...extra });
    this.docs.transact(workspaceId, (doc) => writeFields(doc, 'dashboards', dash.id, dash, DASHBOARD_NESTED));
    return dash;
  }

  update(workspaceId: string, dashboardId: string, patch: { name?: string; description?: string; dateRange?: DateRange; filters?: Filter[] }): Dashboard {
    const current = this.get(workspaceId, dashboardId);
    const { widgets: _w, ...base } = current;
    const next = Dashboard.parse({ ...base, ...stripUndefined(patch), updatedAt: new Date().toISOString() });
    const { layout: _l, ...fields } = next;
    this.docs.transact(workspaceId, (doc) => writeFields(doc, 'dashboards', dashboardId, fields));
    return next;
  }

  duplicate(workspaceId: string, dashboardId: string, name?: string): Dashboard {
    const src = this.get(workspaceId, dashboardId);
    const now = new Date().toISOString();
    const id = newId();
    const idMap = new Map(src.widgets.map((w) => [w.id, newId()]));
    const layout: Record<string, LayoutItem> = {};
    for (const [wid, item] of Object.entries(src.layout)) {
      const mapped = idMap.get(wid);
      if (mapped) layout[mapped] = item;
    }
    const dash = Dashboard.parse({ ...src, id, name: name ?? `${src.name} (copy)`, createdAt: now, updatedAt: now, layout });
    this.docs.transact(workspaceId, (doc) => {
      const { widgets: _w, ...fields } = dash as Dashboard & { widgets?: unknown };
      writeFields(doc, 'dashboards', id, fields, DASHBOARD_NESTED);
      for (const w of src.widgets) writeFields(doc, 'widgets', idMap.get(w.id)!, { ...w, id: idMap.get(w.id)!, dashboardId: id });
    });
    return dash;
  }

  /** Deletes a dashboard and its widgets in one transaction (one undo step). */
  delete(workspaceId: string, dashboardId: string): void {
    const dash = this.get(workspaceId, dashboardId);
    this.docs.transact(workspaceId, (doc) => {
      for (const w of dash.widgets) removeItem(doc, 'widgets', w.id);
      removeItem(doc, 'dashboards', dashboardId);
    });
  }

  addWidget(workspaceId: string, dashboardId: string, draft: WidgetDraft, layout?: LayoutItem): Widget {
    const dash = this.get(workspaceId, dashboardId);
    const widget = Widget.parse({ id: newId(), dashboardId, title: draft.title ?? '', type: draft.type, query: draft.query, options: draft.options ?? {} });
    const size = defaultSize(widget.type);
    const place = layout ?? findFreeSpot(dash.layout, size.w, size.h);
    this.docs.transact(workspaceId, (doc) => {
      writeFields(doc, 'widgets', widget.id, widget);
      setLayoutItem(doc, dashboardId, widget.id, place);
      writeFields(doc, 'dashboards', dashboardId, { updatedAt: new Date().toISOString() });
    });
    return widget;
  }

  getWidget(workspaceId: string, dashboardId: string, widgetId: string): Widget {
    const w = readOne(this.docs.get(workspaceId), 'widgets', widgetId, Widget);
    if (!w || w.dashboardId !== dashboardId) throw new UdashError('NOT_FOUND', `No widget with id "${widgetId}" on this dashboard`, { field: 'widgetId' });
    return w;
  }

  updateWidget(workspaceId: string, dashboardId: string, widgetId: string, patch: { title?: string; type?: WidgetType; query?: WidgetQuery; options?: WidgetOptions }): Widget {
    const current = this.getWidget(workspaceId, dashboardId, widgetId);
    const next = Widget.parse({ ...current, ...stripUndefined(patch), query: patch.query ? WidgetQuery.parse(patch.query) : current.query });
    this.docs.transact(workspaceId, (doc) => {
      writeFields(doc, 'widgets', widgetId, next);
      writeFields(doc, 'dashboards', dashboardId, { updatedAt: new Date().toISOString() });
    });
    return next;
  }

  deleteWidget(workspaceId: string, dashboardId: string, widgetId: string): void {
    this.getWidget(workspaceId, dashboardId, widgetId);
    this.docs.transact(workspaceId, (doc) => {
      removeItem(doc, 'widgets', widgetId);
      const dash = collection(doc, 'dashboards').get(dashboardId);
      const layout = dash?.get('layout');
      if (layout && typeof (layout as { delete?: unknown }).delete === 'function') (layout as { delete(k: string): void }).delete(widgetId);
    });
  }

  updateLayout(workspaceId: string, dashboardId: string, items: Record<string, LayoutItem>): void {
    const dash = this.get(workspaceId, dashboardId);
    const known = new Set(dash.widgets.map((w) => w.id));
    for (const id of Object.keys(items)) if (!known.has(id)) throw new UdashError('BAD_INPUT', `Widget "${id}" is not on this dashboard`, {}, ['items', id]);
    this.docs.transact(workspaceId, (doc) => {
      for (const [id, item] of Object.entries(items)) {
        const prev = dash.layout[id];
        if (!prev || prev.x !== item.x || prev.y !== item.y || prev.w !== item.w || prev.h !== item.h) setLayoutItem(doc, dashboardId, id, item);
      }
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
