/**
 * Composition of the reports feature for one Services instance: repositories bound to the open store,
 * the template engine and built-in templates, the secret store, the PDF printer (Electron's when the
 * platform offers one, else headless Chromium, launched once per process), the run gate and limits,
 * the runner and the scheduler.
 *
 * The scheduler does not start by itself: long-lived hosts (the desktop app, `udash serve`) call
 * startReportScheduler(svc); one-shot CLI commands never fire schedules.
 */
import path from 'node:path';
import type { Report, ReportTemplate, Schedule } from '../../shared/model/report.js';
import { EmailAddress } from '../../shared/model/report.js';
import type { Core, Services } from '../services.js';
import { systemClock, type Clock } from '../scheduler/clock.js';
import { HolidayCalendars } from '../scheduler/holidays.js';
import { recurrenceRule, type RecurrenceRule } from '../scheduler/recurrence.js';
import { Scheduler, type ScheduledJob } from '../scheduler/scheduler.js';
import type { RecipientDirectory } from '../mail/recipients.js';
import type { RetryPolicy } from '../mail/send.js';
import { createSecretStore, type SecretStore } from '../vault/secrets.js';
import { Gate } from './gate.js';
import { DEFAULT_LIMITS, type ReportLimits } from './limits.js';
import { ChromiumPrinter } from './pdf/chromium-printer.js';
import type { PdfCapablePlatform, PdfPrinter } from './pdf/printer.js';
import { ReportSettings } from './report-settings.js';
import { pruneArtifacts } from './run-artifacts.js';
import { ReportRunner, type RunnerDeps } from './runner.js';
import { ReportDocs } from './store/report-docs.js';
import { RunsRepo } from './store/runs-repo.js';
import { BUILTIN_TEMPLATE_IDS, DEFAULT_TEMPLATE_ID, loadBuiltinTemplates } from './templates/builtin.js';
import { TemplateEngine } from './templates/handlebars.js';
import { TrackingClient } from './tracking/tracking-client.js';

export interface ReportsOptions {
  clock?: Clock;
  limits?: Partial<ReportLimits>;
  printer?: PdfPrinter;
  secrets?: SecretStore;
  mailRetry?: RetryPolicy;
  /** How often opens and clicks are pulled while the scheduler runs. */
  trackingPullMs?: number;
  /** How long run files are kept. */
  keepFilesMs?: number;
}

interface Bound {
  core: Core;
  runs: RunsRepo;
  docs: ReportDocs;
  settings: ReportSettings;
}

export class ReportsModule {
  readonly clock: Clock;
  readonly limits: ReportLimits;
  readonly engine = new TemplateEngine();
  readonly calendars = new HolidayCalendars();
  readonly builtins: ReportTemplate[];
  readonly runner: ReportRunner;
  private readonly gate: Gate;
  private bound: Bound | null = null;
  private secretStore: SecretStore | null;
  private pdf: PdfPrinter | null;
  private scheduler: Scheduler | null = null;
  private readonly rules = new Map<string, { stamp: string; rule: RecurrenceRule }>();
  private lastPull = 0;
  private lastPrune = 0;
  private offDocChanged: (() => void) | null = null;
  /** Runs fired but not handed to the runner yet. */
  private readonly starting = new Set<Promise<void>>();

  constructor(
    readonly svc: Services,
    private readonly opts: ReportsOptions = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.gate = new Gate(this.limits.maxConcurrent);
    this.builtins = loadBuiltinTemplates();
    this.secretStore = opts.secrets ?? null;
    this.pdf = opts.printer ?? null;
    const base = {
      svc,
      engine: this.engine,
      template: (ws: string, id: string) => this.template(ws, id),
      printer: () => this.printer(),
      limits: this.limits,
      gate: this.gate,
      clock: this.clock,
      ...(opts.mailRetry ? { mailRetry: opts.mailRetry } : {}),
      directory: (ws: string) => this.directory(ws),
      outputRoot: path.join(svc.paths.home, 'reports'),
    };
    // The repositories follow the open store (they are rebuilt after a recovery), hence getters.
    const deps = Object.defineProperties(base, {
      runs: { get: () => this.b().runs, enumerable: true },
      docs: { get: () => this.b().docs, enumerable: true },
      settings: { get: () => this.b().settings, enumerable: true },
    }) as RunnerDeps;
    this.runner = new ReportRunner(deps);
    svc.onClose(() => this.close());
  }

  /** Repositories bound to the currently open store (rebuilt after a store recovery). */
  private b(): Bound {
    const core = this.svc.core();
    if (!this.bound || this.bound.core !== core) {
      this.bound = { core, runs: new RunsRepo(core.store.db), docs: new ReportDocs(core.docs), settings: new ReportSettings(core.settings, () => this.secrets()) };
    }
    return this.bound;
  }

