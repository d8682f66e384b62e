/**
 * Saved forecast runs (revisions): save, list, get, delete, and compare with later actuals. The
 * configuration of a run goes to the workspace doc and its values to the local store; a run whose
 * values this machine does not hold (a teammate saved it) is listed with hasValues false.
 */
import { UdashError } from '../../../shared/errors.js';
import { newId } from '../../../shared/model/ids.js';
import type { ForecastResult } from '../../../shared/contract/forecast.js';
import type { ForecastRunSummary, RevisionComparison } from '../../../shared/contract/forecast-runs.js';
import type { ForecastRun, ForecastRunConfig } from '../../../shared/model/forecast-run.js';
import { readSeries } from '../../handlers/forecast.js';
import type { Core } from '../../services.js';
import { actualsFor, type ActualsLookup } from './actuals.js';
import { ForecastPointsRepo } from './points-repo.js';
import { revisionError, type MatchedPoint } from './revision-error.js';
import { ForecastRunDocs } from './run-docs.js';

export class ForecastRunsService {
  private readonly docs: ForecastRunDocs;
  private readonly points: ForecastPointsRepo;

  constructor(private readonly core: Core) {
    this.docs = new ForecastRunDocs(core.docs);
    this.points = new ForecastPointsRepo(core.store.db);
  }

  save(workspaceId: string, name: string, config: ForecastRunConfig, result: ForecastResult): ForecastRunSummary {
    const rec = this.core.datasets.get(workspaceId, config.datasetId);
    for (const [field, col] of [['timeColumn', config.timeColumn], ['valueColumn', config.valueColumn]] as const) {
      if (!rec.columns.some((c) => c.name === col)) throw new UdashError('BAD_INPUT', `Dataset "${rec.name}" has no column "${col}"`, { column: col, field }, ['config', field]);
    }
    const first = result.forecast[0];
    const last = result.forecast[result.forecast.length - 1];
    const lastHistory = result.history[result.history.length - 1];
    if (!first || !last) throw new UdashError('BAD_INPUT', 'The forecast has no values to save', { field: 'result' }, ['result', 'forecast']);
    if (!lastHistory) throw new UdashError('BAD_INPUT', 'The forecast has no history; it cannot be compared with actuals later', { field: 'result' }, ['result', 'history']);
    const run: ForecastRun = {
      id: newId(),
      name,
      createdAt: new Date().toISOString(),
      config,
      model: { name: result.model.name, spec: result.model.spec, family: result.model.family, aicc: result.model.aicc },
      frequency: result.frequency,
      season: result.season,
      horizon: result.forecast.length,
      levels: result.levels,
      lastHistoryTime: lastHistory.time,
      historyPoints: result.history.length,
      firstForecastTime: first.time,
      lastForecastTime: last.time,
      backtest: result.backtest ? { mae: result.backtest.mae, rmse: result.backtest.rmse, mape: result.backtest.mape, smape: result.backtest.smape, mase: result.backtest.mase } : null,
    };
    this.points.save(workspaceId, run.id, result.forecast);
    try {
      this.docs.put(workspaceId, run);
    } catch (e) {
      this.points.delete(workspaceId, run.id);
      throw e;
    }
    this.core.audit.record({ actor: 'local', action: 'forecastRun.save', objectType: 'forecastRun', objectId: run.id, workspaceId, details: { datasetId: config.datasetId, horizon: run.horizon } });
    return { ...run, hasValues: true };
  }

  list(workspaceId: string, datasetId?: string): ForecastRunSummary[] {
    this.core.workspaces.get(workspaceId);
    const held = this.points.runsWithValues(workspaceId);
    return this.docs
      .list(workspaceId)
      .filter((r) => !datasetId || r.config.datasetId === datasetId)
      .map((r) => ({ ...r, hasValues: held.has(r.id) }));
  }

  get(workspaceId: string, runId: string) {
    const run = this.requireRun(workspaceId, runId);
    const points = this.points.get(workspaceId, runId);
    return { run: { ...run, hasValues: points.length > 0 }, points };
  }

  delete(workspaceId: string, runId: string): void {
    this.requireRun(workspaceId, runId);
    this.docs.remove(workspaceId, runId);
    this.points.delete(workspaceId, runId);
    this.core.audit.record({ actor: 'local', action: 'forecastRun.delete', objectType: 'forecastRun', objectId: runId, workspaceId });
  }

  compare(workspaceId: string, opts: { datasetId?: string | undefined; runIds?: string[] | undefined }): { revisions: RevisionComparison[] } {
    const runs = opts.runIds ? opts.runIds.map((id) => ({ ...this.requireRun(workspaceId, id), hasValues: false })) : this.list(workspaceId, opts.datasetId);
    // Runs on the same dataset and columns with the same aggregation share one read of the data.
    const lookups = new Map<string, ActualsLookup | null>();
    const lookupFor = (config: ForecastRunConfig): ActualsLookup | null => {
      const key = JSON.stringify([config.datasetId, config.timeColumn, config.valueColumn, config.aggregate, config.fill]);
      if (!lookups.has(key)) lookups.set(key, this.readActuals(workspaceId, config));
      return lookups.get(key)!;
    };
    const revisions = runs.map((run): RevisionComparison => {
      const points = this.points.get(workspaceId, run.id);
      const actuals = points.length ? lookupFor(run.config) : null;
      const sameGrid = actuals !== null && actuals.unit === run.frequency.unit;
      const matched: MatchedPoint[] = [];
      const rows = points.map((p) => {
        const actual = sameGrid ? actuals.actualAt(p.time) : null;
        if (actual !== null) matched.push({ mean: p.mean, actual, lower: p.lower, upper: p.upper });
        return { ...p, actual, error: actual === null ? null : p.mean - actual };
      });
      return { run: { ...run, hasValues: points.length > 0 }, points: rows, error: revisionError(matched, run.levels) };
    });
    return { revisions };
  }

  private readActuals(workspaceId: string, config: ForecastRunConfig): ActualsLookup | null {
    let rec;
    try {
      rec = this.core.datasets.get(workspaceId, config.datasetId);
    } catch (e) {
      // The dataset was deleted since the run: the run stays, with nothing to compare.
      if (e instanceof UdashError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
    if (!rec.columns.some((c) => c.name === config.timeColumn) || !rec.columns.some((c) => c.name === config.valueColumn)) return null;
    return actualsFor(readSeries(this.core.store.db, rec, config.timeColumn, config.valueColumn), config);
  }

  private requireRun(workspaceId: string, runId: string): ForecastRun {
    this.core.workspaces.get(workspaceId);
    const run = this.docs.get(workspaceId, runId);
    if (!run) throw new UdashError('NOT_FOUND', `No saved forecast run with id "${runId}"`, { field: 'runId' });
    return run;
  }
}
