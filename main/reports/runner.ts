/**
 * Runs one report run (a row in report_runs) to its end: limits, data, conditional send, files,
 * delivery, and the record of every step. A run that cannot finish now (SMTP unreachable, Chromium
 * missing, the hourly limit reached) keeps its state and gets a next attempt time with exponential
 * backoff; the scheduler's tick picks it up again, so nothing is lost. A run that can never succeed
 * (its report or dashboard deleted, the report over the size limit) fails for good with the reason.
 */
import path from 'node:path';
import { isUdashError, UdashError } from '../../shared/errors.js';
import type { Report, RunRecord, RunStatus } from '../../shared/model/report.js';
import type { Services } from '../services.js';
import type { Clock } from '../scheduler/clock.js';
import { resolveRecipients, type RecipientDirectory, type ResolvedRecipient } from '../mail/recipients.js';
import { createTransport, type SmtpConnection } from '../mail/transport.js';
import type { RetryPolicy } from '../mail/send.js';
import { composeReport, type ComposeDeps } from './compose.js';
import { evaluateSendRule } from './conditions.js';
import { deliver } from './delivery/deliver.js';
import type { Gate } from './gate.js';
import { chartRendererFor, generateReport, safeFileName } from './generate.js';
import { retryDelayMs, type ReportLimits } from './limits.js';
import type { PdfPrinter } from './pdf/printer.js';
import { renderEmail } from './render/email-html.js';
import type { ReportSettings } from './report-settings.js';
import { loadArtifacts, saveArtifacts, type RunArtifacts } from './run-artifacts.js';
import type { ReportDocs } from './store/report-docs.js';
import { TrackingClient } from './tracking/tracking-client.js';

export interface RunnerDeps extends ComposeDeps {
  svc: Services;
  docs: ReportDocs;
  settings: ReportSettings;
  printer(): PdfPrinter;
  limits: ReportLimits;
  gate: Gate;
  clock: Clock;
  mailRetry?: RetryPolicy;
  directory(ws: string): Promise<RecipientDirectory>;
  outputRoot: string;
}

export interface ExecuteOptions {
  /** The report as the caller has it (CLI: unsaved, or with other formats); such runs are not retried later. */
  report?: Report;
  /** SMTP for this run only (CLI --smtp). */
  smtp?: SmtpConnection;
  /** Apply the send conditions (scheduled runs); "run now" sends regardless. */
  applyConditions?: boolean;
  /** Generate only; do not send. */
  noSend?: boolean;
}

/** A run's existing note (late, condition) followed by a new one. */
function withNote(run: RunRecord, text: string): string {
  return run.note && !run.note.includes(text) ? `${run.note} ${text}` : text;
}

/** Errors after which a retry cannot help. */
function permanent(e: unknown): boolean {
  return isUdashError(e) && (e.code === 'LIMIT' || e.code === 'NOT_FOUND' || e.code === 'BAD_INPUT' || e.code === 'BAD_DATA');
}

function describe(e: unknown, limits: ReportLimits): { code: string; message: string } {
  if (isUdashError(e)) return { code: e.code, message: e.message };
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { code: 'TIMEOUT', message: `Generating the report took longer than ${limits.timeoutMs >= 60_000 ? `${Math.round(limits.timeoutMs / 60_000)} minutes` : `${+(limits.timeoutMs / 1000).toFixed(3)} seconds`} and was stopped; try fewer widgets or a shorter date range.` };
  return { code: 'INTERNAL', message: 'The report could not be generated because of an internal error; the details are in the log.' };
}

export class ReportRunner {
  private readonly inFlight = new Map<string, Promise<RunRecord | undefined>>();

  constructor(private readonly d: RunnerDeps) {}

  isRunning(runId: string): boolean {
    return this.inFlight.has(runId);
  }

