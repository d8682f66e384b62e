/**
 * The reports feature as the contract exposes it (handlers are one-liners over this) and as the CLI
 * uses it. Every save is validated here; every change is audited (ids and counts, never addresses)
 * and announced with a 'reports.changed' event.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UdashError } from '../../shared/errors.js';
import type { ReportAnalytics, ReportDetail, ReportPreview, ScheduleInfo } from '../../shared/contract/reports.js';
import type { Dashboard } from '../../shared/model/dashboard.js';
import { newId } from '../../shared/model/ids.js';
import {
  RecipientGroup,
  Report,
  ReportTemplate,
  Schedule,
  type OutputFormat,
  type ReportDraft,
  type ReportProblem,
  type ReportTemplateInput,
  type RunRecord,
  type ScheduleDraft,
  type SmtpSettings,
  type TrackingServerSettings,
  type WorkspaceReportSettings,
} from '../../shared/model/report.js';
import { describeSchedule, recurrenceRule } from '../scheduler/recurrence.js';
import { resolveRecipients } from '../mail/recipients.js';
import { sendWithRetry } from '../mail/send.js';
import { createTransport, type SmtpConnection } from '../mail/transport.js';
import { composeReport } from './compose.js';
import { lazyHolidays } from './lazy-modules.js';
import { evaluateSendRule } from './conditions.js';
import { selectedWidgets } from './data/widget-source.js';
import { chartRendererFor, CONTENT_TYPES, generateReport, safeFileName, standaloneHtml } from './generate.js';
import type { ReportsModule } from './module.js';
import { renderEmail, TRACKING_NOTICE } from './render/email-html.js';
import { BUILTIN_TEMPLATE_IDS } from './templates/builtin.js';
import { validateTemplate } from './templates/validate.js';
import { validateReport, validateSchedule, type ReportChecks } from './validate-report.js';

type TemplateInput = Omit<ReportTemplateInput, 'id' | 'builtin' | 'createdAt' | 'updatedAt'> & { id?: string };
const SCHEDULE_FIELDS = ['label', 'enabled', 'recurrence', 'timezone', 'startDate', 'endDate', 'businessDaysOnly', 'holidays', 'nonBusinessDay'] as const;

export class ReportsApi {
  constructor(private readonly m: ReportsModule) {}

  private nowIso(): string {
    return new Date(this.m.clock.now()).toISOString();
  }

  private core() {
    return this.m.svc.core();
  }

  private ws(workspaceId: string): void {
    this.core().workspaces.get(workspaceId);
  }

  private changed(workspaceId: string, reportId?: string): void {
    this.m.svc.events.emit('reports.changed', { workspaceId, ...(reportId ? { reportId } : {}) });
    this.m.wake();
  }

  private checks(ws: string): ReportChecks {
    return {
      engine: this.m.engine,
      calendars: this.m.calendars,
      dashboard: (id) => {
        try {
          return this.core().dashboards.get(ws, id);
        } catch {
          return undefined;
        }
      },
      templateExists: (id) => !!this.m.findTemplate(ws, id),
      groupExists: (id) => !!this.m.docs.group(ws, id),
    };
  }

  // Reports

  detail(ws: string, r: Report): ReportDetail {
    const problems: ReportProblem[] = [];
    const flags = this.m.runs.flags(ws);
    const dash = this.checks(ws).dashboard(r.content.dashboardId);
    if (!dash) problems.push({ code: 'DASHBOARD_MISSING', message: 'The dashboard of this report was deleted; choose another one. Its schedules will not run until then.' });
    else for (const id of r.content.widgetIds ?? []) if (!dash.widgets.some((w) => w.id === id)) problems.push({ code: 'WIDGET_MISSING', message: `A widget of this report (${id}) was removed from the dashboard.` });
    const template = this.m.findTemplate(ws, r.templateId);
    if (!template) problems.push({ code: 'TEMPLATE_MISSING', message: `The template "${r.templateId}" was deleted; the Executive Summary is used instead.` });
    for (const t of r.delivery.to) if (t.kind === 'group' && !this.m.docs.group(ws, t.groupId)) problems.push({ code: 'GROUP_MISSING', message: `A recipient group of this report (${t.groupId}) was deleted.` });
    const schedules: ScheduleInfo[] = this.m.docs.schedules(ws, r.id).map((s) => {
      let next: Date | null = null;
      let description: string;
      try {
        description = describeSchedule(s);
        next = this.m.nextRunFor(ws, r, s, flags);
      } catch {
        description = 'Invalid schedule';
      }
      if (!r.paused && s.enabled && !flags.has(s.id) && !next) problems.push({ code: 'SCHEDULE_ENDED', message: `The schedule "${s.label || description}" has no more runs.`, scheduleId: s.id });
      return { ...s, nextRunAt: next?.toISOString() ?? null, description, flag: flags.get(s.id) ?? (dash ? null : 'The dashboard of this report was deleted.') };
    });
    if (schedules.length && r.delivery.to.length === 0 && r.delivery.cc.length === 0 && r.delivery.bcc.length === 0) problems.push({ code: 'NO_RECIPIENTS', message: 'Scheduled runs will only keep the files: nobody receives this report.' });
    if (r.delivery.to.length + r.delivery.cc.length + r.delivery.bcc.length > 0 && !this.m.settings.smtp()) problems.push({ code: 'SMTP_NOT_CONFIGURED', message: 'Email is not set up (Settings → Email), so nothing can be sent.' });
    const nexts = schedules.map((s) => s.nextRunAt).filter((x): x is string => !!x).sort();
    const lastRun = this.m.runs.list({ workspaceId: ws, reportId: r.id, limit: 1, offset: 0 })[0] ?? null;
    return { ...r, schedules, nextRunAt: nexts[0] ?? null, lastRun, problems, templateName: template?.name ?? 'Executive Summary' };
  }

  list(ws: string): ReportDetail[] {
    this.ws(ws);
    return this.m.docs.reports(ws).map((r) => this.detail(ws, r));
  }

  get(ws: string, id: string): ReportDetail {
    this.ws(ws);
    return this.detail(ws, this.m.docs.report(ws, id));
  }

  private schedulesFor(ws: string, reportId: string, drafts: ScheduleDraft[], now: string): Schedule[] {
    const existing = new Map(this.m.docs.schedules(ws, reportId).map((s) => [s.id, s]));
    return drafts.map((d, i) => {
      const old = d.id ? existing.get(d.id) : undefined;
      const parsed = Schedule.safeParse({ ...d, id: old?.id ?? newId(), reportId, createdAt: old?.createdAt ?? now, updatedAt: now });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UdashError('BAD_INPUT', `Invalid schedule ${i + 1} at ${issue.path.join('.')}: ${issue.message}`, { field: `schedules.${i}.${issue.path.join('.')}` }, ['schedules', i, ...issue.path.map(String)]);
      }
      const s = parsed.data;
      // Unchanged schedules keep their stamp, so editing a report's name never re-anchors its runs.
      const same = old && SCHEDULE_FIELDS.every((k) => JSON.stringify(old[k]) === JSON.stringify(s[k]));
      const out = same ? { ...s, updatedAt: old.updatedAt } : s;
      validateSchedule(this.checks(ws), out, i);
      return out;
    });
  }

  create(ws: string, draft: ReportDraft, drafts: ScheduleDraft[]): ReportDetail {
    this.ws(ws);
    const now = this.nowIso();
    const report = Report.parse({ ...draft, id: newId(), createdAt: now, updatedAt: now });
    validateReport(this.checks(ws), report);
    const schedules = this.schedulesFor(ws, report.id, drafts, now);
    this.m.docs.save(ws, report, schedules);
    this.core().audit.record({ actor: 'local', action: 'report.create', objectType: 'report', objectId: report.id, workspaceId: ws, details: { schedules: schedules.length, recipients: report.delivery.to.length + report.delivery.cc.length + report.delivery.bcc.length } });
    this.changed(ws, report.id);
    return this.detail(ws, report);
  }

  update(ws: string, id: string, patch: Partial<ReportDraft>, drafts?: ScheduleDraft[]): ReportDetail {
    this.ws(ws);
    const current = this.m.docs.report(ws, id);
    const now = this.nowIso();
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const report = Report.parse({ ...current, ...clean, id, createdAt: current.createdAt, updatedAt: now });
    validateReport(this.checks(ws), report);
    const schedules = drafts ? this.schedulesFor(ws, id, drafts, now) : undefined;
    this.m.docs.save(ws, report, schedules);
    // A report pointing at a dashboard again: its schedules may run again.
    for (const s of this.m.docs.schedules(ws, id)) this.m.runs.flag(ws, s.id, null);
    this.core().audit.record({ actor: 'local', action: 'report.update', objectType: 'report', objectId: id, workspaceId: ws, details: { fields: Object.keys(clean), schedules: schedules?.length } });
    this.changed(ws, id);
    return this.detail(ws, report);
  }

  pause(ws: string, id: string, paused: boolean): ReportDetail {
    this.ws(ws);
    this.m.docs.setPaused(ws, id, paused, this.nowIso());
    this.core().audit.record({ actor: 'local', action: paused ? 'report.pause' : 'report.resume', objectType: 'report', objectId: id, workspaceId: ws });
    this.changed(ws, id);
    return this.get(ws, id);
  }

  delete(ws: string, id: string): void {
    this.ws(ws);
    this.m.docs.delete(ws, id);
    this.core().audit.record({ actor: 'local', action: 'report.delete', objectType: 'report', objectId: id, workspaceId: ws });
    this.changed(ws, id);
  }

  async runNow(ws: string, id: string, send: boolean): Promise<RunRecord> {
    this.ws(ws);
    const report = this.m.docs.report(ws, id);
    const runId = this.m.runs.create({ workspaceId: ws, reportId: id, reportName: report.name, trigger: 'manual', scheduledFor: this.nowIso() }, new Date(this.m.clock.now()));
    this.core().audit.record({ actor: 'local', action: 'report.run', objectType: 'report', objectId: id, workspaceId: ws, details: { runId, send } });
    return (await this.m.runner.execute(runId, { applyConditions: false, noSend: !send }))!;
  }

  async preview(ws: string, draft: ReportDraft, formats: OutputFormat[], templateInput?: TemplateInput): Promise<ReportPreview> {
    this.ws(ws);
    const now = this.nowIso();
    // An unsaved custom template (validated like a save) lays the preview out in place of the report's own.
    const custom = templateInput ? this.parseTemplate(ws, templateInput) : undefined;
    const report = Report.parse({ ...draft, ...(custom ? { templateId: custom.id } : {}), id: `preview-${newId()}`, createdAt: now, updatedAt: now });
    const checks = this.checks(ws);
    validateReport(custom ? { ...checks, templateExists: (id) => id === custom.id || checks.templateExists(id) } : checks, report);
    const template = (w: string, t: string) => (custom && t === custom.id ? custom : this.m.template(w, t));
    const { model, ctx } = await composeReport({ svc: this.m.svc, runs: this.m.runs, engine: this.m.engine, template }, ws, report, new Date(this.m.clock.now()));
    const verdict = evaluateSendRule(report.sendRule, model);
    const charts = chartRendererFor(model);
    const fileBase = safeFileName(this.m.engine.render(report.delivery.attachmentName, ctx));
    const files: ReportPreview['files'] = [];
    if (formats.length) {
      const out = await generateReport(model, { formats, fileBase, printer: this.m.printer(), maxBytes: this.m.limits.maxBytes, charts, signal: AbortSignal.timeout(this.m.limits.timeoutMs) });
      fs.mkdirSync(this.m.svc.paths.exports, { recursive: true });
      const dir = fs.mkdtempSync(path.join(this.m.svc.paths.exports, 'preview-'));
      for (const f of out.files) {
        const p = path.join(dir, f.name);
        fs.writeFileSync(p, f.content);
        files.push({ format: f.format, name: f.name, bytes: f.content.length, downloadId: this.m.svc.downloads.register(p, f.name, f.contentType).id });
      }
    }
    const server = this.m.settings.trackingServerSettings();
    const settings = this.m.settings.workspace(ws);
    const attachments = report.delivery.attach.filter((f) => report.formats.includes(f)).map((f) => `${fileBase}.${f}`);
    const email = await renderEmail(model, charts, {
      intro: this.m.engine.render(report.delivery.body, ctx),
      imageMode: 'cid',
      ...(server && report.delivery.linkToFull ? { fullReportUrl: `${server.url.replace(/\/+$/, '')}/t/f/(signed link, valid 7 days)` } : {}),
      trackingNotice: settings.trackingEnabled && !!server,
      attachments,
    });
    const recipients = resolveRecipients(report.delivery, await this.m.directory(ws), settings.internalDomains);
    return {
      subject: this.m.engine.render(report.delivery.subject, ctx).replace(/\s+/g, ' ').trim() || report.name,
      html: standaloneHtml(email),
      text: email.text,
      recipients: recipients.list.map((r) => ({ address: r.address, kind: r.kind, external: r.external })),
      recipientProblems: recipients.problems,
      condition: verdict,
      attachments,
      files,
      insights: model.insights.map((i) => ({ text: i.text, severity: i.severity })),
      metrics: Object.keys(model.metrics),
      period: model.report.period,
    };
  }

  nextRuns(draft: ScheduleDraft, count: number, after?: string): { runs: string[]; description: string } {
    const now = this.nowIso();
    const parsed = Schedule.parse({ ...draft, id: 'draft', reportId: 'draft', createdAt: now, updatedAt: now });
    validateSchedule(this.checks(''), parsed, 0);
    const rule = recurrenceRule(parsed, this.m.calendars);
    return { runs: rule.upcoming(new Date(after ?? now), count).map((d) => d.toISOString()), description: describeSchedule(parsed) };
  }

  /** Countries (and one country's regions) date-holidays knows, by name, for the schedule editor's picker. */
  holidayCalendars(country?: string): { countries: { code: string; name: string }[]; regions: { code: string; name: string }[] } {
    const hd = new (lazyHolidays())();
    const list = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
    return { countries: list(hd.getCountries('en')), regions: country ? list(hd.getStates(country.toUpperCase(), 'en')) : [] };
  }

  // History

  history(ws: string, reportId: string | undefined, limit: number, offset: number): RunRecord[] {
    this.ws(ws);
    return this.m.runs.list({ workspaceId: ws, ...(reportId ? { reportId } : {}), limit, offset });
  }

  private run(ws: string, runId: string): RunRecord {
    const run = this.m.runs.get(runId);
    if (!run || run.workspaceId !== ws) throw new UdashError('NOT_FOUND', `No report run with id "${runId}" in this workspace`, { field: 'runId' });
    return run;
  }

  runDetail(ws: string, runId: string) {
    const run = this.run(ws, runId);
    return { run, deliveries: this.m.runs.deliveries(runId), events: this.m.runs.trackingEvents(runId) };
  }

  async retry(ws: string, runId: string): Promise<RunRecord> {
    const run = this.run(ws, runId);
    if (run.status !== 'failed' && run.status !== 'scheduled') throw new UdashError('CONFLICT', `This run is ${run.status}; only failed or waiting runs can be retried`, { field: 'runId' });
    return (await this.m.runner.execute(runId, { applyConditions: run.trigger === 'schedule' }))!;
  }

  download(ws: string, runId: string, format: OutputFormat): { downloadId: string; fileName: string; bytes: number } {
    const run = this.run(ws, runId);
    const file = run.files.find((f) => f.format === format);
    const dir = this.m.runs.internals(runId).outputDir;
    const p = file && dir ? path.join(dir, file.name) : null;
    if (!file || !p || !fs.existsSync(p)) throw new UdashError('NOT_FOUND', `This run has no ${format.toUpperCase()} file (any more: run files are kept for 30 days)`, { field: 'format' });
    const d = this.m.svc.downloads.register(p, file.name, CONTENT_TYPES[format]);
    return { downloadId: d.id, fileName: file.name, bytes: file.bytes };
  }

  async snapshot(ws: string, reportId: string): Promise<{ takenAt: string; widgets: number }> {
    this.ws(ws);
    const report = this.m.docs.report(ws, reportId);
    const dash = await this.m.svc.dispatcher.call('dashboards.get', { workspaceId: ws, dashboardId: report.content.dashboardId });
    const now = new Date(this.m.clock.now());
    let n = 0;
    for (const w of selectedWidgets(dash, report)) {
      const result = await this.m.svc.dispatcher.call('widgets.data', { workspaceId: ws, dashboardId: dash.id, widgetId: w.id });
      this.m.runs.saveSnapshot(ws, reportId, w.id, result, now);
      n++;
    }
    this.core().audit.record({ actor: 'local', action: 'report.snapshot', objectType: 'report', objectId: reportId, workspaceId: ws, details: { widgets: n } });
    return { takenAt: now.toISOString(), widgets: n };
  }

  analytics(ws: string, days: number): ReportAnalytics {
    this.ws(ws);
    const since = new Date(this.m.clock.now() - days * 24 * 3600_000).toISOString();
    const a = this.m.runs.analytics(ws, since);
    const finished = a.sent + a.failed;
    return {
      since,
      runs: a.runs,
      sent: a.sent,
      failed: a.failed,
      skipped: a.skipped,
      successRate: finished ? a.sent / finished : null,
      avgGenerationMs: a.avgGenerationMs,
      deliveries: a.deliveries,
      delivered: a.delivered,
      bounced: a.bounced,
      opens: a.opens,
      uniqueOpens: a.uniqueOpens,
      clicks: a.clicks,
      openRate: a.delivered ? a.uniqueOpens / a.delivered : null,
      clickRate: a.delivered ? a.clicks / a.delivered : null,
      mostPopular: a.byReport,
    };
  }

  // Templates and groups

  templates(ws: string): ReportTemplate[] {
    this.ws(ws);
    return [...this.m.builtins, ...this.m.docs.templates(ws)];
  }

  private parseTemplate(ws: string, input: TemplateInput): ReportTemplate {
    if (input.id && (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(input.id)) throw new UdashError('CONFLICT', 'Built-in templates cannot be changed; save a copy under a new name', { field: 'template.id' });
    const now = this.nowIso();
    const old = input.id ? this.m.docs.template(ws, input.id) : undefined;
    const t = ReportTemplate.parse({ ...input, id: input.id ?? `custom-${newId()}`, builtin: false, createdAt: old?.createdAt ?? now, updatedAt: now });
    validateTemplate(this.m.engine, t);
    return t;
  }

  validateTemplate(ws: string, input: TemplateInput): void {
    this.ws(ws);
    this.parseTemplate(ws, input);
  }

  saveTemplate(ws: string, input: TemplateInput): ReportTemplate {
    this.ws(ws);
    const t = this.parseTemplate(ws, input);
    this.m.docs.saveTemplate(ws, t);
    this.core().audit.record({ actor: 'local', action: 'reportTemplate.save', objectType: 'reportTemplate', objectId: t.id, workspaceId: ws, details: { sections: t.sections.length } });
    this.changed(ws);
    return t;
  }

  deleteTemplate(ws: string, id: string): void {
    this.ws(ws);
    if ((BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id)) throw new UdashError('CONFLICT', 'Built-in templates cannot be deleted', { field: 'templateId' });
    const users = this.m.docs.reports(ws).filter((r) => r.templateId === id);
    if (users.length) throw new UdashError('CONFLICT', `The template is used by ${users.map((r) => `"${r.name}"`).join(', ')}; choose another template for them first`, { field: 'templateId' });
    if (!this.m.docs.deleteTemplate(ws, id)) throw new UdashError('NOT_FOUND', `No template with id "${id}"`, { field: 'templateId' });
    this.core().audit.record({ actor: 'local', action: 'reportTemplate.delete', objectType: 'reportTemplate', objectId: id, workspaceId: ws });
    this.changed(ws);
  }

  groups(ws: string): RecipientGroup[] {
    this.ws(ws);
    return this.m.docs.groups(ws);
  }

  saveGroup(ws: string, input: { id?: string; name: string; members: RecipientGroup['members'] }): RecipientGroup {
    this.ws(ws);
    const now = this.nowIso();
    const old = input.id ? this.m.docs.group(ws, input.id) : undefined;
    const g = RecipientGroup.parse({ ...input, id: old?.id ?? input.id ?? newId(), createdAt: old?.createdAt ?? now, updatedAt: now });
    this.m.docs.saveGroup(ws, g);
    this.core().audit.record({ actor: 'local', action: 'recipientGroup.save', objectType: 'recipientGroup', objectId: g.id, workspaceId: ws, details: { members: g.members.length } });
    this.changed(ws);
    return g;
  }

  deleteGroup(ws: string, id: string): void {
    this.ws(ws);
    const users = this.m.docs.reports(ws).filter((r) => r.delivery.to.some((t) => t.kind === 'group' && t.groupId === id));
    if (users.length) throw new UdashError('CONFLICT', `The group is a recipient of ${users.map((r) => `"${r.name}"`).join(', ')}; remove it there first`, { field: 'groupId' });
    if (!this.m.docs.deleteGroup(ws, id)) throw new UdashError('NOT_FOUND', `No recipient group with id "${id}"`, { field: 'groupId' });
    this.changed(ws);
  }

  // Settings

  mailSettings(): { smtp: SmtpSettings | null; hasPassword: boolean; secretsLocation: string } {
    let location = 'unavailable';
    try {
      location = this.m.secrets().location;
    } catch {
      // Reported as unavailable.
    }
    return { smtp: this.m.settings.smtp(), hasPassword: this.m.settings.hasSmtpPassword(), secretsLocation: location };
  }

  setMailSettings(smtp: SmtpSettings, password: string | null | undefined): ReturnType<ReportsApi['mailSettings']> {
    this.m.settings.setSmtp(smtp, password);
    this.core().audit.record({ actor: 'local', action: 'mail.settings', details: { host: smtp.host, port: smtp.port, password: password === undefined ? 'unchanged' : password === null ? 'removed' : 'set' } });
    return this.mailSettings();
  }

  async testMail(to: string, smtp?: SmtpConnection): Promise<{ messageId: string | null }> {
    const conn = smtp ?? this.m.settings.smtpConnection();
    if (!conn) throw new UdashError('UNAVAILABLE', 'Email is not set up: enter the SMTP server first.');
    const transport = createTransport(conn);
    try {
      const out = await sendWithRetry(transport, { from: { name: conn.settings.fromName, address: conn.settings.from }, to, ...(conn.settings.replyTo ? { replyTo: conn.settings.replyTo } : {}), subject: 'Universal Dashboard: test email', text: 'This is a test email from Universal Dashboard. Email delivery works.' }, { attempts: 1, baseDelayMs: 0 });
      if (out.rejected.length) throw new UdashError('BAD_INPUT', `The SMTP server refused ${to}: ${out.rejected[0]!.reason}`, { field: 'to' });
      return { messageId: out.messageId };
    } catch (e) {
      if (e instanceof UdashError) throw e;
      throw new UdashError('UNAVAILABLE', `The test email was not sent: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      transport.close();
    }
  }

  reportSettings(ws: string): { workspace: WorkspaceReportSettings; trackingServer: TrackingServerSettings | null; hasTrackingKey: boolean; trackingNotice: string } {
    this.ws(ws);
    let hasKey = false;
    try {
      hasKey = !!this.m.settings.trackingServer();
    } catch {
      // No secret store: no key.
    }
    return { workspace: this.m.settings.workspace(ws), trackingServer: this.m.settings.trackingServerSettings(), hasTrackingKey: hasKey, trackingNotice: TRACKING_NOTICE };
  }

  setReportSettings(ws: string, change: { workspace?: Partial<WorkspaceReportSettings>; trackingServer?: TrackingServerSettings | null; trackingKey?: string }): ReturnType<ReportsApi['reportSettings']> {
    this.ws(ws);
    if (change.workspace) this.m.settings.setWorkspace(ws, { ...this.m.settings.workspace(ws), ...change.workspace });
    if (change.trackingServer !== undefined || change.trackingKey) this.m.settings.setTrackingServer(change.trackingServer === undefined ? this.m.settings.trackingServerSettings() : change.trackingServer, change.trackingKey);
    this.core().audit.record({ actor: 'local', action: 'reports.settings', workspaceId: ws, details: { tracking: change.workspace?.trackingEnabled, server: change.trackingServer === undefined ? 'unchanged' : change.trackingServer ? 'set' : 'removed' } });
    return this.reportSettings(ws);
  }

  // CLI

  /** An unsaved report of a whole dashboard, for `udash report … --dashboard`. */
  adHocReport(dashboard: Dashboard, templateId: string, formats: OutputFormat[]): Report {
    const now = this.nowIso();
    return Report.parse({
      id: `adhoc-${newId()}`,
      name: dashboard.name,
      createdAt: now,
      updatedAt: now,
      content: { dashboardId: dashboard.id },
      templateId,
      formats,
      delivery: { attach: formats.filter((f): f is 'pdf' | 'xlsx' | 'pptx' => f !== 'html') },
    });
  }

  /** Writes the report's files to a folder (not recorded as a run). */
  async generateToDir(ws: string, report: Report, formats: OutputFormat[], outDir: string): Promise<{ format: OutputFormat; path: string; bytes: number }[]> {
    const release = await this.m.gateAcquire();
    try {
      const { model, ctx } = await composeReport({ svc: this.m.svc, runs: this.m.runs, engine: this.m.engine, template: (w, t) => this.m.template(w, t) }, ws, report, new Date(this.m.clock.now()));
      const fileBase = safeFileName(this.m.engine.render(report.delivery.attachmentName, ctx));
      const out = await generateReport(model, { formats, fileBase, printer: this.m.printer(), maxBytes: this.m.limits.maxBytes, signal: AbortSignal.timeout(this.m.limits.timeoutMs) });
      fs.mkdirSync(outDir, { recursive: true });
      return out.files.map((f) => {
        const p = path.resolve(outDir, f.name);
        fs.writeFileSync(p, f.content);
        return { format: f.format, path: p, bytes: f.content.length };
      });
    } finally {
      release();
    }
  }

  /** Generates and sends now to the given addresses, or to the report's own recipients when none are given (recorded as a run). */
  async sendNow(ws: string, report: Report, to: string[], smtp?: SmtpConnection): Promise<RunRecord> {
    const runId = this.m.runs.create({ workspaceId: ws, reportId: report.id, reportName: report.name, trigger: 'cli', scheduledFor: this.nowIso(), recipientsOverride: to.length ? to : null }, new Date(this.m.clock.now()));
    // The report as given (the CLI may change formats and attachments); such runs end with their process, without retries.
    return (await this.m.runner.execute(runId, { applyConditions: false, report, ...(smtp ? { smtp } : {}) }))!;
  }
}
