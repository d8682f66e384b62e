import { ok } from '../../shared/contract/common.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { ReportsApi } from '../reports/api.js';
import { reportsOf } from '../reports/module.js';

/** Scheduled reports, templates, recipient groups, mail and tracking settings (see main/reports/api.ts). */
export function reportHandlers(svc: Services): PartialHandlers {
  let api: ReportsApi | null = null;
  // Built on first use, so tests and hosts can configure the reports module first.
  const r = () => (api ??= new ReportsApi(reportsOf(svc)));
  return {
    'reports.list': ({ workspaceId }) => r().list(workspaceId),
    'reports.get': ({ workspaceId, reportId }) => r().get(workspaceId, reportId),
    'reports.create': ({ workspaceId, report, schedules }) => r().create(workspaceId, report, schedules),
    'reports.update': ({ workspaceId, reportId, patch, schedules }) => r().update(workspaceId, reportId, patch, schedules),
    'reports.pause': ({ workspaceId, reportId, paused }) => r().pause(workspaceId, reportId, paused),
    'reports.delete': ({ workspaceId, reportId }) => {
      r().delete(workspaceId, reportId);
      return ok;
    },
    'reports.runNow': ({ workspaceId, reportId, send }) => r().runNow(workspaceId, reportId, send),
    'reports.preview': ({ workspaceId, report, formats, template }) => r().preview(workspaceId, report, formats, template),
    'reports.nextRuns': ({ schedule, count, after }) => r().nextRuns(schedule, count, after),
    'reports.history': ({ workspaceId, reportId, limit, offset }) => r().history(workspaceId, reportId, limit, offset),
    'reports.run': ({ workspaceId, runId }) => r().runDetail(workspaceId, runId),
    'reports.retry': ({ workspaceId, runId }) => r().retry(workspaceId, runId),
    'reports.download': ({ workspaceId, runId, format }) => r().download(workspaceId, runId, format),
    'reports.snapshot': ({ workspaceId, reportId }) => r().snapshot(workspaceId, reportId),
    'reports.analytics': ({ workspaceId, days }) => r().analytics(workspaceId, days),
    'reports.settings.get': ({ workspaceId }) => r().reportSettings(workspaceId),
    'reports.settings.set': ({ workspaceId, workspace, trackingServer, trackingKey }) => r().setReportSettings(workspaceId, { ...(workspace ? { workspace } : {}), ...(trackingServer !== undefined ? { trackingServer } : {}), ...(trackingKey ? { trackingKey } : {}) }),
    'reports.tracking.pull': async ({ workspaceId }) => ({ added: await reportsOf(svc).pullTracking(workspaceId) }),
    'reportTemplates.list': ({ workspaceId }) => r().templates(workspaceId),
    'reportTemplates.save': ({ workspaceId, template }) => r().saveTemplate(workspaceId, template),
    'reportTemplates.delete': ({ workspaceId, templateId }) => {
      r().deleteTemplate(workspaceId, templateId);
      return ok;
    },
    'reportTemplates.validate': ({ workspaceId, template }) => {
      r().validateTemplate(workspaceId, template);
      return ok;
    },
    'recipientGroups.list': ({ workspaceId }) => r().groups(workspaceId),
    'recipientGroups.save': ({ workspaceId, group }) => r().saveGroup(workspaceId, group),
    'recipientGroups.delete': ({ workspaceId, groupId }) => {
      r().deleteGroup(workspaceId, groupId);
      return ok;
    },
    'reports.holidayCalendars': ({ country }) => r().holidayCalendars(country),
    'mail.settings.get': () => r().mailSettings(),
    'mail.settings.set': ({ smtp, password }) => r().setMailSettings(smtp, password),
    'mail.test': ({ to }) => r().testMail(to),
  };
}
