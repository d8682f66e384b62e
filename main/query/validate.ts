import { isUdashError } from '../../shared/errors.js';
import type { WidgetQueryParsed } from '../../shared/model/query.js';
import type { DatasetsRepo } from '../store/datasets-repo.js';
import type { QueryPath } from './fields.js';
import { resolveQuery } from './resolve.js';

/**
 * Checks a widget's query against its dataset before the widget is saved, so a missing column or a
 * SUM of a text column is refused where it is typed, not on every later render. A dataset that is
 * not in this store is let through: in a shared workspace a teammate's widget can arrive before the
 * dataset snapshot it reads, and widgets.data answers NOT_FOUND until it does.
 */
export function checkWidgetQuery(datasets: DatasetsRepo, workspaceId: string, query: WidgetQueryParsed, path: QueryPath): void {
  let rec;
  try {
    rec = datasets.get(workspaceId, query.datasetId);
  } catch (e) {
    if (isUdashError(e) && e.code === 'NOT_FOUND') return;
    throw e;
  }
  resolveQuery(query, rec, { path });
}
