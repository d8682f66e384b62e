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
 *
 * The meta row also carries a generation, bumped by every write to the rollup (a build, an
 * incremental append, an invalidation). A background build remembers the generation it started
 * from and commits only if it is unchanged, so it can never put back totals of rows that a writer
 * replaced meanwhile, even when the new rows have the same count and highest rid. While a rebuild is
 * pending the meta row is a marker `{ version, generation, pending: true }` and the rollup table is gone.
 */
import { ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import type { DatasetColumn } from '../../../shared/model/dataset.js';

export const ROLLUP_VERSION = 1;

export interface RollupSpec {
  version: number;
  /** Bumped by every write to the rollup (see above). */
  generation: number;
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

interface PendingMarker {
  version: number;
  generation: number;
  pending: true;
}

/** The stored meta row: the spec when a rollup is built, and the generation either way. */
export function readMeta(db: Db, rec: DatasetRecord): { generation: number; spec: RollupSpec | null } {
  if (!tableExists(db, metaTable(rec))) return { generation: 0, spec: null };
  const row = db.prepare(`SELECT spec FROM ${ident(metaTable(rec))} WHERE id = 1`).get() as { spec: string } | undefined;
  if (!row) return { generation: 0, spec: null };
  const stored = JSON.parse(row.spec) as RollupSpec | PendingMarker;
  // Rollups written before generations existed count as generation 0.
  const generation = stored.generation ?? 0;
  if ('pending' in stored || stored.version !== ROLLUP_VERSION) return { generation, spec: null };
  return { generation, spec: { ...stored, generation } };
}

export function readSpec(db: Db, rec: DatasetRecord): RollupSpec | null {
  return readMeta(db, rec).spec;
}

function writeMeta(db: Db, rec: DatasetRecord, value: RollupSpec | PendingMarker): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(metaTable(rec))} (id INTEGER PRIMARY KEY CHECK (id = 1), spec TEXT NOT NULL)`);
  db.prepare(`INSERT INTO ${ident(metaTable(rec))} (id, spec) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET spec = excluded.spec`).run(JSON.stringify(value));
}

/** Records a built rollup under the next generation; returns the spec as stored. */
export function writeSpec(db: Db, rec: DatasetRecord, spec: Omit<RollupSpec, 'generation'>): RollupSpec {
  const stored = { ...spec, generation: readMeta(db, rec).generation + 1 };
  writeMeta(db, rec, stored);
  return stored;
}

/**
 * Drops the rollup table and leaves a pending marker under the next generation, inside the writer's
 * transaction: from then on nothing can answer from the old totals, and a build that started before
 * cannot commit.
 */
export function invalidateRollup(db: Db, rec: DatasetRecord): void {
  const generation = readMeta(db, rec).generation + 1;
  db.exec(`DROP TABLE IF EXISTS ${ident(rollupTable(rec))}`);
  writeMeta(db, rec, { version: ROLLUP_VERSION, generation, pending: true });
}

/** The time column a rollup is built on: the dataset's time column, when it holds datetimes. */
export function rollupTimeColumn(rec: DatasetRecord): DatasetColumn | undefined {
  const c = rec.columns.find((col) => col.name === rec.timeColumn);
  return c?.type === 'datetime' ? c : undefined;
}

/**
 * The rollup can answer for this dataset only if it was built for the current columns and time
 * column and covers exactly the rows the table has (a writer that skipped the hooks shows up here,
 * and the query falls back to a table scan instead of answering from stale totals).
 */
export function freshSpec(db: Db, rec: DatasetRecord): RollupSpec | null {
  const spec = readSpec(db, rec);
  if (!spec) return null;
  const time = rollupTimeColumn(rec);
  if (!time || time.key !== spec.timeKey || spec.columnsSig !== columnsSignature(rec.columns)) return null;
  const maxRid = (db.prepare(`SELECT MAX(rid) AS m FROM ${ident(rec.tableName)}`).get() as { m: number | null }).m ?? 0;
  if (spec.rows !== rec.rowCount || spec.maxRid !== maxRid) return null;
  return spec;
}