  /** Runs (or joins the ongoing execution of) a run. */
  execute(runId: string, opts: ExecuteOptions = {}): Promise<RunRecord | undefined> {
    let p = this.inFlight.get(runId);
    if (!p) {
      p = this.run(runId, opts).finally(() => this.inFlight.delete(runId));
      this.inFlight.set(runId, p);
    }
    return p;
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight.values()]);
  }

  private now(): Date {
    return new Date(this.d.clock.now());
  }

  private emit(run: { workspaceId: string; reportId: string; id: string }, status: RunStatus): void {
    this.d.svc.events.emit('reports.changed', { workspaceId: run.workspaceId, reportId: run.reportId, runId: run.id, status });
  }

  private async run(runId: string, opts: ExecuteOptions): Promise<RunRecord | undefined> {
    const { runs } = this.d;
    const run = runs.get(runId);
    if (!run || run.status === 'sent' || run.status === 'generated' || run.status === 'skipped') return run;
    const ws = run.workspaceId;
    let report: Report;
    try {
      report = opts.report ?? this.d.docs.report(ws, run.reportId);
    } catch {
      runs.setStatus(runId, 'failed', { error: { code: 'NOT_FOUND', message: 'The report was deleted before this run could happen.' }, finished: true }, this.now());
      this.emit(run, 'failed');
      return runs.get(runId);
    }
    const internals = runs.internals(runId);
    const previous = internals.outputDir ? loadArtifacts(internals.outputDir) : null;
    const nowMs = this.d.clock.now();
    if (!previous) {
      const recent = runs.generationsSince(ws, nowMs - 3600_000);
      if (recent.length >= this.d.limits.perHour) {
        const freeAt = recent[recent.length - this.d.limits.perHour]! + 3600_000;
        runs.setStatus(runId, 'scheduled', { note: `Waiting: at most ${this.d.limits.perHour} reports are generated per hour in a workspace.`, nextRetryAt: new Date(freeAt).toISOString() }, this.now());
        this.emit(run, 'scheduled');
        return runs.get(runId);
      }
    }
    const release = await this.d.gate.acquire();
    const signal = AbortSignal.timeout(this.d.limits.timeoutMs);
    try {
      runs.beginAttempt(runId, this.now());
      this.emit(run, 'generating');
      let artifacts = previous;
      let recipients: ResolvedRecipient[] = [];
      let recipientNote: string | null = null;
      if (internals.recipientsOverride?.length) recipients = internals.recipientsOverride.map((address) => ({ address, kind: 'to' as const, external: false }));
      else if (!opts.noSend) {
        const r = resolveRecipients(report.delivery, await this.d.directory(ws), this.d.settings.workspace(ws).internalDomains);
        recipients = r.list;
        if (r.problems.length) recipientNote = r.problems.join('; ');
      }
      if (!artifacts) {
        runs.recordGeneration(ws, runId, nowMs);
        const started = performance.now();
        const { model, ctx } = await composeReport(this.d, ws, report, this.now());
        if (opts.applyConditions) {
          const verdict = evaluateSendRule(report.sendRule, model);
          if (!verdict.pass) {
            runs.setStatus(runId, 'skipped', { note: withNote(run, `Not sent: ${verdict.reason}.`), finished: true }, this.now());
            this.emit(run, 'skipped');
            return runs.get(runId);
          }
          if (report.sendRule.conditions.length) runs.setStatus(runId, 'generating', { note: withNote(run, `Sent because ${verdict.reason}.`) }, this.now());
        }
        const fileBase = safeFileName(this.d.engine.render(report.delivery.attachmentName, ctx));
        const charts = chartRendererFor(model);
        const out = await generateReport(model, { formats: report.formats, fileBase, printer: this.d.printer(), maxBytes: this.d.limits.maxBytes, signal, charts });
        let email = null;
        if (recipients.length) {
          const tracking = this.trackingClient(ws);
          const attached = out.files.filter((f) => (report.delivery.attach as string[]).includes(f.format));
          let fullReportUrl: string | undefined;
          const server = this.d.settings.trackingServer();
          const linkTarget = out.files.find((f) => f.format === 'pdf') ?? out.files.find((f) => f.format !== 'html');
          if (server && report.delivery.linkToFull && linkTarget) {
            const client = tracking ?? new TrackingClient(server, () => this.d.clock.now());
            const key = await client.upload(ws, runId, linkTarget, signal);
            fullReportUrl = client.fileUrl(ws, runId, key);
          }
          email = await renderEmail(model, charts, {
            intro: this.d.engine.render(report.delivery.body, ctx),
            imageMode: 'cid',
            ...(fullReportUrl ? { fullReportUrl } : {}),
            trackingNotice: !!tracking,
            attachments: attached.map((f) => f.name),
          });
        }
        artifacts = { files: out.files, email, subject: this.d.engine.render(report.delivery.subject, ctx).replace(/\s+/g, ' ').trim() || report.name };
        const dir = path.join(this.d.outputRoot, runId);
        saveArtifacts(dir, artifacts);
        runs.setOutput(runId, { files: out.files.map((f) => ({ format: f.format, name: f.name, bytes: f.content.length })), bytes: out.totalBytes, generationMs: performance.now() - started, outputDir: dir });
      }
      if (opts.noSend || recipients.length === 0) {
        runs.setStatus(runId, 'generated', { note: withNote(runs.get(runId)!, recipientNote ?? (opts.noSend ? 'Generated without sending.' : 'No recipients: the files are in the history.')), finished: true }, this.now());
        this.emit(run, 'generated');
        return runs.get(runId);
      }
      return await this.send(run, report, artifacts, recipients, opts, signal);
    } catch (e) {
      return this.fail(run, e, !!opts.report);
    } finally {
      release();
    }
  }

  private trackingClient(ws: string): TrackingClient | null {
    if (!this.d.settings.workspace(ws).trackingEnabled) return null;
    const server = this.d.settings.trackingServer();
    return server ? new TrackingClient(server, () => this.d.clock.now()) : null;
  }

  private async send(run: RunRecord, report: Report, a: RunArtifacts, recipients: ResolvedRecipient[], opts: ExecuteOptions, signal: AbortSignal): Promise<RunRecord | undefined> {
    const { runs } = this.d;
    runs.addDeliveries(run.id, recipients.map((r) => ({ address: r.address, kind: r.kind, external: r.external })));
    const smtp = opts.smtp ?? this.d.settings.smtpConnection();
    if (!smtp) throw new UdashError('UNAVAILABLE', 'Email is not set up: enter the SMTP server in Settings → Email, then retry this run.');
    if (!a.email) throw new UdashError('INTERNAL', 'The email of this run is missing; generate the report again.');
    runs.setStatus(run.id, 'sending', {}, this.now());
    this.emit(run, 'sending');
    const transport = createTransport(smtp);
    try {
      const summary = await deliver({
        runs,
        runId: run.id,
        workspaceId: run.workspaceId,
        transport,
        smtp: smtp.settings,
        subject: a.subject,
        email: a.email,
        attachments: a.files.filter((f) => (report.delivery.attach as string[]).includes(f.format)),
        ...(report.delivery.replyTo || smtp.settings.replyTo ? { replyTo: (report.delivery.replyTo ?? smtp.settings.replyTo)! } : {}),
        toHeader: recipients.filter((r) => r.kind === 'to').map((r) => r.address),
        ccHeader: recipients.filter((r) => r.kind === 'cc').map((r) => r.address),
        external: report.delivery.external,
        ...(this.trackingClient(run.workspaceId) ? { tracking: this.trackingClient(run.workspaceId)! } : {}),
        ...(this.d.mailRetry ? { retry: this.d.mailRetry } : {}),
        signal,
      });
      if (summary.pending > 0 && summary.transientError) throw new UdashError('UNAVAILABLE', `Not delivered to ${summary.pending} recipient(s): ${summary.transientError.message}.`, { pending: summary.pending });
      const note = [summary.bounced ? `${summary.bounced} recipient(s) bounced` : '', summary.failed ? `${summary.failed} failed` : ''].filter(Boolean).join(', ');
      const status: RunStatus = summary.sent > 0 || (summary.bounced === 0 && summary.failed === 0) ? 'sent' : 'failed';
      runs.setStatus(run.id, status, { ...(note ? { note: withNote(runs.get(run.id)!, `${note}.`) } : {}), ...(status === 'failed' ? { error: { code: 'UNAVAILABLE', message: 'No recipient accepted the email.' } } : { error: null }), finished: true }, this.now());
      this.emit(run, status);
      return runs.get(run.id);
    } finally {
      transport.close();
    }
  }

  private fail(run: RunRecord, e: unknown, adHoc: boolean): RunRecord | undefined {
    const { runs, limits } = this.d;
    const error = describe(e, limits);
    if (error.code === 'INTERNAL') this.d.svc.log.error(`Report run ${run.id} failed`, e);
    else this.d.svc.log.warn(`Report run ${run.id} failed: ${error.code} ${error.message}`);
    const current = runs.get(run.id);
    const attempts = current?.attempts ?? 1;
    const retry = !adHoc && !permanent(e) && attempts < limits.maxAttempts;
    const nextRetryAt = retry ? new Date(this.d.clock.now() + retryDelayMs(limits, attempts)).toISOString() : null;
    if (isUdashError(e) && e.code === 'NOT_FOUND' && e.details.dashboardMissing && run.scheduleId) {
      for (const s of this.d.docs.schedules(run.workspaceId, run.reportId)) runs.flag(run.workspaceId, s.id, 'The dashboard of this report was deleted; choose another dashboard to resume.');
    }
    if (!retry) for (const dlv of runs.deliveries(run.id)) if (dlv.status === 'pending') runs.markDelivery(dlv.id, 'failed', { error: error.message });
    runs.setStatus(run.id, 'failed', { error, nextRetryAt, finished: !retry, note: retry ? `Attempt ${attempts} of ${limits.maxAttempts} failed; retrying at ${nextRetryAt}.` : null }, this.now());
    this.emit(run, 'failed');
    this.d.svc.platform.notify?.(`Report "${run.reportName}" failed`, error.message);
    return runs.get(run.id);
  }
}
