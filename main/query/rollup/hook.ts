import type { Db } from '../../store/db.js';
import type { DatasetWriteHook } from '../../services.js';
import { appendToRollup } from './build.js';
import type { RollupBuilder } from './background.js';
import { invalidateRollup, rollupTimeColumn } from './spec.js';

/**
 * The dataset write hook that keeps day rollups in step with the rows. Writers call it inside their
 * transaction. An append to a fresh rollup folds in only the new rows, there and then (cheap, in
 * proportion to the rows added). Anything that needs a full build (create, replace, an append as big
 * as the dataset, a rollup that was not fresh) invalidates the rollup in the transaction, so nothing
 * stale survives the commit, and leaves the build to the background builder; until it is done,
 * queries scan the table.
 */
export function rollupWriteHook(db: Db, builder: Pick<RollupBuilder, 'request'>): DatasetWriteHook {
  return (rec, change) => {
    if (change.mode === 'append' && appendToRollup(db, rec, change.firstNewRid)) return;
    invalidateRollup(db, rec);
    if (rollupTimeColumn(rec)) builder.request(rec);
  };
}
