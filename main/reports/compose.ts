/** A report (saved or a draft) and the live or snapshot data of its dashboard → the report model. */
import type { QueryResult } from '../../shared/model/query.js';
import type { Report, ReportTemplate } from '../../shared/model/report.js';
import type { Services } from '../services.js';
import { fetchReportData } from './data/widget-source.js';
import { buildReportModel, modelContext } from './model/build-model.js';
import type { ReportModel } from './model/types.js';
import type { TemplateEngine } from './templates/handlebars.js';
import type { RunsRepo } from './store/runs-repo.js';

export interface ComposeDeps {
  svc: Services;
  runs: RunsRepo;
  engine: TemplateEngine;
  template(ws: string, id: string): ReportTemplate;
}

export interface Composed {
  model: ReportModel;
  ctx: Record<string, unknown>;
}

export async function composeReport(d: ComposeDeps, ws: string, report: Report, now: Date): Promise<Composed> {
  const snapshot = report.data.mode === 'snapshot' ? d.runs.snapshot(ws, report.id) : undefined;
  const data = await fetchReportData(d.svc.dispatcher, ws, report, (id) => snapshot?.get(id)?.result as QueryResult | undefined);
  const model = buildReportModel({
    report: { ...report, dateRange: report.data.dateRange },
    template: d.template(ws, report.templateId),
    dashboardName: data.dashboard.name,
    workspaceName: d.svc.core().workspaces.get(ws).name,
    widgets: data.widgets,
    generatedAt: now,
    engine: d.engine,
  });
  return { model, ctx: modelContext(model) };
}
