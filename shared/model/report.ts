/**
 * Scheduled reports: what a report contains, when it runs, who gets it, how it looks, and what a run
 * left behind. Reports, schedules, templates and recipient groups live in the workspace Y.Doc (shared
 * with the team); runs, deliveries, opens and clicks are local history in SQLite.
 *
 * Every template string (subject, body, section text, variables) is Handlebars, validated when saved.
 */
import { z } from 'zod';
import { DateRange, Filter } from './query.js';

export const REPORT_COLLECTIONS = ['reports', 'reportSchedules', 'reportTemplates', 'recipientGroups'] as const;

export const OUTPUT_FORMATS = ['pdf', 'xlsx', 'pptx', 'html'] as const;
export const OutputFormat = z.enum(OUTPUT_FORMATS);
export type OutputFormat = z.infer<typeof OutputFormat>;

const Id = z.string().min(1).max(128);

/** An email address as people type it; trimmed, one address, no display name. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'is not a valid email address' }));

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().min(1).max(64).refine(isValidTimeZone, { message: 'is not an IANA time zone (e.g. Europe/London)' });
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'is not a calendar date' });
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be YYYY-MM-DDTHH:MM');
/** 0 = Sunday … 6 = Saturday (cron numbering). */
export const Weekday = z.number().int().min(0).max(6);

/** Which day of a month (monthly and quarterly schedules). A day past the month's end runs on its last day. */
export const MonthDay = z.discriminatedUnion('type', [
  z.object({ type: z.literal('day'), day: z.number().int().min(1).max(31) }),
  z.object({ type: z.literal('last') }),
  z.object({ type: z.literal('nth'), nth: z.union([z.number().int().min(1).max(5), z.literal('last')]), weekday: Weekday }),
]);
export type MonthDay = z.infer<typeof MonthDay>;

export const Recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), time: TimeOfDay }),
  z.object({ kind: z.literal('weekly'), time: TimeOfDay, days: z.array(Weekday).min(1, 'choose at least one day').max(7) }),
  z.object({ kind: z.literal('monthly'), time: TimeOfDay, on: MonthDay }),
  /** startMonth 1 → Jan/Apr/Jul/Oct, 2 → Feb/May/Aug/Nov, 3 → Mar/Jun/Sep/Dec (fiscal quarters). */
  z.object({ kind: z.literal('quarterly'), time: TimeOfDay, on: MonthDay, startMonth: z.number().int().min(1).max(3).default(1) }),
  /** A one-time, ad-hoc run at a local date and time. */
  z.object({ kind: z.literal('once'), at: LocalDateTime }),
  /** Advanced: a 5-field cron expression (minute hour day month weekday). */
  z.object({ kind: z.literal('cron'), expression: z.string().trim().min(9).max(120) }),
]);
export type Recurrence = z.infer<typeof Recurrence>;

