import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';
import { Dashboard, DashboardWithWidgets, LayoutItem, Widget, WidgetOptions, WidgetType } from '../model/dashboard.js';
import { DateRange, Filter, QueryResult, WidgetQuery } from '../model/query.js';

const DashRef = z.object({ workspaceId: Id, dashboardId: Id });

export const WidgetDraft = z.object({
  title: z.string().max(200).default(''),
  type: WidgetType,
  query: WidgetQuery,
  options: WidgetOptions,
});

export const dashboardMethods = {
  'dashboards.list': method('Dashboards of a workspace', z.object({ workspaceId: Id }), z.array(Dashboard)),
  'dashboards.get': method('A dashboard with its widgets', DashRef, DashboardWithWidgets),
  'dashboards.create': method('Create an empty dashboard', z.object({ workspaceId: Id, name: z.string().trim().min(1).max(200) }), Dashboard),
  'dashboards.update': method(
    'Rename, describe, or set the date range and filters that apply to every widget',
    DashRef.extend({
      patch: z.object({ name: z.string().trim().min(1).max(200).optional(), description: z.string().max(2000).optional(), dateRange: DateRange.optional(), filters: z.array(Filter).optional() }),
    }),
    Dashboard,
  ),
  'dashboards.duplicate': method('Copy a dashboard and its widgets', DashRef.extend({ name: z.string().trim().min(1).max(200).optional() }), Dashboard),
  'dashboards.delete': method('Delete a dashboard and its widgets (undoable with doc.undo)', DashRef, Ok),
  'widgets.create': method('Add a widget to a dashboard', DashRef.extend({ widget: WidgetDraft, layout: LayoutItem.optional() }), Widget),
  'widgets.update': method(
    'Change a widget',
    DashRef.extend({ widgetId: Id, patch: z.object({ title: z.string().max(200).optional(), type: WidgetType.optional(), query: WidgetQuery.optional(), options: WidgetOptions.optional() }) }),
    Widget,
  ),
  'widgets.delete': method('Remove a widget (undoable with doc.undo)', DashRef.extend({ widgetId: Id }), Ok),
  'layout.update': method('Move or resize widgets', DashRef.extend({ items: z.record(z.string(), LayoutItem) }), Ok),
  'query.run': method(
    "Run a widget query; with a dashboardId the dashboard's date range and filters apply (a dashboard filter on a field the dataset lacks is ignored); kpi: true adds result.kpi (see KpiSummary)",
    z.object({ workspaceId: Id, query: WidgetQuery, dashboardId: Id.optional(), kpi: z.boolean().optional() }),
    QueryResult,
  ),
  'widgets.data': method(
    "Run a saved widget's query with its dashboard's date range and filters; for a KPI widget result.kpi holds the value, the previous period's value and a sparkline (see KpiSummary)",
    DashRef.extend({ widgetId: Id }),
    QueryResult,
  ),
} as const;
