/**
 * The sample dashboard: one widget of each kind on the sample datasets, laid out on the 12-column
 * grid. Queries use the WidgetQuery model, so they run through the same engine as any user widget.
 */
import type { WidgetDraft } from '../dashboards/dashboards-service.js';
import type { LayoutItem } from '../../shared/model/dashboard.js';

export interface SampleDatasets {
  sales: string;
  traffic: string;
  tickets: string;
}

export const SAMPLE_DASHBOARD_NAME = 'Business overview';
export const SAMPLE_DASHBOARD_DESCRIPTION = 'Two years of a made-up online shop: revenue, orders, web traffic and support tickets. Edit anything — this workspace is yours to explore.';

const last30 = { preset: 'last_30d' as const };

export function businessOverviewWidgets(ds: SampleDatasets): { draft: WidgetDraft; layout: LayoutItem }[] {
  return [
    {
      draft: { title: 'Revenue, last 30 days', type: 'kpi', query: { datasetId: ds.sales, y: [{ field: 'revenue', agg: 'sum', as: 'Revenue' }], dateRange: last30 }, options: { compare: 'previous_period', format: 'currency' } },
      layout: { x: 0, y: 0, w: 3, h: 4 },
    },
    {
      draft: { title: 'Orders, last 30 days', type: 'kpi', query: { datasetId: ds.sales, y: [{ field: 'orders', agg: 'sum', as: 'Orders' }], dateRange: last30 }, options: { compare: 'previous_period', format: 'compact' } },
      layout: { x: 3, y: 0, w: 3, h: 4 },
    },
    {
      draft: { title: 'Sessions, last 30 days', type: 'kpi', query: { datasetId: ds.traffic, y: [{ field: 'sessions', agg: 'sum', as: 'Sessions' }], dateRange: last30 }, options: { compare: 'previous_period', format: 'compact' } },
      layout: { x: 6, y: 0, w: 3, h: 4 },
    },
    {
      draft: { title: 'Support tickets, last 30 days', type: 'kpi', query: { datasetId: ds.tickets, y: [{ field: 'tickets', agg: 'sum', as: 'Tickets' }], dateRange: last30 }, options: { compare: 'previous_period', format: 'number' } },
      layout: { x: 9, y: 0, w: 3, h: 4 },
    },
    {
      draft: { title: 'Revenue by day', type: 'line', query: { datasetId: ds.sales, x: { field: 'date', bucket: 'day' }, y: [{ field: 'revenue', agg: 'sum', as: 'Revenue' }], maxPoints: 1000 }, options: { format: 'currency' } },
      layout: { x: 0, y: 4, w: 8, h: 8 },
    },
    {
      draft: { title: 'Orders by region', type: 'pie', query: { datasetId: ds.sales, x: { field: 'region' }, y: [{ field: 'orders', agg: 'sum', as: 'Orders' }], sort: { by: 'Orders', dir: 'desc' } }, options: { donut: true } },
      layout: { x: 8, y: 4, w: 4, h: 8 },
    },
    {
      draft: { title: 'Sessions by channel per week', type: 'area', query: { datasetId: ds.traffic, x: { field: 'date', bucket: 'week' }, series: 'channel', y: [{ field: 'sessions', agg: 'sum', as: 'Sessions' }] }, options: { stacked: true, format: 'compact' } },
      layout: { x: 0, y: 12, w: 7, h: 8 },
    },
    {
      draft: { title: 'Tickets by category and priority', type: 'bar', query: { datasetId: ds.tickets, x: { field: 'category' }, series: 'priority', y: [{ field: 'tickets', agg: 'sum', as: 'Tickets' }] }, options: { stacked: true } },
      layout: { x: 7, y: 12, w: 5, h: 8 },
    },
    {
      draft: { title: 'Tickets per month by category', type: 'heatmap', query: { datasetId: ds.tickets, x: { field: 'date', bucket: 'month' }, series: 'category', y: [{ field: 'tickets', agg: 'sum', as: 'Tickets' }] } },
      layout: { x: 0, y: 20, w: 7, h: 8 },
    },
    {
      draft: {
        title: 'Regions',
        type: 'table',
        query: { datasetId: ds.sales, x: { field: 'region' }, y: [{ field: 'revenue', agg: 'sum', as: 'Revenue' }, { field: 'orders', agg: 'sum', as: 'Orders' }, { field: 'units', agg: 'sum', as: 'Units' }], sort: { by: 'Revenue', dir: 'desc' } },
        options: { format: 'currency' },
      },
      layout: { x: 7, y: 20, w: 5, h: 8 },
    },
  ];
}
