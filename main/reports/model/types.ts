/**
 * The one report model every renderer reads (PDF, Excel, PowerPoint, email): widget data already
 * fetched, metrics and insights computed, template sections resolved and their text rendered. It is
 * plain data, so a renderer can be tested against a model built from fixtures.
 */
import type { WidgetOptions, WidgetType } from '../../../shared/model/dashboard.js';
import type { Aggregation, KpiSummary, Scalar, TimeBucket } from '../../../shared/model/query.js';
import type { Branding, PageSetup, ReportTemplate, SECTION_KINDS } from '../../../shared/model/report.js';

export interface WidgetColumn {
  name: string;
  role: 'x' | 'series' | 'y';
  type: string;
}

export interface WidgetData {
  id: string;
  title: string;
  type: WidgetType;
  options: WidgetOptions;
  columns: WidgetColumn[];
  rows: Scalar[][];
  /** The query's measures, named as their result columns. */
  measures: { name: string; agg: Aggregation; field?: string }[];
  kpi?: KpiSummary;
  /** When the data could not be fetched: the reason, shown in place of the widget. */
  error?: string;
  /** The x column holds dates (ISO strings). */
  timeSeries: boolean;
  /** The time bucket of the x axis, when the query has one. */
  bucket?: TimeBucket;
}

export interface Metric {
  key: string;
  label: string;
  widgetId: string;
  /** The result column it measures. */
  measure: string;
  format: NonNullable<WidgetOptions['format']> | 'number';
  total: number | null;
  last: number | null;
  previous: number | null;
  change: number | null;
  /** Percent, e.g. 12.5 for +12.5 %. */
  changePct: number | null;
  min: number | null;
  max: number | null;
  avg: number | null;
  count: number;
  /** The last bucket is unfinished; last, previous and change refer to the complete ones. */
  partialLast: boolean;
  /** Formatted for text: "1.2M", "$45,210", "12.5%". */
  totalText: string;
  lastText: string;
  changePctText: string;
}

export type InsightKind = 'change' | 'trend' | 'peak' | 'anomaly' | 'share' | 'empty' | 'kpi';

export interface Insight {
  widgetId: string;
  metric?: string;
  kind: InsightKind;
  /** anomaly insights can trigger conditional sends and sections. */
  severity: 'info' | 'notable' | 'anomaly';
  text: string;
}

export type SectionKind = (typeof SECTION_KINDS)[number];

export interface ResolvedSection {
  id: string;
  /** "sec-3": the anchor the table of contents links to. */
  anchor: string;
  number: number;
  kind: SectionKind;
  title: string;
  /** Rendered text, plain (paragraphs separated by blank lines). */
  text: string;
  widgets: WidgetData[];
  columns: number;
  pageBreakBefore: boolean;
  withData: boolean;
  insightFilter: 'all' | 'notable' | 'anomalies';
}

export interface ReportModel {
  report: {
    id: string;
    name: string;
    description: string;
    period: string;
    generatedAt: string;
    generatedAtText: string;
    dashboardName: string;
    workspaceName: string;
    comments: string;
    vars: Record<string, string>;
  };
  page: PageSetup;
  branding: Branding;
  headerText: string;
  footerText: string;
  template: ReportTemplate;
  cover: { enabled: boolean; title: string; subtitle: string; showLogo: boolean };
  toc: boolean;
  sections: ResolvedSection[];
  appendix: { enabled: boolean; title: string; text: string; dataTables: boolean };
  widgets: WidgetData[];
  metrics: Record<string, Metric>;
  insights: Insight[];
  /** Every widget came back without rows. */
  isEmpty: boolean;
  /** A link to the full report (signed download URL), when one exists. */
  fullReportUrl?: string;
}
