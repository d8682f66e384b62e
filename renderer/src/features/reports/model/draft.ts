/**
 * The creation flow's working copy of a report: the contract's report draft with every default filled
 * in (so each step edits plain values), its schedules, and an optional custom template being written.
 * Conversions to and from what the contract stores and answers are pure and unit-tested.
 */
import type { z } from 'zod';
import type { ReportDetail } from '../../../../../shared/contract/reports.js';
import { ReportDraft as ReportDraftSchema, type ReportTemplate, type ScheduleDraft as ScheduleDraftSchema } from '../../../../../shared/model/report.js';

/** A report draft with its defaults filled in. */
export type ReportForm = z.infer<typeof ReportDraftSchema>;
/** A schedule draft with its defaults filled in. */
export type ScheduleForm = z.infer<typeof ScheduleDraftSchema>;
/** A custom template as the save call takes it (no stamps; an id when it already exists). */
export type TemplateForm = Omit<ReportTemplate, 'id' | 'builtin' | 'createdAt' | 'updatedAt'> & { id?: string };

export interface EditorState {
  /** The saved report's id when editing; absent while creating. */
  reportId?: string;
  report: ReportForm;
  schedules: ScheduleForm[];
  /** A custom template written (or changed) in this flow; saved first when the report is saved. */
  template: TemplateForm | null;
}

export const STEPS = [
  { key: 'content', label: 'Content' },
  { key: 'schedule', label: 'Schedule' },
  { key: 'recipients', label: 'Recipients' },
  { key: 'format', label: 'Template and format' },
  { key: 'preview', label: 'Preview' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

/** A new report of a whole dashboard, with the model's defaults (Executive Summary, PDF + email). */
export function newReport(dashboard: { id: string; name: string }): ReportForm {
  return ReportDraftSchema.parse({ name: `${dashboard.name} report`, content: { dashboardId: dashboard.id } });
}

/** What the editor needs from a saved report: its own fields, without ids, stamps or derived state. */
export function editorStateFrom(detail: ReportDetail): EditorState {
  const { id, createdAt: _c, updatedAt: _u, schedules, nextRunAt: _n, lastRun: _l, problems: _p, templateName: _t, ...report } = detail;
  return {
    reportId: id,
    report,
    schedules: schedules.map((s) => ({
      id: s.id,
      label: s.label,
      enabled: s.enabled,
      recurrence: s.recurrence,
      timezone: s.timezone,
      ...(s.startDate ? { startDate: s.startDate } : {}),
      ...(s.endDate ? { endDate: s.endDate } : {}),
      businessDaysOnly: s.businessDaysOnly,
      holidays: s.holidays,
      nonBusinessDay: s.nonBusinessDay,
    })),
    template: null,
  };
}

/** Drops empty optional text that the schema would refuse as given ('' is not an address or a date). */
export function cleanReport(r: ReportForm): ReportForm {
  const delivery = { ...r.delivery };
  if (!delivery.replyTo?.trim()) delete delivery.replyTo;
  const data = { ...r.data };
  if (data.dateRange && (data.dateRange.preset ?? 'all') === 'all') delete data.dateRange;
  const content = { ...r.content };
  if (content.widgetIds && content.widgetIds.length === 0) delete content.widgetIds;
  const branding = { ...r.branding };
  if (!branding.logo) delete branding.logo;
  // The email attaches only files the report produces.
  delivery.attach = delivery.attach.filter((f) => r.formats.includes(f));
  return { ...r, content, data, delivery, branding };
}

export function cleanSchedule(s: ScheduleForm): ScheduleForm {
  const out = { ...s };
  if (!out.startDate) delete out.startDate;
  if (!out.endDate) delete out.endDate;
  return out;
}
