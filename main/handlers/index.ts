import { mergeHandlers, type PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { appHandlers } from './app.js';
import { workspaceHandlers } from './workspaces.js';
import { datasetHandlers } from './datasets.js';
import { dashboardHandlers } from './dashboards.js';
import { queryHandlers } from './query.js';
import { forecastHandlers } from './forecast.js';
import { importHandlers } from './import.js';
import { exportHandlers } from './export.js';
import { analyticsHandlers } from './analytics.js';
import { reportHandlers } from './reports.js';
import { forecastRunHandlers } from './forecast-runs.js';
import { analyticsExportHandlers } from './analytics-export.js';
import { permissionHandlers, requiringPermission } from './permissions.js';
import { syncHandlers } from './sync.js';
import { collabHandlers } from './collab.js';

/** Every handler, grouped by feature and registered here once; a method registered twice is refused. */
export function allHandlers(svc: Services): PartialHandlers {
  return mergeHandlers(appHandlers(svc), workspaceHandlers(svc), datasetHandlers(svc), dashboardHandlers(svc), queryHandlers(svc), requiringPermission(svc, 'view_analytics', forecastHandlers(svc)), importHandlers(svc), exportHandlers(svc), requiringPermission(svc, 'view_analytics', analyticsHandlers(svc)), reportHandlers(svc), forecastRunHandlers(svc), analyticsExportHandlers(svc), permissionHandlers(svc), collabHandlers(svc), syncHandlers(svc));
}
