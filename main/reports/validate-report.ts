/**
 * Save-time checks of a report and its schedules, so mistakes surface when the author saves, not at
 * 3 a.m.: the dashboard and widgets exist, the template exists and every text renders, recipient
 * groups exist, holiday calendars and cron expressions are known. Addresses are already validated by
 * the zod schema (an invalid one names its field).
 */
import { UdashError } from '../../shared/errors.js';
import type { DashboardWithWidgets } from '../../shared/model/dashboard.js';
import type { Report, Schedule } from '../../shared/model/report.js';
import type { HolidayCalendars } from '../scheduler/holidays.js';
import { recurrenceRule } from '../scheduler/recurrence.js';
import type { TemplateEngine } from './templates/handlebars.js';
import { validateReportTexts } from './templates/validate.js';

export interface ReportChecks {
  engine: TemplateEngine;
  calendars: HolidayCalendars;
  dashboard(id: string): DashboardWithWidgets | undefined;
  templateExists(id: string): boolean;
  groupExists(id: string): boolean;
}

export function validateReport(c: ReportChecks, r: Report): void {
  const dash = c.dashboard(r.content.dashboardId);
  if (!dash) throw new UdashError('NOT_FOUND', `There is no dashboard with id "${r.content.dashboardId}" in this workspace`, { field: 'content.dashboardId' }, ['content', 'dashboardId']);
  for (const [i, id] of (r.content.widgetIds ?? []).entries()) {
    if (!dash.widgets.some((w) => w.id === id)) throw new UdashError('NOT_FOUND', `The dashboard "${dash.name}" has no widget "${id}"`, { field: `content.widgetIds.${i}` }, ['content', 'widgetIds', i]);
  }
  if (!c.templateExists(r.templateId)) throw new UdashError('NOT_FOUND', `There is no report template "${r.templateId}"`, { field: 'templateId' }, ['templateId']);
  r.delivery.to.forEach((t, i) => {
    if (t.kind === 'group' && !c.groupExists(t.groupId)) throw new UdashError('NOT_FOUND', `There is no recipient group "${t.groupId}"`, { field: `delivery.to.${i}.groupId` }, ['delivery', 'to', i, 'groupId']);
  });
  validateReportTexts(c.engine, r);
}

export function validateSchedule(c: ReportChecks, s: Schedule, index: number): void {
  if (s.holidays) c.calendars.validate(s.holidays, `schedules.${index}.holidays`);
  // Building the rule parses the cron pattern (a bad expression names the field).
  try {
    recurrenceRule(s, c.calendars);
  } catch (e) {
    if (e instanceof UdashError) throw new UdashError('BAD_INPUT', e.message, { field: `schedules.${index}.recurrence` }, ['schedules', index, 'recurrence']);
    throw e;
  }
}
