import type { Migration } from './index.js';

export const m003ForecastRuns: Migration = {
  version: 3,
  name: 'forecast run values (revision tracking)',
  up(db) {
    db.exec(`
      -- The values of a saved forecast run; the run's configuration is in the workspace document
      -- (collection forecastRuns). time is the period label as the forecast wrote it, as JSON (a
      -- string or an index number); time_ms its instant (null for index-style times). lower and
      -- upper are JSON {level: bound}.
      CREATE TABLE forecast_run_points (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        time TEXT NOT NULL,
        time_ms REAL,
        mean REAL NOT NULL,
        lower TEXT NOT NULL,
        upper TEXT NOT NULL,
        PRIMARY KEY (run_id, step)
      );
      CREATE INDEX forecast_run_points_by_workspace ON forecast_run_points (workspace_id, run_id);
    `);
  },
};
