import { ok } from '../../shared/contract/common.js';
import { ForecastRunsService } from '../analytics/forecast-runs/forecast-runs-service.js';
import { requirePermission } from '../permissions/workspace-role.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

/** Saved forecast runs (revisions) and their comparison with later actuals; needs view_analytics. */
export function forecastRunHandlers(svc: Services): PartialHandlers {
  // Bound to the open store; rebuilt after a store recovery swaps the core.
  let cached: { core: ReturnType<Services['core']>; service: ForecastRunsService } | null = null;
  const runs = (workspaceId: string) => {
    const core = svc.core();
    requirePermission(core.settings, workspaceId, 'view_analytics');
    if (cached?.core !== core) cached = { core, service: new ForecastRunsService(core) };
    return cached.service;
  };
  return {
    'forecastRuns.save': ({ workspaceId, name, config, result }) => runs(workspaceId).save(workspaceId, name, config, result),
    'forecastRuns.list': ({ workspaceId, datasetId }) => runs(workspaceId).list(workspaceId, datasetId),
    'forecastRuns.get': ({ workspaceId, runId }) => runs(workspaceId).get(workspaceId, runId),
    'forecastRuns.delete': ({ workspaceId, runId }) => {
      runs(workspaceId).delete(workspaceId, runId);
      return ok;
    },
    'forecastRuns.compare': ({ workspaceId, datasetId, runIds }) => runs(workspaceId).compare(workspaceId, { datasetId, runIds }),
  };
}
