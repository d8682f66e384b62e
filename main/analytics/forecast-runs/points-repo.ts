/**
 * The values of saved forecast runs, in the local store (forecast_run_points, migration 003). Each
 * run's points are written in one transaction, so a run is either fully saved or absent.
 */
import type { ForecastRunPoint } from '../../../shared/contract/forecast-runs.js';
import { parseTime } from '../../../shared/analytics/forecast/time/time-labels.js';
import type { Db } from '../../store/db.js';

interface Row {
  step: number;
  time: string;
  mean: number;
  lower: string;
  upper: string;
}

/** The instant of a period label, for ordering and range queries; null for index-style times. */
function instantOf(time: string | number): number | null {
  const p = parseTime(time);
  return p && p.style !== 'number' ? p.value : null;
}

export class ForecastPointsRepo {
  constructor(private readonly db: Db) {}

  save(workspaceId: string, runId: string, points: readonly Omit<ForecastRunPoint, 'step'>[]): void {
    const insert = this.db.prepare('INSERT INTO forecast_run_points (workspace_id, run_id, step, time, time_ms, mean, lower, upper) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      points.forEach((p, i) => insert.run(workspaceId, runId, i + 1, JSON.stringify(p.time), instantOf(p.time), p.mean, JSON.stringify(p.lower), JSON.stringify(p.upper)));
    })();
  }

  get(workspaceId: string, runId: string): ForecastRunPoint[] {
    const rows = this.db.prepare('SELECT step, time, mean, lower, upper FROM forecast_run_points WHERE workspace_id = ? AND run_id = ? ORDER BY step').all(workspaceId, runId) as Row[];
    return rows.map((r) => ({ step: r.step, time: JSON.parse(r.time) as string | number, mean: r.mean, lower: JSON.parse(r.lower) as Record<string, number>, upper: JSON.parse(r.upper) as Record<string, number> }));
  }

  /** Ids of the runs of this workspace whose values this store holds. */
  runsWithValues(workspaceId: string): Set<string> {
    const rows = this.db.prepare('SELECT DISTINCT run_id FROM forecast_run_points WHERE workspace_id = ?').all(workspaceId) as { run_id: string }[];
    return new Set(rows.map((r) => r.run_id));
  }

  delete(workspaceId: string, runId: string): void {
    this.db.prepare('DELETE FROM forecast_run_points WHERE workspace_id = ? AND run_id = ?').run(workspaceId, runId);
  }
}
