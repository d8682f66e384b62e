import { ok } from '../../shared/contract/common.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';
import { collabOf } from '../collab/module.js';

/** Comments on dashboards and widgets, and the workspace's version history (see main/collab/). */
export function collabHandlers(svc: Services): PartialHandlers {
  // Built now, not on first call: automatic versions follow every edit from the start.
  const m = collabOf(svc);
  return {
    'comments.list': ({ workspaceId, dashboardId, includeResolved }) => m.comments.list(workspaceId, dashboardId, includeResolved),
    'comments.add': ({ workspaceId, dashboardId, widgetId, body }) => m.comments.add(workspaceId, dashboardId, widgetId, body),
    'comments.reply': ({ workspaceId, threadId, body }) => m.comments.reply(workspaceId, threadId, body),
    'comments.edit': ({ workspaceId, commentId, body }) => m.comments.edit(workspaceId, commentId, body),
    'comments.delete': ({ workspaceId, commentId }) => {
      m.comments.delete(workspaceId, commentId);
      return ok;
    },
    'comments.resolve': ({ workspaceId, threadId, resolved }) => m.comments.resolve(workspaceId, threadId, resolved),
    'comments.markSeen': ({ workspaceId, dashboardId }) => {
      m.comments.markSeen(workspaceId, dashboardId);
      return ok;
    },
    'versions.list': ({ workspaceId }) => m.versions.list(workspaceId),
    'versions.create': ({ workspaceId, name }) => m.versions.create(workspaceId, name),
    'versions.rename': ({ workspaceId, versionId, name }) => m.versions.rename(workspaceId, versionId, name),
    'versions.get': ({ workspaceId, versionId, dashboardId }) => m.versions.get(workspaceId, versionId, dashboardId),
    'versions.widgetData': ({ workspaceId, versionId, dashboardId, widgetId }) => m.versions.widgetData(workspaceId, versionId, dashboardId, widgetId),
    'versions.diff': ({ workspaceId, versionId, dashboardId }) => m.versions.diff(workspaceId, versionId, dashboardId),
    'versions.restore': ({ workspaceId, versionId, dashboardId, widgetId }) => {
      const result = m.versions.restore(workspaceId, versionId, dashboardId, widgetId);
      svc.core().audit.record({ actor: 'local', action: 'version.restore', objectType: widgetId ? 'widget' : 'dashboard', objectId: widgetId ?? dashboardId, workspaceId, details: { versionId } });
      return result;
    },
  };
}
