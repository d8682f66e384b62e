/**
 * Builds and maintains a dataset's day rollup (see spec.ts for its layout).
 *
 * - A full build is one GROUP BY over the table. Writers no longer run it in their transaction: the
 *   write hook (hook.ts) invalidates the rollup there and the background builder (background.ts)
 *   builds it off the main thread (staged-build.ts). rebuildRollup below is the same build done
 *   synchronously on one connection, for the builder's in-process fallback and for tests.
 * - append: only the new rows (rid >= firstNewRid) are aggregated and inserted as partial rows; the
 *   days they touched are then compacted back to one row per group from the rollup itself, so an
 *   append costs in proportion to what it added, not to the dataset. An append that at least doubles
 *   the rows (the first batch into an empty dataset, say) asks for a full build instead, choosing
 *   dimensions again.
 *
 * Dimensions: a rollup grouped by every low-cardinality column at once multiplies their cardinalities
 * (days × channels × regions × …), and past a point it is no smaller than the table. Columns are
 * added cheapest first while the estimated size stays under a budget (a tenth of the rows, at least
 * 20,000 groups); if the built table still turns out too large, the largest dimension is dropped and
 * it is built again. Queries filtering or splitting on a column that did not make it scan the table.
 */
import { ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import { bucketSql, DAY_MS } from '../time.js';
import { columnsSignature, invalidateRollup, rcol, readSpec, rollupTable, rollupTimeColumn, ROLLUP_VERSION, writeSpec, type RollupSpec } from './spec.js';

/** A column with more distinct values than this (in the sample) is not a dimension. */
const MAX_DIM_CARDINALITY = 64;
const CARDINALITY_SAMPLE_ROWS = 100_000;
const MIN_BUDGET_ROWS = 20_000;
const AGGREGATES = ['sum', 'cnt', 'min', 'max'] as const;

/** What a build decides before it aggregates: the layout, without the coverage it will record. */
export type RollupLayout = Omit<RollupSpec, 'generation' | 'rows' | 'maxRid'>;

export const budgetFor = (rows: number) => Math.max(MIN_BUDGET_ROWS, Math.floor(rows / 10));

/** A built rollup past this many rows loses its largest dimension and is built again. */
export const rebuildLimit = (rows: number) => budgetFor(rows) * 1.5;

function measureColumns(rec: DatasetRecord): string[] {
  return rec.columns.filter((c) => c.type === 'integer' || c.type === 'number' || c.type === 'boolean').map((c) => c.key);
}

export function scalar<T>(db: Db, sql: string, ...params: (number | string)[]): T {
  return Object.values(db.prepare(sql).get(...params) as Record<string, T>)[0] as T;
}

/** Distinct values in a sample of the rows, counted only up to MAX_DIM_CARDINALITY + 1. */
function sampledCardinality(db: Db, rec: DatasetRecord, key: string): number {
  const c = ident(key);
  return scalar<number>(db, `SELECT COUNT(*) FROM (SELECT DISTINCT ${c} FROM (SELECT ${c} FROM ${ident(rec.tableName)} LIMIT ?) LIMIT ?)`, CARDINALITY_SAMPLE_ROWS, MAX_DIM_CARDINALITY + 1);
}

function spanDays(db: Db, rec: DatasetRecord, timeKey: string): number {
  // Two statements: SQLite answers a lone MIN() or MAX() from the index, but not both in one query.
  const t = ident(timeKey);
  const min = scalar<number | null>(db, `SELECT MIN(${t}) FROM ${ident(rec.tableName)}`);
  const max = scalar<number | null>(db, `SELECT MAX(${t}) FROM ${ident(rec.tableName)}`);
  return min === null || max === null ? 1 : Math.floor((max - min) / DAY_MS) + 2;
}

function chooseDims(db: Db, rec: DatasetRecord, timeKey: string, rows: number): string[] {
  const candidates = rec.columns
    .filter((c) => (c.type === 'text' || c.type === 'boolean') && c.key !== timeKey)
    .map((c) => ({ key: c.key, card: sampledCardinality(db, rec, c.key) }))
    .filter((c) => c.card <= MAX_DIM_CARDINALITY)
    .sort((a, b) => a.card - b.card);
  const budget = budgetFor(rows);
  let estimate = spanDays(db, rec, timeKey);
  const chosen: string[] = [];
  for (const c of candidates) {
    // +1: an empty cell is a group of its own.
    const next = estimate * (c.card + 1);
    if (next > budget) break;
    estimate = next;
    chosen.push(c.key);
  }
  return chosen;
}

/** The layout a full build of the table as it is now would use; null without a datetime time column. */
export function planRollup(db: Db, rec: DatasetRecord, rows: number): RollupLayout | null {
  const time = rollupTimeColumn(rec);
  if (!time) return null;
  return { version: ROLLUP_VERSION, timeKey: time.key, dims: chooseDims(db, rec, time.key, rows), measures: measureColumns(rec), columnsSig: columnsSignature(rec.columns) };
}

/** The rollup's columns after rid, in table order. */
export function rollupColumns(layout: RollupLayout): string[] {
  return ['day', ...layout.dims, 'n', ...layout.measures.flatMap((m) => AGGREGATES.map((a) => `${m}_${a}`))];
}

/** The column list of a table holding rollup rows (also the TEMP tables of a background build). */
export function rollupColumnDefs(layout: RollupLayout): string {
  // Dimension and aggregate columns have no declared type: values keep exactly the storage class the
  // table gave them (TEXT stays TEXT, integer sums stay integers), so answers match a table scan.
  return ['rid INTEGER PRIMARY KEY', ...rollupColumns(layout).map((c) => (c === 'n' ? 'n INTEGER NOT NULL' : rcol(c)))].join(', ');
}

/** INSERT INTO `target` the dataset's rows (optionally only those matching `where`) aggregated into rollup rows. */
export function aggregateInsert(rec: DatasetRecord, layout: RollupLayout, target: string, where = ''): string {
  const day = bucketSql(ident(layout.timeKey), 'day');
  const select = [
    `${day} AS day`,
    ...layout.dims.map((d) => ident(d)),
    'COUNT(*)',
    ...layout.measures.flatMap((m) => {
      const c = ident(m);
      return [`SUM(${c})`, `COUNT(${c})`, `MIN(${c})`, `MAX(${c})`];
    }),
  ];
  const group = ['day', ...layout.dims.map((d) => ident(d))].join(', ');
  return `INSERT INTO ${target} (${rollupColumns(layout).map(rcol).join(', ')}) SELECT ${select.join(', ')} FROM ${ident(rec.tableName)}${where ? ` WHERE ${where}` : ''} GROUP BY ${group}`;
}

/**
 * INSERT INTO `target` the rollup rows of `source` (matching `where`) re-aggregated to one row per
 * (day, dimensions) of `layout`, which may have fewer dimensions than the source rows.
 */
export function foldInsert(layout: RollupLayout, source: string, target: string, where = ''): string {
  const cols = rollupColumns(layout);
  const folded = cols.map((c) => {
    if (c === 'day' || layout.dims.includes(c)) return rcol(c);
    if (c.endsWith('_min')) return `MIN(${rcol(c)})`;
    if (c.endsWith('_max')) return `MAX(${rcol(c)})`;
    return `SUM(${rcol(c)})`;
  });
  return `INSERT INTO ${target} (${cols.map(rcol).join(', ')}) SELECT ${folded.join(', ')} FROM ${source}${where ? ` WHERE ${where}` : ''} GROUP BY ${['day', ...layout.dims].map(rcol).join(', ')}`;
}

export function createRollupTable(db: Db, rec: DatasetRecord, layout: RollupLayout): void {
  db.exec(`CREATE TABLE ${ident(rollupTable(rec))} (${rollupColumnDefs(layout)})`);
}

export function indexRollupTable(db: Db, rec: DatasetRecord): void {
  db.exec(`CREATE INDEX ${ident(`${rollupTable(rec)}_by_day`)} ON ${ident(rollupTable(rec))} (day)`);
}

function coverage(db: Db, rec: DatasetRecord): { rows: number; maxRid: number } {
  return {
    rows: scalar<number | null>(db, `SELECT SUM(n) FROM ${ident(rollupTable(rec))}`) ?? 0,
    maxRid: scalar<number | null>(db, `SELECT MAX(rid) FROM ${ident(rec.tableName)}`) ?? 0,
  };
}

const rollupRowCount = (db: Db, rec: DatasetRecord) => scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rollupTable(rec))}`);

/**
 * Rebuilds the rollup from the whole table on this connection, synchronously (call inside a
 * transaction). No time column: the rollup is invalidated and null returned.
 */
export function rebuildRollup(db: Db, rec: DatasetRecord): RollupSpec | null {
  db.exec(`DROP TABLE IF EXISTS ${ident(rollupTable(rec))}`);
  const rows = scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rec.tableName)}`);
  const layout = planRollup(db, rec, rows);
  if (!layout) {
    invalidateRollup(db, rec);
    return null;
  }
  for (;;) {
    createRollupTable(db, rec, layout);
    db.prepare(aggregateInsert(rec, layout, ident(rollupTable(rec)))).run();
    // The sample can underestimate; past the budget the largest dimension goes and we build again.
    if (layout.dims.length > 0 && rollupRowCount(db, rec) > rebuildLimit(rows)) {
      layout.dims.pop();
      db.exec(`DROP TABLE ${ident(rollupTable(rec))}`);
      continue;
    }
    indexRollupTable(db, rec);
    return writeSpec(db, rec, { ...layout, ...coverage(db, rec) });
  }
}

