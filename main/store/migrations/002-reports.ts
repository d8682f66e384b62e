import type { Migration } from './index.js';

export const m002Reports: Migration = {
  version: 2,
  name: 'report runs, deliveries, tracking events, schedule state, snapshots',
  up(db) {
    db.exec(`
      -- One row per generation of a report (scheduled, run now, retry, CLI send). files is JSON
      -- [{format, name, bytes}]; output_dir holds the files until they are pruned.
      CREATE TABLE report_runs (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        report_name TEXT NOT NULL,
        schedule_id TEXT,
        trigger TEXT NOT NULL,
        status TEXT NOT NULL,
        late INTEGER NOT NULL DEFAULT 0,
        missed_count INTEGER NOT NULL DEFAULT 0,
        scheduled_for TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        next_retry_at TEXT,
        note TEXT,
        generation_ms REAL,
        bytes INTEGER,
        files TEXT NOT NULL DEFAULT '[]',
        output_dir TEXT,
        -- Recipients given for this run only (CLI send); JSON, addresses only.
        recipients_override TEXT
      );
      CREATE INDEX report_runs_by_report ON report_runs (workspace_id, report_id, created_at);
      CREATE INDEX report_runs_due ON report_runs (status, next_retry_at);
      CREATE INDEX report_runs_started ON report_runs (workspace_id, started_at);

      CREATE TABLE report_deliveries (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES report_runs(id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        kind TEXT NOT NULL,
        external INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        message_id TEXT,
        sent_at TEXT,
        UNIQUE (run_id, address)
      );

      -- Opens, clicks and downloads pulled from the tracking server; source_key de-duplicates pulls.
      CREATE TABLE report_tracking_events (
        id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        url TEXT,
        source_key TEXT NOT NULL UNIQUE
      );
      CREATE INDEX report_tracking_by_run ON report_tracking_events (run_id);

      -- The last due time each schedule fired for (ms since epoch), and a flag when it cannot run.
      CREATE TABLE report_schedule_state (
        schedule_id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        last_due_ms INTEGER,
        flag TEXT
      );

      -- Every generation (for the per-workspace hourly limit, counted across processes).
      CREATE TABLE report_generations (
        id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX report_generations_by_time ON report_generations (workspace_id, at_ms);

      -- Widget data captured for snapshot-mode reports.
      CREATE TABLE report_snapshots (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        widget_id TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (workspace_id, report_id, widget_id)
      );
    `);
  },
};
