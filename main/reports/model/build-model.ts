/** Widget data + report settings + template → the report model every renderer reads. */
import type { DateRange } from '../../../shared/model/query.js';
import type { Branding, PageSetup, ReportTemplate } from '../../../shared/model/report.js';
import type { TemplateEngine } from '../templates/handlebars.js';
import { templateContext } from '../templates/context.js';
import { resolveSections } from '../templates/resolve.js';
import { formatDatePattern } from './format.js';
import { computeInsights, type InsightProvider } from './insights.js';
import { computeMetrics } from './metrics.js';
import { describePeriod } from './period.js';
import type { ReportModel, WidgetData } from './types.js';

export interface ModelInput {
  report: {
    id: string;
    name: string;
    description: string;
    comments: string;
    vars: Record<string, string>;
    insights: boolean;
    page: PageSetup;
    branding: Branding;
    headerText: string;
    footerText: string;
    dateRange?: DateRange;
  };
  template: ReportTemplate;
  dashboardName: string;
  workspaceName: string;
  widgets: WidgetData[];
  generatedAt: Date;
  engine: TemplateEngine;
  insightProviders?: InsightProvider[];
  fullReportUrl?: string;
}

export function buildReportModel(i: ModelInput): ReportModel {
  const metrics = computeMetrics(i.widgets);
  const insights = i.report.insights ? computeInsights(i.widgets, metrics, i.insightProviders) : [];
  const isEmpty = i.widgets.every((w) => w.rows.length === 0);
  const generatedAt = i.generatedAt.toISOString();
  const report = {
    id: i.report.id,
    name: i.report.name,
    description: i.report.description,
    period: describePeriod(i.report.dateRange, i.widgets),
    generatedAt,
    generatedAtText: `${formatDatePattern(generatedAt, 'dd MMM yyyy HH:mm')} UTC`,
    dashboardName: i.dashboardName,
    workspaceName: i.workspaceName,
    comments: '',
    vars: {} as Record<string, string>,
  };
  const baseCtx = templateContext({ report, metrics, insights, widgets: i.widgets, vars: i.report.vars, companyName: i.report.branding.companyName, isEmpty });
  // Variables and comments may themselves use variables; they are rendered once, against the base context.
  report.vars = Object.fromEntries(Object.entries(i.report.vars).map(([k, v]) => [k, i.engine.render(v, baseCtx)]));
  report.comments = i.engine.render(i.report.comments, { ...baseCtx, vars: report.vars }).trim();
  const ctx = templateContext({ report, metrics, insights, widgets: i.widgets, vars: report.vars, companyName: i.report.branding.companyName, isEmpty });
  const t = i.template;
  return {
    report,
    page: i.report.page,
    branding: i.report.branding,
    headerText: i.engine.render(i.report.headerText, ctx),
    footerText: i.engine.render(i.report.footerText, ctx),
    template: t,
    cover: { enabled: t.cover.enabled, title: i.engine.render(t.cover.title, ctx), subtitle: i.engine.render(t.cover.subtitle, ctx), showLogo: t.cover.showLogo },
    toc: t.toc,
    sections: resolveSections(i.engine, t, i.widgets, insights, ctx, report.comments.length > 0),
    appendix: { enabled: t.appendix.enabled, title: i.engine.render(t.appendix.title, ctx), text: i.engine.render(t.appendix.body, ctx).trim(), dataTables: t.appendix.dataTables },
    widgets: i.widgets,
    metrics,
    insights,
    isEmpty,
    ...(i.fullReportUrl ? { fullReportUrl: i.fullReportUrl } : {}),
  };
}

/** The same context templates saw, for subjects, bodies and attachment names rendered later. */
export function modelContext(m: ReportModel): Record<string, unknown> {
  return templateContext({ report: m.report, metrics: m.metrics, insights: m.insights, widgets: m.widgets, vars: m.report.vars, companyName: m.branding.companyName, isEmpty: m.isEmpty });
}
