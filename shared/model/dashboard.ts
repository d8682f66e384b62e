import { z } from 'zod';
import { DateRange, Filter, WidgetQuery } from './query.js';

export const WIDGET_TYPES = ['line', 'area', 'bar', 'scatter', 'pie', 'kpi', 'table', 'heatmap'] as const;
export const WidgetType = z.enum(WIDGET_TYPES);
export type WidgetType = z.infer<typeof WidgetType>;

export const WidgetOptions = z
  .object({
    stacked: z.boolean().optional(),
    donut: z.boolean().optional(),
    horizontal: z.boolean().optional(),
    /** KPI: compare with the previous period of the same length. */
    compare: z.enum(['previous_period', 'none']).optional(),
    format: z.enum(['number', 'currency', 'percent', 'compact']).optional(),
    forecastOverlay: z.boolean().optional(),
    color: z.string().max(32).optional(),
  })
  .default({});
export type WidgetOptions = z.infer<typeof WidgetOptions>;

export const Widget = z.object({
  id: z.string(),
  dashboardId: z.string(),
  title: z.string().max(200),
  type: WidgetType,
  query: WidgetQuery,
  options: WidgetOptions,
});
export type Widget = z.infer<typeof Widget>;

/** Grid cell in a 12-column layout. */
export const LayoutItem = z.object({
  x: z.number().int().min(0).max(11),
  y: z.number().int().min(0),
  w: z.number().int().min(1).max(12),
  h: z.number().int().min(1).max(40),
});
export type LayoutItem = z.infer<typeof LayoutItem>;

export const Dashboard = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
  dateRange: DateRange.default({ preset: 'all' }),
  filters: z.array(Filter).default([]),
  layout: z.record(z.string(), LayoutItem).default({}),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardWithWidgets = Dashboard.extend({ widgets: z.array(Widget) });
export type DashboardWithWidgets = z.infer<typeof DashboardWithWidgets>;
