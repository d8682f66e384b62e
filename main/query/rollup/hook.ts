import type { Db } from '../../store/db.js';
import type { DatasetWriteHook } from '../../services.js';
import { appendToRollup, rebuildRollup } from './build.js';

/**
 * The dataset write hook that keeps day rollups in step with the rows. Writers call it inside their
 * transaction: an append folds in only the new rows; create and replace rebuild.
 */
export function rollupWriteHook(db: Db): DatasetWriteHook {
  return (rec, change) => {
    if (change.mode === 'append') appendToRollup(db, rec, change.firstNewRid);
    else rebuildRollup(db, rec);
  };
}
