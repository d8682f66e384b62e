/**
 * Report history in SQLite: runs, per-recipient deliveries, tracking events, generation counts for
 * the hourly limit, and each schedule's last due time. Values are parameters; no SQL is built from text.
 */
import { newId } from '../../../shared/model/ids.js';
import type { DeliveryRecord, RunFile, RunRecord, RunStatus, RunTrigger, TrackingEvent } from '../../../shared/model/report.js';
import type { Db } from '../../store/db.js';

interface RunRow {
  id: string;
  workspace_id: string;
  report_id: string;
  report_name: string;
  schedule_id: string | null;
  trigger: RunTrigger;
  status: RunStatus;
  late: number;
  missed_count: number;
  scheduled_for: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  next_retry_at: string | null;
  note: string | null;
  generation_ms: number | null;
  bytes: number | null;
  files: string;
  output_dir: string | null;
  recipients_override: string | null;
  delivered: number;
  failed: number;
  bounced: number;
  pending: number;
  opens: number;
  clicks: number;
}

const RUN_SELECT = `
  SELECT r.*,
    (SELECT count(*) FROM report_deliveries d WHERE d.run_id = r.id AND d.status = 'sent') AS delivered,
    (SELECT count(*) FROM report_deliveries d WHERE d.run_id = r.id AND d.status = 'failed') AS failed,
    (SELECT count(*) FROM report_deliveries d WHERE d.run_id = r.id AND d.status = 'bounced') AS bounced,
    (SELECT count(*) FROM report_deliveries d WHERE d.run_id = r.id AND d.status = 'pending') AS pending,
    (SELECT count(*) FROM report_tracking_events e WHERE e.run_id = r.id AND e.kind = 'open') AS opens,
    (SELECT count(*) FROM report_tracking_events e WHERE e.run_id = r.id AND e.kind IN ('click', 'download')) AS clicks
  FROM report_runs r`;

export interface RunInternals {
  outputDir: string | null;
  recipientsOverride: string[] | null;
}

function toRun(r: RunRow): RunRecord {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    reportId: r.report_id,
    reportName: r.report_name,
    scheduleId: r.schedule_id,
    trigger: r.trigger,
    status: r.status,
    late: r.late === 1,
    missedCount: r.missed_count,
    scheduledFor: r.scheduled_for,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    attempts: r.attempts,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    nextRetryAt: r.next_retry_at,
    note: r.note,
    generationMs: r.generation_ms,
    bytes: r.bytes,
    files: JSON.parse(r.files) as RunFile[],
    delivered: r.delivered,
    failed: r.failed,
    bounced: r.bounced,
    pending: r.pending,
    opens: r.opens,
    clicks: r.clicks,
  };
}

interface DeliveryRow {
  id: string;
  run_id: string;
  address: string;
  kind: 'to' | 'cc' | 'bcc';
  external: number;
  status: DeliveryRecord['status'];
  attempts: number;
  error: string | null;
  message_id: string | null;
  sent_at: string | null;
  opens: number;
  clicks: number;
}

const toDelivery = (d: DeliveryRow): DeliveryRecord => ({
  id: d.id,
  runId: d.run_id,
  address: d.address,
  kind: d.kind,
  external: d.external === 1,
  status: d.status,
  attempts: d.attempts,
  error: d.error,
  messageId: d.message_id,
  sentAt: d.sent_at,
  opens: d.opens,
  clicks: d.clicks,
});

export interface NewRun {
  workspaceId: string;
  reportId: string;
  reportName: string;
  scheduleId?: string | null;
  trigger: RunTrigger;
  scheduledFor?: string | null;
  late?: boolean;
  missedCount?: number;
  recipientsOverride?: string[] | null;
  note?: string | null;
}

export interface NewDelivery {
  address: string;
  kind: 'to' | 'cc' | 'bcc';
  external: boolean;
}

