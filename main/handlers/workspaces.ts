import { ok } from '../../shared/contract/common.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

export function workspaceHandlers(svc: Services): PartialHandlers {
  return {
    'workspaces.list': () => svc.core().workspaces.list(),
    'workspaces.create': ({ name }) => {
      const c = svc.core();
      const ws = c.workspaces.create(name);
      c.audit.record({ actor: 'local', action: 'workspace.create', objectType: 'workspace', objectId: ws.id, workspaceId: ws.id });
      svc.events.emit('workspaces.changed', {});
      return ws;
    },
    'workspaces.rename': ({ workspaceId, name }) => {
      const ws = svc.core().workspaces.rename(workspaceId, name);
      svc.events.emit('workspaces.changed', {});
      return ws;
    },
    'workspaces.delete': ({ workspaceId }) => {
      const c = svc.core();
      c.workspaces.get(workspaceId);
      c.store.db.transaction(() => {
        c.datasets.deleteAllInWorkspace(workspaceId);
        c.workspaces.delete(workspaceId);
        c.audit.record({ actor: 'local', action: 'workspace.delete', objectType: 'workspace', objectId: workspaceId });
      })();
      c.docs.drop(workspaceId);
      svc.events.emit('workspaces.changed', {});
      return ok;
    },
    'doc.undo': ({ workspaceId }) => {
      svc.core().workspaces.get(workspaceId);
      return svc.core().docs.undo(workspaceId);
    },
    'doc.redo': ({ workspaceId }) => {
      svc.core().workspaces.get(workspaceId);
      return svc.core().docs.redo(workspaceId);
    },
  };
}
