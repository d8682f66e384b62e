import { exportCorrelation, exportForecast } from '../analytics/export/analytics-export-service.js';
import { requirePermission } from '../permissions/workspace-role.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

/** Forecast and correlation-report files, served afterwards as downloads; needs view_analytics. */
export function analyticsExportHandlers(svc: Services): PartialHandlers {
  const allowed = (workspaceId: string) => {
    const c = svc.core();
    c.workspaces.get(workspaceId);
    requirePermission(c.settings, workspaceId, 'view_analytics');
  };
  return {
    'analytics.export.forecast': (input) => {
      allowed(input.workspaceId);
      return exportForecast(svc, input);
    },
    'analytics.export.correlation': (input) => {
      allowed(input.workspaceId);
      return exportCorrelation(svc, input);
    },
  };
}
