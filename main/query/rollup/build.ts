/**
 * Builds and maintains a dataset's day rollup (see spec.ts for its layout) inside the writer's
 * transaction, so rows and rollup commit or roll back together.
 *
 * - create / replace: a full rebuild, one GROUP BY scan of the table.
 * - append: only the new rows (rid >= firstNewRid) are aggregated and inserted as partial rows; the
 *   days they touched are then compacted back to one row per group from the rollup itself, so an
 *   append costs in proportion to what it added, not to the dataset. An append that at least doubles
 *   the rows (the first batch into an empty dataset, say) rebuilds instead, choosing dimensions again.
 *
 * Dimensions: a rollup grouped by every low-cardinality column at once multiplies their cardinalities
 * (days × channels × regions × …), and past a point it is no smaller than the table. Columns are
 * added cheapest first while the estimated size stays under a budget (a tenth of the rows, at least
 * 20,000 groups); if the built table still turns out too large, the largest dimension is dropped and
 * it is rebuilt. Queries filtering or splitting on a column that did not make it scan the table.
 */
import { ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import type { DatasetColumn } from '../../../shared/model/dataset.js';
import { bucketSql, DAY_MS } from '../time.js';
import { columnsSignature, dropRollup, rcol, readSpec, rollupTable, ROLLUP_VERSION, writeSpec, type RollupSpec } from './spec.js';

/** A column with more distinct values than this (in the sample) is not a dimension. */
const MAX_DIM_CARDINALITY = 64;
const CARDINALITY_SAMPLE_ROWS = 100_000;
const MIN_BUDGET_ROWS = 20_000;
const AGGREGATES = ['sum', 'cnt', 'min', 'max'] as const;

const budgetFor = (rows: number) => Math.max(MIN_BUDGET_ROWS, Math.floor(rows / 10));

function timeColumn(rec: DatasetRecord): DatasetColumn | undefined {
  const c = rec.columns.find((col) => col.name === rec.timeColumn);
  return c?.type === 'datetime' ? c : undefined;
}

function measureColumns(rec: DatasetRecord): string[] {
  return rec.columns.filter((c) => c.type === 'integer' || c.type === 'number' || c.type === 'boolean').map((c) => c.key);
}

function scalar<T>(db: Db, sql: string, ...params: (number | string)[]): T {
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

function chooseDims(db: Db, rec: DatasetRecord, timeKey: string, rows: number): { key: string; card: number }[] {
  const candidates = rec.columns
    .filter((c) => (c.type === 'text' || c.type === 'boolean') && c.key !== timeKey)
    .map((c) => ({ key: c.key, card: sampledCardinality(db, rec, c.key) }))
    .filter((c) => c.card <= MAX_DIM_CARDINALITY)
    .sort((a, b) => a.card - b.card);
  const budget = budgetFor(rows);
  let estimate = spanDays(db, rec, timeKey);
  const chosen: { key: string; card: number }[] = [];
  for (const c of candidates) {
    // +1: an empty cell is a group of its own.
    const next = estimate * (c.card + 1);
    if (next > budget) break;
    estimate = next;
    chosen.push(c);
  }
  return chosen;
}

/** The GROUP BY that aggregates table rows (optionally only rid >= ?) into rollup rows. */
function aggregateInsert(rec: DatasetRecord, spec: RollupSpec, onlyNewRows: boolean): string {
  const day = bucketSql(ident(spec.timeKey), 'day');
  const target = ['day', ...spec.dims, 'n', ...spec.measures.flatMap((m) => AGGREGATES.map((a) => `${m}_${a}`))].map(rcol);
  const select = [
    `${day} AS day`,
    ...spec.dims.map((d) => ident(d)),
    'COUNT(*)',
    ...spec.measures.flatMap((m) => {
      const c = ident(m);
      return [`SUM(${c})`, `COUNT(${c})`, `MIN(${c})`, `MAX(${c})`];
    }),
  ];
  const group = ['day', ...spec.dims.map((d) => ident(d))].join(', ');
  return `INSERT INTO ${ident(rollupTable(rec))} (${target.join(', ')}) SELECT ${select.join(', ')} FROM ${ident(rec.tableName)}${onlyNewRows ? ' WHERE rid >= ?' : ''} GROUP BY ${group}`;
}

function createRollupTable(db: Db, rec: DatasetRecord, spec: RollupSpec): void {
  // Dimension and aggregate columns have no declared type: values keep exactly the storage class the
  // table gave them (TEXT stays TEXT, integer sums stay integers), so answers match a table scan.
  const cols = ['rid INTEGER PRIMARY KEY', 'day INTEGER', ...spec.dims.map((d) => rcol(d)), 'n INTEGER NOT NULL', ...spec.measures.flatMap((m) => AGGREGATES.map((a) => rcol(`${m}_${a}`)))];
  db.exec(`CREATE TABLE ${ident(rollupTable(rec))} (${cols.join(', ')})`);
  db.exec(`CREATE INDEX ${ident(`${rollupTable(rec)}_by_day`)} ON ${ident(rollupTable(rec))} (day)`);
}

function coverage(db: Db, rec: DatasetRecord): { rows: number; maxRid: number } {
  return {
    rows: scalar<number | null>(db, `SELECT SUM(n) FROM ${ident(rollupTable(rec))}`) ?? 0,
    maxRid: scalar<number | null>(db, `SELECT MAX(rid) FROM ${ident(rec.tableName)}`) ?? 0,
  };
}

const rollupRowCount = (db: Db, rec: DatasetRecord) => scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rollupTable(rec))}`);

/** Drops and rebuilds the rollup from the whole table. No time column: no rollup. */
export function rebuildRollup(db: Db, rec: DatasetRecord): RollupSpec | null {
  dropRollup(db, rec);
  const time = timeColumn(rec);
  if (!time) return null;
  const rows = scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rec.tableName)}`);
  const dims = chooseDims(db, rec, time.key, rows);
  const budget = budgetFor(rows);
  for (;;) {
    const spec: RollupSpec = { version: ROLLUP_VERSION, timeKey: time.key, dims: dims.map((d) => d.key), measures: measureColumns(rec), columnsSig: columnsSignature(rec.columns), rows: 0, maxRid: 0 };
    createRollupTable(db, rec, spec);
    db.prepare(aggregateInsert(rec, spec, false)).run();
    // The sample can underestimate; past the budget the largest dimension goes and we build again.
    if (dims.length > 0 && rollupRowCount(db, rec) > budget * 1.5) {
      dims.pop();
      db.exec(`DROP TABLE ${ident(rollupTable(rec))}`);
      continue;
    }
    Object.assign(spec, coverage(db, rec));
    writeSpec(db, rec, spec);
    return spec;
  }
}

