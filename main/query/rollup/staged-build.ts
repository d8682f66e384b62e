/**
 * A full rollup build on a connection of its own (the background builder's worker thread), in two
 * phases so that SQLite's write lock is held only for a moment:
 *
 * 1. Read. In a read transaction (a WAL snapshot: the app keeps writing meanwhile) the table is
 *    aggregated chunk by chunk (rid ranges, so no single statement runs for long) into a TEMP table of
 *    this connection, and the chunks are folded to one row per (day, dimensions) group. TEMP tables
 *    live in the connection's own temp database, so none of this takes a lock on the store.
 * 2. Commit. In a short write transaction: if the dataset is still what the snapshot saw (its
 *    fingerprint: rollup generation, row count, highest rid, table root page, columns, time column),
 *    the rollup table is replaced by the staged rows and the spec recorded under the next generation.
 *    If anything changed, the staged rows are thrown away and the build starts again from phase 1.
 *
 * Phase 2 runs inside `commitTurn`, which the caller uses to keep the app's own connection out of a
 * transaction meanwhile (see background.ts: a deferred transaction that reads before it writes fails at
 * once with SQLITE_BUSY, rather than waiting, when another connection holds the write lock).
 */
import { DatasetsRepo, ident, type DatasetRecord } from '../../store/datasets-repo.js';
import type { Db } from '../../store/db.js';
import { aggregateInsert, createRollupTable, foldInsert, indexRollupTable, planRollup, rebuildLimit, rollupColumnDefs, rollupColumns, scalar } from './build.js';
import { freshSpec, rcol, readMeta, rollupTable, rollupTimeColumn, writeSpec } from './spec.js';

/** Rows aggregated per statement in phase 1: long enough to be efficient, short enough to stop promptly. */
const CHUNK_ROWS = 200_000;
/** Attempts before giving up on a dataset whose rows keep changing under the build. */
export const MAX_ATTEMPTS = 5;

/** How often, and how far apart, a commit waits for another process's write lock before starting over. */
const BUSY_RETRIES = 20;
const COMMIT_BUSY_TIMEOUT_MS = 200;
const BUSY_PAUSE_MS = 500;

const PARTIAL = 'temp.rollup_partial';
const STAGE = 'temp.rollup_stage';

export interface BuildTarget {
  workspaceId: string;
  datasetId: string;
}

export type BuildOutcome =
  | { outcome: 'built'; attempts: number; rows: number; groups: number; dims: string[] }
  | { outcome: 'fresh' | 'gone' | 'no-time-column' | 'changing'; attempts: number };

export interface BuildControls {
  /** Runs the commit (phase 2) while nothing else in this process can be inside a transaction. */
  commitTurn<T>(fn: () => T): T;
  /** Awaited with the read snapshot open, before aggregating (a seam for tests). */
  onReading?(attempt: number): Promise<void>;
  /** Awaited after the read phase, before the commit turn (a seam for tests). */
  onAggregated?(attempt: number): Promise<void>;
}

/** What must not change between the snapshot and the commit. */
interface Fingerprint {
  generation: number;
  rowCount: number;
  maxRid: number;
  rootpage: number;
  columns: string;
  timeColumn: string | null;
}

function readDataset(db: Db, t: BuildTarget): DatasetRecord | null {
  try {
    return new DatasetsRepo(db).get(t.workspaceId, t.datasetId);
  } catch {
    return null;
  }
}

function fingerprint(db: Db, rec: DatasetRecord): Fingerprint {
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").get(rec.tableName) as { rootpage: number } | undefined;
  return {
    generation: readMeta(db, rec).generation,
    rowCount: rec.rowCount,
    maxRid: scalar<number | null>(db, `SELECT MAX(rid) FROM ${ident(rec.tableName)}`) ?? 0,
    rootpage: root?.rootpage ?? -1,
    columns: JSON.stringify(rec.columns),
    timeColumn: rec.timeColumn,
  };
}

const sameFingerprint = (a: Fingerprint, b: Fingerprint) => (Object.keys(a) as (keyof Fingerprint)[]).every((k) => a[k] === b[k]);