  get runs(): RunsRepo {
    return this.b().runs;
  }
  get docs(): ReportDocs {
    return this.b().docs;
  }
  get settings(): ReportSettings {
    return this.b().settings;
  }

  secrets(): SecretStore {
    this.secretStore ??= createSecretStore({ home: this.svc.paths.home, platform: this.svc.platform });
    return this.secretStore;
  }

  printer(): PdfPrinter {
    if (!this.pdf) {
      const fromPlatform = (this.svc.platform as PdfCapablePlatform).pdfPrinter;
      const configured = this.svc.core().settings.get<string>('reports.chromiumPath');
      this.pdf = fromPlatform ?? new ChromiumPrinter({ ...(configured ? { configuredPath: configured } : {}) });
    }
    return this.pdf;
  }

  /** A generation slot (at most maxConcurrent at once). */
  gateAcquire(): Promise<() => void> {
    return this.gate.acquire();
  }

  /** A built-in or custom template; a missing one falls back to the default (the list flags the report). */
  template(ws: string, id: string): ReportTemplate {
    return this.findTemplate(ws, id) ?? this.builtins.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;
  }

  findTemplate(ws: string, id: string): ReportTemplate | undefined {
    if ((BUILTIN_TEMPLATE_IDS as readonly string[]).includes(id)) return this.builtins.find((t) => t.id === id);
    return this.docs.template(ws, id);
  }

  /**
   * Groups from the workspace doc; roles from the sync server's members list (members whose label is
   * an email address: invite colleagues by address to mail them by role). A local workspace has none.
   */
  async directory(ws: string): Promise<RecipientDirectory> {
    const members = await this.svc.sync.membersForDelivery(ws).catch(() => []);
    return {
      group: (id) => this.docs.group(ws, id),
      role: (role) => members.filter((m) => m.role === role && m.status === 'active' && EmailAddress.safeParse(m.label).success).map((m) => ({ address: m.label, external: false })),
    };
  }

  rule(s: Parameters<typeof recurrenceRule>[0] & { id: string; updatedAt: string }): RecurrenceRule {
    const stamp = `${s.updatedAt}|${JSON.stringify([s.recurrence, s.timezone, s.startDate, s.endDate, s.businessDaysOnly, s.holidays, s.nonBusinessDay])}`;
    const hit = this.rules.get(s.id);
    if (hit && hit.stamp === stamp) return hit.rule;
    const rule = recurrenceRule(s, this.calendars);
    this.rules.set(s.id, { stamp, rule });
    return rule;
  }

  /** Every schedule that may fire: enabled, of a report that is not paused, not flagged. */
  jobs(): (ScheduledJob & { workspaceId: string; reportId: string; reportName: string })[] {
    const out: (ScheduledJob & { workspaceId: string; reportId: string; reportName: string })[] = [];
    for (const ws of this.svc.core().workspaces.list()) {
      const reports = new Map(this.docs.reports(ws.id).map((r) => [r.id, r]));
      const flags = this.runs.flags(ws.id);
      for (const s of this.docs.schedules(ws.id)) {
        const report = reports.get(s.reportId);
        if (!report || report.paused || !s.enabled || flags.has(s.id)) continue;
        let rule: RecurrenceRule;
        try {
          rule = this.rule(s);
        } catch {
          continue;
        }
        out.push({ key: s.id, workspaceId: ws.id, reportId: report.id, reportName: report.name, anchorMs: Math.max(Date.parse(s.updatedAt), Date.parse(report.updatedAt)), next: (after) => rule.next(after) });
      }
    }
    return out;
  }

  /** The next run of a schedule as the scheduler will fire it (null when paused, disabled, flagged or ended). */
  nextRunFor(ws: string, report: Report, s: Schedule, flags = this.runs.flags(ws)): Date | null {
    if (report.paused || !s.enabled || flags.has(s.id)) return null;
    const anchor = Math.max(Date.parse(s.updatedAt), Date.parse(report.updatedAt));
    const after = Math.max(this.runs.lastDue(s.id) ?? -Infinity, anchor - 1, this.clock.now());
    return this.rule(s).next(new Date(after));
  }

