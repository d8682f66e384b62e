/**
 * Scheduled reports: the calls a UI needs for the Reports section (list with next run and quick
 * actions), the creation flow (content → schedule → recipients → template and format → preview →
 * save), the history viewer, delivery analytics, templates, recipient groups, and mail and tracking
 * settings. Passwords and signing keys are write-only: no call ever returns one.
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id, Ok } from './common.js';
import {
  DeliveryRecord,
  EmailAddress,
  OutputFormat,
  RecipientGroup,
  Report,
  ReportDraft,
  ReportProblem,
  ReportTemplate,
  RunRecord,
  RunStatus,
  Schedule,
  ScheduleDraft,
  SmtpSettings,
  TrackingEvent,
  TrackingServerSettings,
  WorkspaceReportSettings,
} from '../model/report.js';

const Ws = z.object({ workspaceId: Id });
const ReportRef = Ws.extend({ reportId: Id });

export const ScheduleInfo = Schedule.extend({
  /** The next time it runs (ISO), null when it has ended or is paused. */
  nextRunAt: z.string().nullable(),
  description: z.string(),
  /** Why the scheduler stopped running it (e.g. its dashboard was deleted). */
  flag: z.string().nullable(),
});
export type ScheduleInfo = z.infer<typeof ScheduleInfo>;

