/**
 * What a template can refer to. Documented for template authors:
 *   report.name / description / period / generatedAt / dashboardName / workspaceName / comments
 *   metric.<key>.total / last / previous / change / changePct / min / max / avg / count
 *                 .totalText / lastText / changePctText        (formatted)
 *   insights.all / notable / anomalies / top (lists of {text, kind, severity}), insights.count,
 *   insights.hasAnomaly, insights.anomalyCount
 *   widgets (list of {title, type, rows}), data.isEmpty, vars.<name>, branding.companyName
 */
import type { Insight, Metric, WidgetData } from '../model/types.js';

export interface TemplateContextInput {
  report: { name: string; description: string; period: string; generatedAt: string; generatedAtText: string; dashboardName: string; workspaceName: string; comments: string };
  metrics: Record<string, Metric>;
  insights: Insight[];
  widgets: WidgetData[];
  vars: Record<string, string>;
  companyName: string;
  isEmpty: boolean;
}

export function templateContext(i: TemplateContextInput): Record<string, unknown> {
  const anomalies = i.insights.filter((x) => x.severity === 'anomaly');
  const notable = i.insights.filter((x) => x.severity !== 'info');
  return {
    report: i.report,
    metric: i.metrics,
    insights: { all: i.insights, notable, anomalies, top: i.insights.slice(0, 5), count: i.insights.length, hasAnomaly: anomalies.length > 0, anomalyCount: anomalies.length },
    widgets: i.widgets.map((w) => ({ title: w.title, type: w.type, rows: w.rows.length })),
    data: { isEmpty: i.isEmpty },
    vars: i.vars,
    branding: { companyName: i.companyName },
  };
}