export const HolidayCalendar = z.object({
  /** ISO country as date-holidays knows it: 'US', 'GB', 'DE' … */
  country: z.string().trim().min(2).max(3),
  /** Region/state, e.g. 'ENG' for England (GB's national calendar lacks the August bank holiday). */
  region: z.string().trim().min(1).max(10).optional(),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

const scheduleFields = {
  label: z.string().max(120).default(''),
  enabled: z.boolean().default(true),
  recurrence: Recurrence,
  timezone: TimeZone,
  startDate: LocalDate.optional(),
  /** Inclusive. */
  endDate: LocalDate.optional(),
  /** Never on Saturday or Sunday. */
  businessDaysOnly: z.boolean().default(false),
  /** Never on a public holiday of this calendar. */
  holidays: HolidayCalendar.nullable().default(null),
  /** What happens to a run that falls on a weekend or holiday: dropped, or moved to the next business day. */
  nonBusinessDay: z.enum(['skip', 'next']).default('skip'),
};

export const ScheduleDraft = z.object({ id: Id.optional(), ...scheduleFields }).refine((s) => !s.startDate || !s.endDate || s.startDate <= s.endDate, { message: 'endDate is before startDate', path: ['endDate'] });
export type ScheduleDraft = z.input<typeof ScheduleDraft>;

export const Schedule = z.object({ id: Id, reportId: Id, createdAt: z.string(), updatedAt: z.string(), ...scheduleFields });
export type Schedule = z.infer<typeof Schedule>;

export const AddressRecipient = z.object({ address: EmailAddress, name: z.string().max(120).optional(), external: z.boolean().default(false) });
export type AddressRecipient = z.infer<typeof AddressRecipient>;

export const Recipient = z.discriminatedUnion('kind', [
  AddressRecipient.extend({ kind: z.literal('address') }),
  z.object({ kind: z.literal('group'), groupId: Id }),
  /** Everyone holding a role in the workspace (resolved when the run happens). */
  z.object({ kind: z.literal('role'), role: z.enum(['owner', 'editor', 'viewer']) }),
]);
export type Recipient = z.infer<typeof Recipient>;

export const RecipientGroup = z.object({
  id: Id,
  name: z.string().trim().min(1).max(120),
  members: z.array(AddressRecipient).max(5000),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecipientGroup = z.infer<typeof RecipientGroup>;

export const DeliverySettings = z.object({
  to: z.array(Recipient).max(1000).default([]),
  cc: z.array(EmailAddress).max(200).default([]),
  bcc: z.array(EmailAddress).max(200).default([]),
  replyTo: EmailAddress.optional(),
  subject: z.string().max(500).default('{{report.name}}: {{report.period}}'),
  /** Plain text with Handlebars variables; shown above the charts in the email. */
  body: z.string().max(20_000).default(''),
  /** File name of each attachment without extension, e.g. "{{report.name}} {{formatDate report.generatedAt 'yyyy-MM-dd'}}". */
  attachmentName: z.string().max(200).default("{{report.name}} {{formatDate report.generatedAt 'yyyy-MM-dd'}}"),
  /** Which generated files travel as attachments ('html' is always the email body). */
  attach: z.array(z.enum(['pdf', 'xlsx', 'pptx'])).default(['pdf']),
  /** Put a link to the full report in the email (needs the tracking server's base URL). */
  linkToFull: z.boolean().default(true),
  /** What an external recipient may receive; by default only the email body. */
  external: z.object({ attachments: z.boolean().default(false), link: z.boolean().default(false) }).default({ attachments: false, link: false }),
});
export type DeliverySettings = z.infer<typeof DeliverySettings>;

/**
 * When a run is sent. New kinds (forecast crossing a threshold, from the analytics engine) are added
 * to this union and to the evaluator registry in main/reports/conditions; nothing else changes.
 */
export const SendCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metricChange'), metric: z.string().min(1).max(120), minPct: z.number().positive().max(100_000), direction: z.enum(['any', 'up', 'down']).default('any') }),
  z.object({ kind: z.literal('threshold'), metric: z.string().min(1).max(120), op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number(), of: z.enum(['last', 'total']).default('last') }),
  /** An unusual latest value (the anomaly insight) on one metric, or on any when metric is omitted. */
  z.object({ kind: z.literal('anomaly'), metric: z.string().min(1).max(120).optional() }),
]);
export type SendCondition = z.infer<typeof SendCondition>;

export const SendRule = z.object({
  /** Skip the run (recorded as skipped) when every widget came back without rows. */
  skipWhenEmpty: z.boolean().default(true),
  mode: z.enum(['all', 'any']).default('all'),
  /** Empty: always send. */
  conditions: z.array(SendCondition).max(20).default([]),
});
export type SendRule = z.infer<typeof SendRule>;

export const PageSetup = z.object({
  size: z.enum(['A4', 'Letter', 'Legal']).default('A4'),
  orientation: z.enum(['portrait', 'landscape']).default('portrait'),
});
export type PageSetup = z.infer<typeof PageSetup>;

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f4e79');
export const Branding = z.object({
  companyName: z.string().max(120).default(''),
  /** A small image as a data: URL (PNG, JPEG or SVG), at most ~256 KB. */
  logo: z
    .string()
    .max(350_000)
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'must be a PNG, JPEG or SVG data: URL')
    .optional(),
  primaryColor: HexColor.default('#1f4e79'),
  accentColor: HexColor.default('#2e86de'),
});
export type Branding = z.infer<typeof Branding>;

export const ReportContent = z.object({
  dashboardId: Id,
  /** A subset of the dashboard's widgets (single-widget reports); all when omitted. */
  widgetIds: z.array(Id).min(1).max(200).optional(),
});

export const ReportData = z.object({
  /** live: query when the run happens; snapshot: use the data captured by reports.snapshot. */
  mode: z.enum(['live', 'snapshot']).default('live'),
  /** Overrides the dashboard's date range. */
  dateRange: DateRange.optional(),
  /** Added to the dashboard's filters. */
  filters: z.array(Filter).max(32).default([]),
});

const reportFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  content: ReportContent,
  data: ReportData.default({ mode: 'live', filters: [] }),
  templateId: Id.default('builtin:executive-summary'),
  formats: z.array(OutputFormat).min(1).max(4).default(['pdf', 'html']),
  page: PageSetup.default({ size: 'A4', orientation: 'portrait' }),
  branding: Branding.default({ companyName: '', primaryColor: '#1f4e79', accentColor: '#2e86de' }),
  headerText: z.string().max(300).default(''),
  footerText: z.string().max(300).default(''),
  /** The author's commentary, shown where the template has a comments section. */
  comments: z.string().max(20_000).default(''),
  insights: z.boolean().default(true),
  sendRule: SendRule.default({ skipWhenEmpty: true, mode: 'all', conditions: [] }),
  delivery: DeliverySettings.default({
    to: [],
    cc: [],
    bcc: [],
    subject: '{{report.name}}: {{report.period}}',
    body: '',
    attachmentName: "{{report.name}} {{formatDate report.generatedAt 'yyyy-MM-dd'}}",
    attach: ['pdf'],
    linkToFull: true,
    external: { attachments: false, link: false },
  }),
  /** Custom template variables: {{vars.region}}. */
  vars: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/), z.string().max(500)).default({}),
  paused: z.boolean().default(false),
};

