/**
 * The one transaction that makes an import visible: the staged rows become the dataset's table
 * (renamed into place for create/replace, copied for append), the dataset is registered or updated,
 * every dataset hook runs (derived data commits with the rows: the day rollup is folded in for an
 * append, or invalidated and left to the background builder), and the audit log records it. Any
 * failure rolls all of it back; replace keeps the previous rows in that case.
 *
 * The transaction is IMMEDIATE: it reads before it writes, and a deferred one would fail at once
 * with SQLITE_BUSY (SQLite does not wait) if another connection, such as another process's import,
 * held the write lock at that moment; an immediate one waits for it (the busy timeout).
 */
import type { DatasetSource } from '../../shared/model/dataset.js';
import { ident, type DatasetRecord } from '../store/datasets-repo.js';
import type { Core } from '../services.js';
import type { StagingTable } from './staging.js';
import type { ImportPlan } from './types.js';

export type ImportMode = 'create' | 'append' | 'replace';

export interface FinalizeArgs {
  mode: ImportMode;
  workspaceId: string;
  name: string;
  /** The dataset appended to or replaced. */
  existing?: DatasetRecord;
  staging: StagingTable;
  /** The columns and time column of the staged rows (an import's plan, or a snapshot's header). */
  plan: Pick<ImportPlan, 'timeColumn'> & { columns: Pick<ImportPlan['columns'][number], 'name' | 'type'>[] };
  /** create: the new dataset's id (a fetched snapshot keeps the publisher's); generated when absent. */
  id?: string;
  source: DatasetSource;
  audit: Record<string, unknown>;
}

/** Mirrors DatasetsRepo.createTable's index on the time column (same name, so later code finds it). */
function indexTime(c: Core, rec: Pick<DatasetRecord, 'tableName' | 'columns'>, timeColumn: string | null): void {
  const col = rec.columns.find((x) => x.name === timeColumn);
  if (col) c.store.db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${rec.tableName}_time`)} ON ${ident(rec.tableName)} (${ident(col.key)})`);
}

export function finalizeImport(c: Core, a: FinalizeArgs): { rec: DatasetRecord; firstNewRid: number } {
  const db = c.store.db;
  const columns = a.plan.columns.map((col) => ({ name: col.name, type: col.type }));
  const result = db.transaction(() => {
    let rec: DatasetRecord;
    let firstNewRid = 1;
    if (a.mode === 'create') {
      const created = c.datasets.create({ workspaceId: a.workspaceId, name: a.name, source: a.source, columns, timeColumn: a.plan.timeColumn, ...(a.id ? { id: a.id } : {}) });
      // create() made an empty table; the staged one takes its name (a rename, not a copy of every row).
      db.exec(`DROP TABLE ${ident(created.tableName)}`);
      db.exec(`ALTER TABLE ${ident(a.staging.name)} RENAME TO ${ident(created.tableName)}`);
      indexTime(c, created, a.plan.timeColumn);
      rec = c.datasets.updateAfterWrite(created);
    } else if (a.mode === 'append') {
      // Read again inside the transaction: the dataset may have been deleted while the file streamed in.
      const target = c.datasets.get(a.workspaceId, a.existing!.id);
      firstNewRid = ((db.prepare(`SELECT max(rid) AS m FROM ${ident(target.tableName)}`).get() as { m: number | null }).m ?? 0) + 1;
      const keys = target.columns.map((col) => ident(col.key)).join(', ');
      db.exec(`INSERT INTO ${ident(target.tableName)} (${keys}) SELECT ${a.plan.columns.map((_, i) => ident(`c${i}`)).join(', ')} FROM ${ident(a.staging.name)} ORDER BY rid`);
      db.exec(`DROP TABLE ${ident(a.staging.name)}`);
      rec = c.datasets.updateAfterWrite(target, { source: a.source });
    } else {
      const target = c.datasets.get(a.workspaceId, a.existing!.id);
      // Only the base table goes; derived tables (rollups) keep their names and the hooks rebuild them.
      db.exec(`DROP TABLE ${ident(target.tableName)}`);
      db.exec(`ALTER TABLE ${ident(a.staging.name)} RENAME TO ${ident(target.tableName)}`);
      const newColumns = columns.map((col, i) => ({ ...col, key: `c${i}` }));
      indexTime(c, { tableName: target.tableName, columns: newColumns }, a.plan.timeColumn);
      // DatasetsRepo has no "change columns" method: a replace may change the schema, so set it here.
      db.prepare('UPDATE datasets SET columns = ? WHERE id = ?').run(JSON.stringify(newColumns), target.id);
      rec = c.datasets.updateAfterWrite({ ...target, columns: newColumns }, { source: a.source, timeColumn: a.plan.timeColumn });
    }
    for (const hook of c.datasetHooks) hook(rec, { mode: a.mode, firstNewRid });
    c.audit.record({ actor: 'local', action: `dataset.import.${a.mode}`, objectType: 'dataset', objectId: rec.id, workspaceId: a.workspaceId, details: a.audit });
    return { rec, firstNewRid };
  }).immediate();
  // Only now: on a rollback the staging table is back under its own name and must still be dropped.
  a.staging.consumed();
  return result;
}
