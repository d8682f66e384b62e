import { ok } from '../../shared/contract/common.js';
import { toMeta } from '../store/datasets-repo.js';
import { readDatasetRows } from '../store/dataset-rows.js';
import type { PartialHandlers } from '../rpc/dispatcher.js';
import type { Services } from '../services.js';

export function datasetHandlers(svc: Services): PartialHandlers {
  return {
    'datasets.list': ({ workspaceId }) => {
      const c = svc.core();
      c.workspaces.get(workspaceId);
      return c.datasets.list(workspaceId).map(toMeta);
    },
    'datasets.get': ({ workspaceId, datasetId }) => toMeta(svc.core().datasets.get(workspaceId, datasetId)),
    'datasets.rows': ({ workspaceId, datasetId, offset, limit, sort }) => {
      const c = svc.core();
      return readDatasetRows(c.store.db, c.datasets.get(workspaceId, datasetId), offset, limit, sort);
    },
    'datasets.rename': ({ workspaceId, datasetId, name }) => {
      const rec = svc.core().datasets.rename(workspaceId, datasetId, name);
      svc.events.emit('dataset.changed', { workspaceId, datasetId, kind: 'updated' });
      return toMeta(rec);
    },
    'datasets.delete': ({ workspaceId, datasetId }) => {
      const c = svc.core();
      c.datasets.delete(workspaceId, datasetId);
      c.audit.record({ actor: 'local', action: 'dataset.delete', objectType: 'dataset', objectId: datasetId, workspaceId });
      svc.events.emit('dataset.changed', { workspaceId, datasetId, kind: 'deleted' });
      return ok;
    },
  };
}