export class RunsRepo {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  create(r: NewRun, now = new Date()): string {
    const id = newId();
    this.db
      .prepare(
        `INSERT INTO report_runs (id, workspace_id, report_id, report_name, schedule_id, trigger, status, late, missed_count, scheduled_for, created_at, recipients_override, note)
         VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, r.workspaceId, r.reportId, r.reportName, r.scheduleId ?? null, r.trigger, r.late ? 1 : 0, r.missedCount ?? 0, r.scheduledFor ?? null, now.toISOString(), r.recipientsOverride ? JSON.stringify(r.recipientsOverride) : null, r.note ?? null);
    return id;
  }

  get(runId: string): RunRecord | undefined {
    const row = this.db.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(runId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  internals(runId: string): RunInternals {
    const row = this.db.prepare('SELECT output_dir, recipients_override FROM report_runs WHERE id = ?').get(runId) as { output_dir: string | null; recipients_override: string | null } | undefined;
    return { outputDir: row?.output_dir ?? null, recipientsOverride: row?.recipients_override ? (JSON.parse(row.recipients_override) as string[]) : null };
  }

  list(q: { workspaceId: string; reportId?: string; limit: number; offset: number }): RunRecord[] {
    const rows = (
      q.reportId
        ? this.db.prepare(`${RUN_SELECT} WHERE r.workspace_id = ? AND r.report_id = ? ORDER BY r.created_at DESC, r.rowid DESC LIMIT ? OFFSET ?`).all(q.workspaceId, q.reportId, q.limit, q.offset)
        : this.db.prepare(`${RUN_SELECT} WHERE r.workspace_id = ? ORDER BY r.created_at DESC, r.rowid DESC LIMIT ? OFFSET ?`).all(q.workspaceId, q.limit, q.offset)
    ) as RunRow[];
    return rows.map(toRun);
  }

  /** The latest run of each report of a workspace. */
  latestByReport(workspaceId: string): Map<string, RunRecord> {
    const rows = this.db
      .prepare(`${RUN_SELECT} WHERE r.workspace_id = ? AND r.rowid IN (SELECT max(rowid) FROM report_runs WHERE workspace_id = ? GROUP BY report_id)`)
      .all(workspaceId, workspaceId) as RunRow[];
    return new Map(rows.map((r) => [r.report_id, toRun(r)]));
  }

  setStatus(runId: string, status: RunStatus, extra: { error?: { code: string; message: string } | null; note?: string | null; nextRetryAt?: string | null; finished?: boolean } = {}, now = new Date()): void {
    this.db
      .prepare(
        `UPDATE report_runs SET status = ?,
           error_code = CASE WHEN ? THEN ? ELSE error_code END,
           error_message = CASE WHEN ? THEN ? ELSE error_message END,
           note = CASE WHEN ? THEN ? ELSE note END,
           next_retry_at = ?,
           finished_at = CASE WHEN ? THEN ? ELSE finished_at END
         WHERE id = ?`,
      )
      .run(
        status,
        extra.error !== undefined ? 1 : 0,
        extra.error?.code ?? null,
        extra.error !== undefined ? 1 : 0,
        extra.error?.message ?? null,
        extra.note !== undefined ? 1 : 0,
        extra.note ?? null,
        extra.nextRetryAt ?? null,
        extra.finished ? 1 : 0,
        now.toISOString(),
        runId,
      );
  }

  /** A new attempt starts: counts it and notes the first start time. */
  beginAttempt(runId: string, now = new Date()): void {
    this.db.prepare("UPDATE report_runs SET attempts = attempts + 1, started_at = COALESCE(started_at, ?), status = 'generating', next_retry_at = NULL WHERE id = ?").run(now.toISOString(), runId);
  }

  recordGeneration(workspaceId: string, runId: string, nowMs: number): void {
    this.db.prepare('INSERT INTO report_generations (workspace_id, run_id, at_ms) VALUES (?, ?, ?)').run(workspaceId, runId, nowMs);
  }

  /** Generation start times in a workspace since `sinceMs`, oldest first. */
  generationsSince(workspaceId: string, sinceMs: number): number[] {
    return (this.db.prepare('SELECT at_ms FROM report_generations WHERE workspace_id = ? AND at_ms >= ? ORDER BY at_ms').all(workspaceId, sinceMs) as { at_ms: number }[]).map((r) => r.at_ms);
  }

  setOutput(runId: string, out: { files: RunFile[]; bytes: number; generationMs: number; outputDir: string }): void {
    this.db.prepare('UPDATE report_runs SET files = ?, bytes = ?, generation_ms = ?, output_dir = ? WHERE id = ?').run(JSON.stringify(out.files), out.bytes, out.generationMs, out.outputDir, runId);
  }

  /** Runs waiting for a retry (or for a free slot under the hourly limit) whose time has come. */
  due(nowIso: string): { id: string; workspaceId: string }[] {
    return (this.db.prepare("SELECT id, workspace_id FROM report_runs WHERE status IN ('failed', 'scheduled') AND next_retry_at IS NOT NULL AND next_retry_at <= ? ORDER BY next_retry_at").all(nowIso) as { id: string; workspace_id: string }[]).map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
    }));
  }

  /**
   * Runs a previous process left half done (it crashed or was killed): generating or sending, or
   * recorded by the scheduler but never started. CLI runs belong to their own short-lived process.
   */
  interrupted(): string[] {
    return (
      this.db.prepare("SELECT id FROM report_runs WHERE trigger != 'cli' AND (status IN ('generating', 'sending') OR (status = 'scheduled' AND next_retry_at IS NULL))").all() as { id: string }[]
    ).map((r) => r.id);
  }

  // Deliveries

  addDeliveries(runId: string, list: NewDelivery[]): void {
    const insert = this.db.prepare("INSERT OR IGNORE INTO report_deliveries (id, run_id, address, kind, external, status) VALUES (?, ?, ?, ?, ?, 'pending')");
    this.transaction(() => {
      for (const d of list) insert.run(newId(), runId, d.address, d.kind, d.external ? 1 : 0);
    });
  }

  deliveries(runId: string): DeliveryRecord[] {
    const rows = this.db
      .prepare(
        `SELECT d.*,
           (SELECT count(*) FROM report_tracking_events e WHERE e.delivery_id = d.id AND e.kind = 'open') AS opens,
           (SELECT count(*) FROM report_tracking_events e WHERE e.delivery_id = d.id AND e.kind IN ('click', 'download')) AS clicks
         FROM report_deliveries d WHERE d.run_id = ? ORDER BY d.kind, d.address`,
      )
      .all(runId) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  markDelivery(id: string, status: DeliveryRecord['status'], extra: { error?: string | null; messageId?: string | null }, now = new Date()): void {
    this.db
      .prepare('UPDATE report_deliveries SET status = ?, attempts = attempts + 1, error = ?, message_id = COALESCE(?, message_id), sent_at = CASE WHEN ? = \'sent\' THEN ? ELSE sent_at END WHERE id = ?')
      .run(status, extra.error ?? null, extra.messageId ?? null, status, now.toISOString(), id);
  }

  // Tracking

  /** Inserts events pulled from the tracking server; ones seen before (same source key) are ignored. */
  addTrackingEvents(workspaceId: string, events: (TrackingEvent & { runId: string; sourceKey: string })[]): number {
    const known = this.db.prepare('SELECT 1 FROM report_deliveries WHERE id = ? AND run_id = ?');
    const insert = this.db.prepare('INSERT OR IGNORE INTO report_tracking_events (workspace_id, run_id, delivery_id, kind, at, url, source_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let added = 0;
    this.transaction(() => {
      for (const e of events) {
        // Only events about deliveries this store made count (a forged token cannot add history).
        if (!known.get(e.deliveryId, e.runId)) continue;
        added += insert.run(workspaceId, e.runId, e.deliveryId, e.kind, e.at, e.url, e.sourceKey).changes;
      }
    });
    return added;
  }

  trackingEvents(runId: string): TrackingEvent[] {
    return (this.db.prepare('SELECT kind, at, delivery_id, url FROM report_tracking_events WHERE run_id = ? ORDER BY at').all(runId) as { kind: TrackingEvent['kind']; at: string; delivery_id: string; url: string | null }[]).map((e) => ({
      kind: e.kind,
      at: e.at,
      deliveryId: e.delivery_id,
      url: e.url,
    }));
  }

  // Schedule state

  lastDue(scheduleId: string): number | null {
    const row = this.db.prepare('SELECT last_due_ms FROM report_schedule_state WHERE schedule_id = ?').get(scheduleId) as { last_due_ms: number | null } | undefined;
    return row?.last_due_ms ?? null;
  }

  setLastDue(workspaceId: string, scheduleId: string, dueMs: number): void {
    this.db
      .prepare('INSERT INTO report_schedule_state (schedule_id, workspace_id, last_due_ms) VALUES (?, ?, ?) ON CONFLICT(schedule_id) DO UPDATE SET last_due_ms = excluded.last_due_ms')
      .run(scheduleId, workspaceId, dueMs);
  }

  flag(workspaceId: string, scheduleId: string, flag: string | null): void {
    this.db.prepare('INSERT INTO report_schedule_state (schedule_id, workspace_id, flag) VALUES (?, ?, ?) ON CONFLICT(schedule_id) DO UPDATE SET flag = excluded.flag').run(scheduleId, workspaceId, flag);
  }

  flags(workspaceId: string): Map<string, string> {
    const rows = this.db.prepare('SELECT schedule_id, flag FROM report_schedule_state WHERE workspace_id = ? AND flag IS NOT NULL').all(workspaceId) as { schedule_id: string; flag: string }[];
    return new Map(rows.map((r) => [r.schedule_id, r.flag]));
  }

  // Snapshots

  saveSnapshot(workspaceId: string, reportId: string, widgetId: string, result: unknown, now = new Date()): void {
    this.db
      .prepare('INSERT INTO report_snapshots (workspace_id, report_id, widget_id, taken_at, result) VALUES (?, ?, ?, ?, ?) ON CONFLICT(workspace_id, report_id, widget_id) DO UPDATE SET taken_at = excluded.taken_at, result = excluded.result')
      .run(workspaceId, reportId, widgetId, now.toISOString(), JSON.stringify(result));
  }

  snapshot(workspaceId: string, reportId: string): Map<string, { takenAt: string; result: unknown }> {
    const rows = this.db.prepare('SELECT widget_id, taken_at, result FROM report_snapshots WHERE workspace_id = ? AND report_id = ?').all(workspaceId, reportId) as { widget_id: string; taken_at: string; result: string }[];
    return new Map(rows.map((r) => [r.widget_id, { takenAt: r.taken_at, result: JSON.parse(r.result) as unknown }]));
  }

  // Analytics

  analytics(workspaceId: string, sinceIso: string): {
    runs: number;
    sent: number;
    failed: number;
    skipped: number;
    avgGenerationMs: number | null;
    deliveries: number;
    delivered: number;
    bounced: number;
    opens: number;
    uniqueOpens: number;
    clicks: number;
    byReport: { reportId: string; reportName: string; runs: number; delivered: number; opens: number; clicks: number }[];
  } {
    const totals = this.db
      .prepare(
        `SELECT count(*) AS runs,
           sum(status = 'sent') AS sent, sum(status = 'failed' AND next_retry_at IS NULL) AS failed, sum(status = 'skipped') AS skipped,
           avg(generation_ms) AS avg_ms
         FROM report_runs WHERE workspace_id = ? AND created_at >= ?`,
      )
      .get(workspaceId, sinceIso) as { runs: number; sent: number | null; failed: number | null; skipped: number | null; avg_ms: number | null };
    const del = this.db
      .prepare(
        `SELECT count(*) AS n, sum(d.status = 'sent') AS delivered, sum(d.status = 'bounced') AS bounced
         FROM report_deliveries d JOIN report_runs r ON r.id = d.run_id WHERE r.workspace_id = ? AND r.created_at >= ?`,
      )
      .get(workspaceId, sinceIso) as { n: number; delivered: number | null; bounced: number | null };
    const ev = this.db
      .prepare(
        `SELECT sum(e.kind = 'open') AS opens, count(DISTINCT CASE WHEN e.kind = 'open' THEN e.delivery_id END) AS unique_opens, sum(e.kind IN ('click', 'download')) AS clicks
         FROM report_tracking_events e JOIN report_runs r ON r.id = e.run_id WHERE r.workspace_id = ? AND r.created_at >= ?`,
      )
      .get(workspaceId, sinceIso) as { opens: number | null; unique_opens: number; clicks: number | null };
    const byReport = this.db
      .prepare(
        `SELECT r.report_id AS reportId, max(r.report_name) AS reportName, count(*) AS runs,
           sum((SELECT count(*) FROM report_deliveries d WHERE d.run_id = r.id AND d.status = 'sent')) AS delivered,
           sum((SELECT count(*) FROM report_tracking_events e WHERE e.run_id = r.id AND e.kind = 'open')) AS opens,
           sum((SELECT count(*) FROM report_tracking_events e WHERE e.run_id = r.id AND e.kind IN ('click', 'download'))) AS clicks
         FROM report_runs r WHERE r.workspace_id = ? AND r.created_at >= ?
         GROUP BY r.report_id ORDER BY opens + clicks DESC, delivered DESC, runs DESC LIMIT 10`,
      )
      .all(workspaceId, sinceIso) as { reportId: string; reportName: string; runs: number; delivered: number | null; opens: number | null; clicks: number | null }[];
    return {
      runs: totals.runs,
      sent: totals.sent ?? 0,
      failed: totals.failed ?? 0,
      skipped: totals.skipped ?? 0,
      avgGenerationMs: totals.avg_ms,
      deliveries: del.n,
      delivered: del.delivered ?? 0,
      bounced: del.bounced ?? 0,
      opens: ev.opens ?? 0,
      uniqueOpens: ev.unique_opens,
      clicks: ev.clicks ?? 0,
      byReport: byReport.map((b) => ({ ...b, delivered: b.delivered ?? 0, opens: b.opens ?? 0, clicks: b.clicks ?? 0 })),
    };
  }
}