function dropStaging(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS ${PARTIAL}; DROP TABLE IF EXISTS ${STAGE}`);
}

type Staged = { kind: 'staged'; rec: DatasetRecord; snap: Fingerprint; layout: NonNullable<ReturnType<typeof planRollup>>; rows: number } | { kind: 'done'; outcome: 'fresh' | 'gone' | 'no-time-column' };

/** Phase 1: aggregates the snapshot into STAGE. */
async function stage(db: Db, target: BuildTarget, attempt: number, controls: BuildControls): Promise<Staged> {
  dropStaging(db);
  db.exec('BEGIN');
  try {
    const rec = readDataset(db, target);
    if (!rec) return { kind: 'done', outcome: 'gone' };
    if (!rollupTimeColumn(rec)) return { kind: 'done', outcome: 'no-time-column' };
    if (freshSpec(db, rec)) return { kind: 'done', outcome: 'fresh' };
    const snap = fingerprint(db, rec);
    await controls.onReading?.(attempt);
    const table = ident(rec.tableName);
    const rows = scalar<number>(db, `SELECT COUNT(*) FROM ${table}`);
    const layout = planRollup(db, rec, rows)!;
    db.exec(`CREATE TEMP TABLE rollup_partial (${rollupColumnDefs(layout)})`);
    const minRid = scalar<number | null>(db, `SELECT MIN(rid) FROM ${table}`);
    const insertChunk = db.prepare(aggregateInsert(rec, layout, PARTIAL, 'rid >= ? AND rid < ?'));
    if (minRid !== null) for (let lo = minRid; lo <= snap.maxRid; lo += CHUNK_ROWS) insertChunk.run(lo, lo + CHUNK_ROWS);
    // Fold the chunks into one row per group; past the size limit, drop the largest dimension and
    // fold again (from the partial rows: no second pass over the table).
    for (;;) {
      db.exec(`DROP TABLE IF EXISTS ${STAGE}`);
      db.exec(`CREATE TEMP TABLE rollup_stage (${rollupColumnDefs(layout)})`);
      db.prepare(foldInsert(layout, PARTIAL, STAGE)).run();
      if (layout.dims.length > 0 && scalar<number>(db, `SELECT COUNT(*) FROM ${STAGE}`) > rebuildLimit(rows)) {
        layout.dims.pop();
        continue;
      }
      break;
    }
    db.exec(`DROP TABLE ${PARTIAL}`);
    return { kind: 'staged', rec, snap, layout, rows };
  } finally {
    // Ends the read snapshot (the TEMP tables it wrote stay).
    db.exec('COMMIT');
  }
}

const isBusy = (e: unknown) => String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');

/** Phase 2: the short write transaction. 'busy': another process holds the write lock. */
function commit(db: Db, s: Extract<Staged, { kind: 'staged' }>): 'built' | 'changed' | 'gone' | 'busy' {
  // The app's thread is parked while this runs: wait only briefly for another process's lock.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${COMMIT_BUSY_TIMEOUT_MS}`);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    if (isBusy(e)) return 'busy';
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    const rec = readDataset(db, { workspaceId: s.rec.workspaceId, datasetId: s.rec.id });
    if (!rec) {
      db.exec('ROLLBACK');
      return 'gone';
    }
    if (rec.tableName !== s.rec.tableName || !sameFingerprint(fingerprint(db, rec), s.snap)) {
      db.exec('ROLLBACK');
      return 'changed';
    }
    db.exec(`DROP TABLE IF EXISTS ${ident(rollupTable(rec))}`);
    createRollupTable(db, rec, s.layout);
    const cols = rollupColumns(s.layout).map(rcol).join(', ');
    db.exec(`INSERT INTO ${ident(rollupTable(rec))} (${cols}) SELECT ${cols} FROM ${STAGE} ORDER BY rid`);
    indexRollupTable(db, rec);
    writeSpec(db, rec, { ...s.layout, rows: s.rows, maxRid: s.snap.maxRid });
    db.exec('COMMIT');
    return 'built';
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** Builds the rollup of one dataset on `db` (a connection no one else uses). */
export async function stagedBuild(db: Db, target: BuildTarget, controls: BuildControls): Promise<BuildOutcome> {
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const s = await stage(db, target, attempt, controls);
      if (s.kind === 'done') return { outcome: s.outcome, attempts: attempt };
      await controls.onAggregated?.(attempt);
      let result = controls.commitTurn(() => commit(db, s));
      // Another process is writing (an import from the CLI, say): wait for it rather than aggregate again.
      for (let waits = 0; result === 'busy' && waits < BUSY_RETRIES; waits++) {
        await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
        result = controls.commitTurn(() => commit(db, s));
      }
      if (result === 'gone') return { outcome: 'gone', attempts: attempt };
      if (result === 'built') {
        const groups = scalar<number>(db, `SELECT COUNT(*) FROM ${STAGE}`);
        return { outcome: 'built', attempts: attempt, rows: s.rows, groups, dims: s.layout.dims };
      }
    }
    return { outcome: 'changing', attempts: MAX_ATTEMPTS };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    dropStaging(db);
  }
}