/** Adds rows rid >= firstNewRid to the rollup; rebuilds instead when there is none or it no longer fits. */
export function appendToRollup(db: Db, rec: DatasetRecord, firstNewRid: number): RollupSpec | null {
  const spec = readSpec(db, rec);
  const time = timeColumn(rec);
  if (!spec || !time || spec.timeKey !== time.key || spec.columnsSig !== columnsSignature(rec.columns)) return rebuildRollup(db, rec);
  // Dimensions were chosen from the rows there were; when the append brings at least as many, choose
  // again (a rebuild then costs no more than twice the incremental path).
  const added = scalar<number>(db, `SELECT COUNT(*) FROM ${ident(rec.tableName)} WHERE rid >= ?`, firstNewRid);
  if (added >= spec.rows) return rebuildRollup(db, rec);
  const table = ident(rollupTable(rec));
  const before = scalar<number | null>(db, `SELECT MAX(rid) FROM ${table}`) ?? 0;
  db.prepare(aggregateInsert(rec, spec, true)).run(firstNewRid);
  const touched = db.prepare(`SELECT MIN(day) AS lo, MAX(day) AS hi, MAX(day IS NULL) AS undated, MAX(rid) AS last FROM ${table} WHERE rid > ?`).get(before) as { lo: number | null; hi: number | null; undated: number | null; last: number | null };
  if (touched.last !== null) {
    // Fold the partial rows of the touched days (and of undated rows) into one row per group.
    const inTouched = `(day BETWEEN ? AND ?${touched.undated ? ' OR day IS NULL' : ''})`;
    const lo = touched.lo ?? 0;
    const hi = touched.hi ?? -1;
    const cols = ['day', ...spec.dims, 'n', ...spec.measures.flatMap((m) => AGGREGATES.map((a) => `${m}_${a}`))];
    const folded = cols.map((c) => {
      if (c === 'day' || spec.dims.includes(c)) return rcol(c);
      if (c.endsWith('_min')) return `MIN(${rcol(c)})`;
      if (c.endsWith('_max')) return `MAX(${rcol(c)})`;
      return `SUM(${rcol(c)})`;
    });
    db.prepare(`INSERT INTO ${table} (${cols.map(rcol).join(', ')}) SELECT ${folded.join(', ')} FROM ${table} WHERE ${inTouched} AND rid <= ? GROUP BY ${['day', ...spec.dims].map(rcol).join(', ')}`).run(lo, hi, touched.last);
    db.prepare(`DELETE FROM ${table} WHERE ${inTouched} AND rid <= ?`).run(lo, hi, touched.last);
  }
  const covered = coverage(db, rec);
  if (spec.dims.length > 0 && rollupRowCount(db, rec) > budgetFor(covered.rows) * 2) return rebuildRollup(db, rec);
  const next = { ...spec, ...covered };
  writeSpec(db, rec, next);
  return next;
}