/**
 * Folds rows rid >= firstNewRid into a rollup that was fresh before they were written. Returns the
 * new spec, or null when only a full build will do (no fresh rollup, a schema change, an append as
 * big as the rows before it, or dimensions that no longer fit): the caller then invalidates the
 * rollup and asks for a build.
 */
export function appendToRollup(db: Db, rec: DatasetRecord, firstNewRid: number): RollupSpec | null {
  const spec = readSpec(db, rec);
  const time = rollupTimeColumn(rec);
  if (!spec || !time || spec.timeKey !== time.key || spec.columnsSig !== columnsSignature(rec.columns)) return null;
  const added = scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rec.tableName)} WHERE rid >= ?`, firstNewRid);
  // Fresh before the append: it covered exactly the rows there were (a writer that skipped the hooks
  // in between would otherwise have its rows silently left out).
  if (spec.maxRid !== firstNewRid - 1 || spec.rows !== rec.rowCount - added) return null;
  // Dimensions were chosen from the rows there were; when the append brings at least as many, choose
  // again (a rebuild then costs no more than twice the incremental path).
  if (added >= spec.rows) return null;
  const table = ident(rollupTable(rec));
  const before = scalar<number | null>(db, `SELECT MAX(rid) FROM ${table}`) ?? 0;
  db.prepare(aggregateInsert(rec, spec, table, 'rid >= ?')).run(firstNewRid);
  const touched = db.prepare(`SELECT MIN(day) AS lo, MAX(day) AS hi, MAX(day IS NULL) AS undated, MAX(rid) AS last FROM ${table} WHERE rid > ?`).get(before) as { lo: number | null; hi: number | null; undated: number | null; last: number | null };
  if (touched.last !== null) {
    // Fold the partial rows of the touched days (and of undated rows) into one row per group.
    const inTouched = `(day BETWEEN ? AND ?${touched.undated ? ' OR day IS NULL' : ''}) AND rid <= ?`;
    const args = [touched.lo ?? 0, touched.hi ?? -1, touched.last];
    db.prepare(foldInsert(spec, table, table, inTouched)).run(...args);
    db.prepare(`DELETE FROM ${table} WHERE ${inTouched}`).run(...args);
  }
  const covered = coverage(db, rec);
  if (spec.dims.length > 0 && rollupRowCount(db, rec) > budgetFor(covered.rows) * 2) return null;
  const { generation: _g, ...layout } = spec;
  return writeSpec(db, rec, { ...layout, ...covered });
}
