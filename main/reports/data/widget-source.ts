/**
 * Widget data for a report, only through the contract: 'dashboards.get' for the widgets and
 * 'widgets.data' for their data (so the dashboard's date range and filters apply exactly as on
 * screen). A report that overrides the date range or adds filters asks 'query.run' with the widget's
 * query amended. A widget that fails is shown with its reason; the rest of the report still goes out.
 */
import { UdashError, isUdashError } from '../../../shared/errors.js';
import type { DashboardWithWidgets } from '../../../shared/model/dashboard.js';
import type { QueryResult } from '../../../shared/model/query.js';
import type { Report } from '../../../shared/model/report.js';
import type { Dispatcher } from '../../rpc/dispatcher.js';
import type { WidgetData } from '../model/types.js';
import { toWidgetData } from '../model/widget-data.js';

export interface ReportData {
  dashboard: DashboardWithWidgets;
  widgets: WidgetData[];
}

export type SnapshotReader = (widgetId: string) => QueryResult | undefined;

export async function loadDashboard(dispatcher: Dispatcher, workspaceId: string, report: Pick<Report, 'content' | 'name'>): Promise<DashboardWithWidgets> {
  try {
    return await dispatcher.call('dashboards.get', { workspaceId, dashboardId: report.content.dashboardId });
  } catch (e) {
    if (isUdashError(e) && e.code === 'NOT_FOUND')
      throw new UdashError('NOT_FOUND', `The dashboard behind the report "${report.name}" was deleted; choose another dashboard for this report.`, { field: 'content.dashboardId', dashboardMissing: true });
    throw e;
  }
}

export function selectedWidgets(dashboard: DashboardWithWidgets, report: Pick<Report, 'content'>): DashboardWithWidgets['widgets'] {
  // Dashboard order: top to bottom, then left to right, as people read it.
  const pos = (id: string) => dashboard.layout[id] ?? { y: 1e9, x: 1e9 };
  const ordered = [...dashboard.widgets].sort((a, b) => pos(a.id).y - pos(b.id).y || pos(a.id).x - pos(b.id).x);
  if (!report.content.widgetIds) return ordered;
  const wanted = new Set(report.content.widgetIds);
  return ordered.filter((w) => wanted.has(w.id));
}

export async function fetchReportData(dispatcher: Dispatcher, workspaceId: string, report: Pick<Report, 'content' | 'data' | 'name'>, snapshot?: SnapshotReader): Promise<ReportData> {
  const dashboard = await loadDashboard(dispatcher, workspaceId, report);
  const widgets = selectedWidgets(dashboard, report);
  const missing = (report.content.widgetIds ?? []).filter((id) => !widgets.some((w) => w.id === id));
  if (widgets.length === 0) throw new UdashError('NOT_FOUND', `None of the widgets of the report "${report.name}" are on the dashboard "${dashboard.name}" any more.`, { field: 'content.widgetIds' });
  const overrideRange = report.data.dateRange;
  const extraFilters = report.data.filters;
  const out: WidgetData[] = [];
  for (const w of widgets) {
    let result: QueryResult | { error: string };
    try {
      if (report.data.mode === 'snapshot') {
        const snap = snapshot?.(w.id);
        result = snap ?? { error: 'No snapshot of this widget was taken; take a snapshot or switch the report to live data.' };
      } else if (!overrideRange && extraFilters.length === 0) {
        result = await dispatcher.call('widgets.data', { workspaceId, dashboardId: dashboard.id, widgetId: w.id });
      } else {
        const query = { ...w.query, filters: [...(w.query.filters ?? []), ...(overrideRange ? dashboard.filters : []), ...extraFilters], ...(overrideRange ? { dateRange: overrideRange } : {}) };
        result = await dispatcher.call('query.run', { workspaceId, query, ...(overrideRange ? {} : { dashboardId: dashboard.id }), ...(w.type === 'kpi' ? { kpi: true } : {}) });
      }
    } catch (e) {
      // The query engine missing entirely is not one widget's problem: the whole run fails.
      if (isUdashError(e) && e.code === 'UNKNOWN_METHOD') throw e;
      result = { error: isUdashError(e) ? e.message : 'the query failed' };
    }
    out.push(toWidgetData(w, result));
  }
  for (const id of missing) out.push({ id, title: 'Missing widget', type: 'table', options: {}, measures: [], columns: [], rows: [], error: 'This widget was removed from the dashboard.', timeSeries: false });
  return { dashboard, widgets: out };
}