export const ReportDetail = Report.extend({
  schedules: z.array(ScheduleInfo),
  nextRunAt: z.string().nullable(),
  lastRun: RunRecord.nullable(),
  problems: z.array(ReportProblem),
  templateName: z.string(),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const ResolvedRecipientInfo = z.object({ address: z.string(), kind: z.enum(['to', 'cc', 'bcc']), external: z.boolean() });

export const ReportPreview = z.object({
  subject: z.string(),
  /** The email as it would be sent (images inline as data: URLs so a UI can show it in a sandboxed frame). */
  html: z.string(),
  text: z.string(),
  recipients: z.array(ResolvedRecipientInfo),
  recipientProblems: z.array(z.string()),
  /** Whether a scheduled run would be sent now, and why. */
  condition: z.object({ pass: z.boolean(), reason: z.string() }),
  attachments: z.array(z.string()),
  files: z.array(z.object({ format: OutputFormat, name: z.string(), bytes: z.number().int(), downloadId: z.string() })),
  insights: z.array(z.object({ text: z.string(), severity: z.enum(['info', 'notable', 'anomaly']) })),
  metrics: z.array(z.string()),
  period: z.string(),
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const ReportAnalytics = z.object({
  since: z.string(),
  runs: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** Of runs that finished (sent, generated or failed for good), the share that went out; null without runs. */
  successRate: z.number().nullable(),
  avgGenerationMs: z.number().nullable(),
  deliveries: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  opens: z.number().int(),
  uniqueOpens: z.number().int(),
  clicks: z.number().int(),
  /** Unique opens / delivered, when tracking was on. */
  openRate: z.number().nullable(),
  clickRate: z.number().nullable(),
  mostPopular: z.array(z.object({ reportId: z.string(), reportName: z.string(), runs: z.number().int(), delivered: z.number().int(), opens: z.number().int(), clicks: z.number().int() })),
});
export type ReportAnalytics = z.infer<typeof ReportAnalytics>;

const MailSettingsView = z.object({ smtp: SmtpSettings.nullable(), hasPassword: z.boolean(), secretsLocation: z.string() });
const ReportSettingsView = z.object({
  workspace: WorkspaceReportSettings,
  trackingServer: TrackingServerSettings.nullable(),
  hasTrackingKey: z.boolean(),
  /** The sentence a tracked email carries, so Settings can show recipients' view before tracking is turned on. */
  trackingNotice: z.string(),
});
const TemplateInput = ReportTemplate.omit({ id: true, builtin: true, createdAt: true, updatedAt: true }).extend({ id: Id.optional() });
const GroupInput = z.object({ id: Id.optional(), name: RecipientGroup.shape.name, members: RecipientGroup.shape.members });

export const reportMethods = {
  'reports.list': method('Reports of a workspace with their schedules, next run, last run and problems', Ws, z.array(ReportDetail)),
  'reports.get': method('One report with its schedules', ReportRef, ReportDetail),
  'reports.create': method(
    'Save a new report and its schedules; addresses, templates and schedules are validated here',
    Ws.extend({ report: ReportDraft, schedules: z.array(ScheduleDraft).max(20).default([]) }),
    ReportDetail,
  ),
  'reports.update': method(
    'Change a report; when schedules are given they replace the report’s schedules',
    ReportRef.extend({ patch: ReportDraft.partial(), schedules: z.array(ScheduleDraft).max(20).optional() }),
    ReportDetail,
  ),
  'reports.pause': method('Pause or resume every schedule of a report', ReportRef.extend({ paused: z.boolean() }), ReportDetail),
  'reports.delete': method('Delete a report and its schedules (history is kept)', ReportRef, Ok),
  'reports.runNow': method('Generate (and send, unless send is false) a report now; answers when the run has finished', ReportRef.extend({ send: z.boolean().default(true) }), RunRecord),
  'reports.preview': method(
    'Exactly what a report would send now, before saving: subject, email, recipients, condition, and the files to download; with `template`, as laid out by that unsaved custom template',
    Ws.extend({ report: ReportDraft, formats: z.array(OutputFormat).max(4).default([]), template: TemplateInput.optional() }),
    ReportPreview,
  ),
  'reports.nextRuns': method(
    'The next run times of a schedule being edited',
    z.object({ schedule: ScheduleDraft, count: z.number().int().min(1).max(50).default(5), after: z.string().datetime({ offset: true }).optional() }),
    z.object({ runs: z.array(z.string()), description: z.string() }),
  ),
  'reports.history': method(
    'Runs of a workspace (or of one report), newest first',
    Ws.extend({ reportId: Id.optional(), limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }),
    z.array(RunRecord),
  ),
  'reports.run': method('One run with its deliveries and tracking events', Ws.extend({ runId: Id }), z.object({ run: RunRecord, deliveries: z.array(DeliveryRecord), events: z.array(TrackingEvent) })),
  'reports.retry': method('Retry a failed run now (undelivered recipients only)', Ws.extend({ runId: Id }), RunRecord),
  'reports.download': method('A file a run produced, for download', Ws.extend({ runId: Id, format: OutputFormat }), z.object({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int() })),
  'reports.snapshot': method('Capture the widget data now for a snapshot-mode report', ReportRef, z.object({ takenAt: z.string(), widgets: z.number().int() })),
  'reports.analytics': method('Delivery analytics: success rate, generation time, most popular reports, engagement', Ws.extend({ days: z.number().int().min(1).max(3650).default(30) }), ReportAnalytics),
  'reports.settings.get': method('Tracking and internal domains of a workspace, and the tracking server', Ws, ReportSettingsView),
  'reports.settings.set': method(
    'Change workspace report settings; the tracking server key is write-only (null removes the server)',
    Ws.extend({ workspace: WorkspaceReportSettings.partial().optional(), trackingServer: TrackingServerSettings.nullable().optional(), trackingKey: z.string().min(16).max(512).optional() }),
    ReportSettingsView,
  ),
  'reports.tracking.pull': method('Fetch opens and clicks from the tracking server now', Ws, z.object({ added: z.number().int() })),
  'reportTemplates.list': method('The six built-in templates and the workspace’s own', Ws, z.array(ReportTemplate)),
  'reportTemplates.save': method('Save a custom template (validated: a syntax error names its field and line)', Ws.extend({ template: TemplateInput }), ReportTemplate),
  'reportTemplates.delete': method('Delete a custom template that no report uses', Ws.extend({ templateId: Id }), Ok),
  'reportTemplates.validate': method('Check a template without saving it', Ws.extend({ template: TemplateInput }), Ok),
  'recipientGroups.list': method('Recipient groups of a workspace', Ws, z.array(RecipientGroup)),
  'recipientGroups.save': method('Create or change a recipient group', Ws.extend({ group: GroupInput }), RecipientGroup),
  'recipientGroups.delete': method('Delete a recipient group', Ws.extend({ groupId: Id }), Ok),
  'reports.holidayCalendars': method(
    'Holiday calendars a schedule can skip: the countries, and the regions of one country when given',
    z.object({ country: z.string().trim().min(2).max(3).optional() }).default({}),
    z.object({ countries: z.array(z.object({ code: z.string(), name: z.string() })), regions: z.array(z.object({ code: z.string(), name: z.string() })) }),
  ),
  'mail.settings.get': method('SMTP settings (never the password)', z.object({}).default({}), MailSettingsView),
  'mail.settings.set': method(
    'Change SMTP settings; the password goes to the keychain or the encrypted vault (null removes it)',
    z.object({ smtp: SmtpSettings, password: z.string().max(1024).nullable().optional() }),
    MailSettingsView,
  ),
  'mail.test': method('Send a test email with the current SMTP settings', z.object({ to: EmailAddress }), z.object({ messageId: z.string().nullable() })),
} as const;

export const reportEvents = {
  /** A report, its schedules or one of its runs changed (run status included when it did). */
  'reports.changed': z.object({ workspaceId: z.string(), reportId: z.string().optional(), runId: z.string().optional(), status: RunStatus.optional() }),
} as const;