export const ReportDraft = z.object(reportFields);
export type ReportDraft = z.input<typeof ReportDraft>;

export const Report = z.object({ id: Id, createdAt: z.string(), updatedAt: z.string(), ...reportFields });
export type Report = z.infer<typeof Report>;

export const SECTION_KINDS = ['text', 'kpis', 'charts', 'tables', 'insights', 'comments', 'widgets'] as const;

/** Which widgets a section shows: all, by kind, or by id/title. */
export const WidgetSelection = z.union([z.enum(['all', 'charts', 'kpis', 'tables']), z.array(z.string().min(1)).min(1)]);

export const TemplateSection = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(SECTION_KINDS),
  title: z.string().max(300).default(''),
  /** Handlebars text (kind 'text', or an introduction above other kinds). */
  body: z.string().max(20_000).default(''),
  widgets: WidgetSelection.default('all'),
  columns: z.number().int().min(1).max(3).default(1),
  /** A Handlebars expression; the section is left out when it is falsy, e.g. "insights.hasAnomaly" or "(gt metric.revenue.changePct 10)". */
  showIf: z.string().max(500).default(''),
  pageBreakBefore: z.boolean().default(false),
  /** Charts: the data table under each chart. */
  withData: z.boolean().default(false),
  /** Insights sections: which insights to list. */
  insights: z.enum(['all', 'notable', 'anomalies']).default('all'),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const ReportTemplate = z.object({
  id: Id,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  builtin: z.boolean().default(false),
  cover: z.object({ enabled: z.boolean().default(true), title: z.string().max(300).default('{{report.name}}'), subtitle: z.string().max(500).default('{{report.period}}'), showLogo: z.boolean().default(true) }).default({ enabled: true, title: '{{report.name}}', subtitle: '{{report.period}}', showLogo: true }),
  toc: z.boolean().default(false),
  sections: z.array(TemplateSection).min(1).max(60),
  appendix: z
    .object({ enabled: z.boolean().default(false), title: z.string().max(300).default('Appendix'), body: z.string().max(20_000).default(''), dataTables: z.boolean().default(true) })
    .default({ enabled: false, title: 'Appendix', body: '', dataTables: true }),
  /** Suggested page setup for new reports using this template. */
  page: PageSetup.optional(),
  /** Extra CSS for the PDF/HTML document (no scripts run while printing). */
  css: z.string().max(20_000).default(''),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;
export type ReportTemplateInput = z.input<typeof ReportTemplate>;

export const RUN_STATUSES = ['scheduled', 'generating', 'sending', 'sent', 'generated', 'skipped', 'failed'] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

export const RUN_TRIGGERS = ['schedule', 'manual', 'retry', 'cli'] as const;
export const RunTrigger = z.enum(RUN_TRIGGERS);
export type RunTrigger = z.infer<typeof RunTrigger>;

export const RunFile = z.object({ format: OutputFormat, name: z.string(), bytes: z.number().int() });
export type RunFile = z.infer<typeof RunFile>;

export const RunRecord = z.object({
  id: z.string(),
  workspaceId: z.string(),
  reportId: z.string(),
  reportName: z.string(),
  scheduleId: z.string().nullable(),
  trigger: RunTrigger,
  status: RunStatus,
  /** Ran after its time (the machine slept or was off); missedCount runs were folded into this one. */
  late: z.boolean(),
  missedCount: z.number().int(),
  scheduledFor: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  attempts: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  nextRetryAt: z.string().nullable(),
  /** Why a run was skipped, or which condition let it through. */
  note: z.string().nullable(),
  generationMs: z.number().nullable(),
  bytes: z.number().int().nullable(),
  files: z.array(RunFile),
  delivered: z.number().int(),
  failed: z.number().int(),
  bounced: z.number().int(),
  pending: z.number().int(),
  opens: z.number().int(),
  clicks: z.number().int(),
});
export type RunRecord = z.infer<typeof RunRecord>;

export const DeliveryStatus = z.enum(['pending', 'sent', 'bounced', 'failed']);
export const DeliveryRecord = z.object({
  id: z.string(),
  runId: z.string(),
  address: z.string(),
  kind: z.enum(['to', 'cc', 'bcc']),
  external: z.boolean(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  error: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: z.string().nullable(),
  opens: z.number().int(),
  clicks: z.number().int(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;

export const TrackingEvent = z.object({ kind: z.enum(['open', 'click', 'download']), at: z.string(), deliveryId: z.string(), url: z.string().nullable() });
export type TrackingEvent = z.infer<typeof TrackingEvent>;

/** Something wrong with a saved report or schedule that the list shows as a flag. */
export const ReportProblem = z.object({ code: z.enum(['DASHBOARD_MISSING', 'WIDGET_MISSING', 'TEMPLATE_MISSING', 'NO_RECIPIENTS', 'SMTP_NOT_CONFIGURED', 'GROUP_MISSING', 'SCHEDULE_ENDED']), message: z.string(), scheduleId: z.string().optional() });
export type ReportProblem = z.infer<typeof ReportProblem>;

/** SMTP settings as stored in Settings; the password lives in the keychain or the vault, never here. */
export const SmtpSettings = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send unless the server upgrades to TLS. */
  requireTLS: z.boolean().default(false),
  user: z.string().max(254).optional(),
  from: EmailAddress,
  fromName: z.string().max(120).default('Universal Dashboard'),
  /** Reply-To for report emails whose report names none (and for the test email). */
  replyTo: EmailAddress.optional(),
  /** Accept a self-signed certificate (a test or internal relay). */
  allowSelfSigned: z.boolean().default(false),
  /** Recipients per message when a report goes to many people without tracking. */
  batchSize: z.number().int().min(1).max(500).default(50),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

/** The tracking server (the sync server's HTTP side) this app signs links for. */
export const TrackingServerSettings = z.object({
  /** Base URL the recipients reach, e.g. https://sync.example.com */
  url: z
    .string()
    .trim()
    .url()
    .refine((u) => /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }),
});
export type TrackingServerSettings = z.infer<typeof TrackingServerSettings>;

/** Per-workspace report settings (local Settings, keyed by workspace). */
export const WorkspaceReportSettings = z.object({
  /** Opens and clicks are tracked only when the workspace turns this on; the email then says so. */
  trackingEnabled: z.boolean().default(false),
  /** Addresses outside these domains count as external recipients. Empty: only recipients marked external are. */
  internalDomains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain like example.com')).max(50).default([]),
});
export type WorkspaceReportSettings = z.infer<typeof WorkspaceReportSettings>;