  startScheduler(): void {
    if (this.scheduler) return;
    this.recoverInterrupted();
    const jobIndex = new Map<string, { workspaceId: string; reportId: string; reportName: string }>();
    this.scheduler = new Scheduler({
      clock: this.clock,
      jobs: () => {
        const jobs = this.jobs();
        jobIndex.clear();
        for (const j of jobs) jobIndex.set(j.key, j);
        return jobs;
      },
      state: { lastDue: (k) => this.runs.lastDue(k), setLastDue: (k, v) => this.runs.setLastDue(jobIndex.get(k)!.workspaceId, k, v) },
      atomically: (fn) => this.runs.transaction(fn),
      onFire: (e) => {
        const j = jobIndex.get(e.key)!;
        const note = e.occurrences > 1 ? `Missed ${e.occurrences} scheduled times from ${e.firstDueAt.toISOString()} while the computer was asleep or off; run once.` : e.late ? 'Ran late: the computer was asleep or off at the scheduled time.' : null;
        const id = this.runs.create({ workspaceId: j.workspaceId, reportId: j.reportId, reportName: j.reportName, scheduleId: e.key, trigger: 'schedule', scheduledFor: e.dueAt.toISOString(), late: e.late, missedCount: e.occurrences - 1, note }, new Date(this.clock.now()));
        // After the transaction that recorded the run has committed.
        const started = new Promise<void>((resolve) =>
          setImmediate(() => {
            void this.runner.execute(id, { applyConditions: true });
            resolve();
          }),
        );
        this.starting.add(started);
        void started.then(() => this.starting.delete(started));
      },
      onTick: (now) => this.maintenance(now),
      onError: (err, key) => this.svc.log.error(`Report schedule ${key} failed to fire`, err),
    });
    this.scheduler.start();
    this.offDocChanged = this.svc.events.on('doc.changed', () => setImmediate(() => this.scheduler?.wake()));
  }

  stopScheduler(): void {
    this.scheduler?.stop();
    this.scheduler = null;
    this.offDocChanged?.();
    this.offDocChanged = null;
  }

  /** After a wake from sleep (the desktop shell calls this on powerMonitor 'resume'). */
  wake(): void {
    this.scheduler?.wake();
  }

  /** Runs a previous process left generating or sending are retried now. */
  private recoverInterrupted(): void {
    const now = new Date(this.clock.now());
    for (const id of this.runs.interrupted()) this.runs.setStatus(id, 'failed', { error: { code: 'CANCELLED', message: 'The app stopped while this run was in progress.' }, nextRetryAt: now.toISOString() }, now);
  }

  private maintenance(now: number): void {
    for (const due of this.runs.due(new Date(now).toISOString())) {
      if (this.runner.isRunning(due.id)) continue;
      const run = this.runs.get(due.id);
      void this.runner.execute(due.id, { applyConditions: run?.trigger === 'schedule' });
    }
    if (now - this.lastPull >= (this.opts.trackingPullMs ?? 15 * 60_000)) {
      this.lastPull = now;
      void this.pullAll();
    }
    if (now - this.lastPrune >= 24 * 3600_000) {
      this.lastPrune = now;
      pruneArtifacts(path.join(this.svc.paths.home, 'reports'), this.opts.keepFilesMs ?? 30 * 24 * 3600_000, now);
    }
  }

  private async pullAll(): Promise<void> {
    for (const ws of this.svc.core().workspaces.list()) {
      if (!this.settings.workspace(ws.id).trackingEnabled) continue;
      try {
        await this.pullTracking(ws.id);
      } catch (e) {
        this.svc.log.warn(`Pulling report tracking events for ${ws.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** Opens, clicks and downloads since the last pull → the runs' history. */
  async pullTracking(ws: string): Promise<number> {
    const server = this.settings.trackingServer();
    if (!server) return 0;
    const client = new TrackingClient(server, () => this.clock.now());
    let added = 0;
    for (let cursor = this.settings.trackingCursor(ws); ; ) {
      const page = await client.pull(ws, cursor);
      added += this.runs.addTrackingEvents(
        ws,
        page.events.filter((e) => e.d).map((e) => ({ kind: e.kind, at: e.at, runId: e.r, deliveryId: e.d!, url: e.url, sourceKey: `${server.url}#${e.seq}` })),
      );
      if (page.next <= cursor || page.events.length === 0) break;
      cursor = page.next;
      this.settings.setTrackingCursor(ws, cursor);
    }
    if (added) this.svc.events.emit('reports.changed', { workspaceId: ws });
    return added;
  }

  /** Resolves when no run is starting or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.starting.size) await Promise.all([...this.starting]);
    await this.runner.idle();
  }

  async close(): Promise<void> {
    this.stopScheduler();
    await this.idle();
    const p = this.pdf;
    this.pdf = null;
    await p?.close();
  }
}

/** One module per Services instance (two instances in one test process stay independent). */
const modules = new WeakMap<Services, ReportsModule>();

export function reportsOf(svc: Services, opts?: ReportsOptions): ReportsModule {
  let m = modules.get(svc);
  if (m && opts) throw new Error('Reports options must be given before the reports module is first used');
  if (!m) {
    m = new ReportsModule(svc, opts);
    modules.set(svc, m);
  }
  return m;
}

/** Long-lived hosts call this once after createServices (the desktop app, `udash serve`). */
export function startReportScheduler(svc: Services, opts?: ReportsOptions): ReportsModule {
  const m = reportsOf(svc, opts);
  m.startScheduler();
  return m;
}
