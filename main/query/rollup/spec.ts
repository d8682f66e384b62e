/**
 * What a dataset's day rollup holds, persisted next to it in `<table>_rollup_meta` so the planner can
 * tell whether a query can be answered from it and whether it is still in step with the rows.
 *
 * Rollup table `<table>_rollup_day`, one row per (UTC day, dimension values) group — possibly several
 * partial rows per group right after an append, which queries re-aggregate anyway:
 *   rid, day (epoch ms of 00:00Z, NULL for rows without a timestamp), one column per dimension
 *   (named by the dataset column key, e.g. c3), n = COUNT(*), and per numeric column cK:
 *   cK_sum, cK_cnt (non-empty values), cK_min, cK_max.
 * Both tables share the dataset table's prefix, so DatasetsRepo.dropTables removes them with it.
 */
import { ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import type { DatasetColumn } from '../../../shared/model/dataset.js';

export const ROLLUP_VERSION = 1;

export interface RollupSpec {
  version: number;
  /** The time column's key (c<N>). */
  timeKey: string;
  /** Dimension column keys, low-cardinality text/boolean columns. */
  dims: string[];
  /** Numeric column keys with sum/cnt/min/max. */
  measures: string[];
  /** The dataset's column keys and types when built; a schema change means a full rebuild. */
  columnsSig: string;
  /** Dataset rows covered and the highest rid seen, to detect writers that bypassed the hook. */
  rows: number;
  maxRid: number;
}

export const rollupTable = (rec: DatasetRecord) => `${rec.tableName}_rollup_day`;
export const metaTable = (rec: DatasetRecord) => `${rec.tableName}_rollup_meta`;

/** Quotes a rollup column name; like ident(), anything but the names we generate is a bug. */
export function rcol(name: string): string {
  if (!/^(rid|day|n|c\d+|c\d+_(sum|cnt|min|max))$/.test(name)) throw new Error(`Refusing to use unexpected rollup column ${name}`);
  return `"${name}"`;
}

export function columnsSignature(columns: DatasetColumn[]): string {
  return columns.map((c) => `${c.key}:${c.type}`).join(',');
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function readSpec(db: Db, rec: DatasetRecord): RollupSpec | null {
  if (!tableExists(db, metaTable(rec))) return null;
  const row = db.prepare(`SELECT spec FROM ${ident(metaTable(rec))} WHERE id = 1`).get() as { spec: string } | undefined;
  if (!row) return null;
  const spec = JSON.parse(row.spec) as RollupSpec;
  return spec.version === ROLLUP_VERSION ? spec : null;
}

export function writeSpec(db: Db, rec: DatasetRecord, spec: RollupSpec): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(metaTable(rec))} (id INTEGER PRIMARY KEY CHECK (id = 1), spec TEXT NOT NULL)`);
  db.prepare(`INSERT INTO ${ident(metaTable(rec))} (id, spec) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec`).run(JSON.stringify(spec));
}

export function dropRollup(db: Db, rec: DatasetRecord): void {
  db.exec(`DROP TABLE IF EXISTS ${ident(rollupTable(rec))}`);
  db.exec(`DROP TABLE IF EXISTS ${ident(metaTable(rec))}`);
}

/**
 * The rollup can answer for this dataset only if it was built for the current columns and time
 * column and covers exactly the rows the table has (a writer that skipped the hooks shows up here,
 * and the query falls back to a table scan instead of answering from stale totals).
 */
export function freshSpec(db: Db, rec: DatasetRecord): RollupSpec | null {
  const spec = readSpec(db, rec);
  if (!spec) return null;
  const time = rec.columns.find((c) => c.name === rec.timeColumn);
  if (!time || time.key !== spec.timeKey || spec.columnsSig !== columnsSignature(rec.columns)) return null;
  const maxRid = (db.prepare(`SELECT MAX(rid) AS m FROM ${ident(rec.tableName)}`).get() as { m: number | null }).m ?? 0;
  if (spec.rows !== rec.rowCount || spec.maxRid !== maxRid) return null;
  return spec;
}
