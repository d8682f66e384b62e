/** Saved runs' configurations in the workspace Y.Doc (collection forecastRuns), validated on every read. */
import { FORECAST_RUNS_COLLECTION, ForecastRun } from '../../../shared/model/forecast-run.js';
import { readAll, readOne, removeItem, writeFields } from '../../../shared/model/workspace-doc.js';
import type { WorkspaceDocs } from '../../docs/workspace-docs.js';

export class ForecastRunDocs {
  constructor(private readonly docs: WorkspaceDocs) {}

  /** Newest first. */
  list(workspaceId: string): ForecastRun[] {
    return readAll(this.docs.get(workspaceId), FORECAST_RUNS_COLLECTION, ForecastRun).items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  get(workspaceId: string, runId: string): ForecastRun | undefined {
    return readOne(this.docs.get(workspaceId), FORECAST_RUNS_COLLECTION, runId, ForecastRun);
  }

  /** One local edit (one undo step). */
  put(workspaceId: string, run: ForecastRun): void {
    const parsed = ForecastRun.parse(run);
    this.docs.transact(workspaceId, (doc) => writeFields(doc, FORECAST_RUNS_COLLECTION, parsed.id, parsed));
  }

  remove(workspaceId: string, runId: string): boolean {
    return this.docs.transact(workspaceId, (doc) => removeItem(doc, FORECAST_RUNS_COLLECTION, runId));
  }
}
