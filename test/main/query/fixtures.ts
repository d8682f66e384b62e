/**
 * Builds datasets directly through the store (DatasetsRepo + parameterised inserts + the registered
 * dataset write hooks, in one transaction), the way a writer does, without the import pipeline.
 * Datetime cells may be given as ISO strings or epoch ms; booleans as true/false.
 *
 * A write that needs a full rollup build leaves it to the background builder. By default these
 * helpers then settle it right away, in this thread (`core.rollups.buildNow`), so a caller sees the
 * store as it is once the builder has caught up; tests of the builder itself pass `settle: false`
 * and await `core.rollups.whenIdle()`.
 */
import type { ColumnType } from '../../../shared/model/dataset.js';
import type { TimeBucket } from '../../../shared/model/query.js';
import type { Services } from '../../../main/services.js';
import { ident, type DatasetRecord } from '../../../main/store/datasets-repo.js';

export type Cell = string | number | boolean | null;
export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

function stored(rec: DatasetRecord, row: Cell[]): (string | number | null)[] {
  return rec.columns.map((c, i) => {
    const v = row[i] ?? null;
    if (v === null) return null;
    if (c.type === 'datetime' && typeof v === 'string') {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
      if (Number.isNaN(ms)) throw new Error(`fixture: bad date ${v}`);
      return ms;
    }
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v;
  });
}

function insert(svc: Services, rec: DatasetRecord, rows: Cell[][]): void {
  if (rows.length === 0) return;
  const cols = rec.columns.map((c) => ident(c.key));
  const stmt = svc.core().store.db.prepare(`INSERT INTO ${ident(rec.tableName)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const r of rows) stmt.run(...stored(rec, r));
}

function runHooks(svc: Services, rec: DatasetRecord, mode: 'create' | 'append' | 'replace', firstNewRid: number): void {
  for (const hook of svc.core().datasetHooks) hook(rec, { mode, firstNewRid });
}

export interface WriteOptions {
  /** Run the dataset write hooks (default true); false plays a writer that bypasses them. */
  hooks?: boolean;
  /** Build a rollup the write invalidated now, in this thread (default true); false leaves it to the background builder. */
  settle?: boolean;
}

/** Called after the write's transaction committed. */
function settle(svc: Services, rec: DatasetRecord, opts: WriteOptions): void {
  if (opts.hooks !== false && opts.settle !== false) svc.core().rollups.buildNow({ workspaceId: rec.workspaceId, datasetId: rec.id });
}

// Transactions are IMMEDIATE, as every writer's should be now that the rollup worker writes too: a
// deferred one that reads before it writes fails at once if another connection holds the lock.

export function createDataset(svc: Services, workspaceId: string, name: string, columns: ColumnSpec[], rows: Cell[][], opts: WriteOptions & { timeColumn?: string | null } = {}): DatasetRecord {
  const c = svc.core();
  const timeColumn = opts.timeColumn !== undefined ? opts.timeColumn : (columns.find((col) => col.type === 'datetime')?.name ?? null);
  const rec = c.store.db
    .transaction(() => {
      const created = c.datasets.create({ workspaceId, name, source: { kind: 'csv', file: `${name}.csv` }, columns, timeColumn });
      insert(svc, created, rows);
      const after = c.datasets.updateAfterWrite(created);
      if (opts.hooks !== false) runHooks(svc, after, 'create', 1);
      return after;
    })
    .immediate();
  settle(svc, rec, opts);
  return rec;
}

export function appendRows(svc: Services, rec: DatasetRecord, rows: Cell[][], opts: WriteOptions = {}): DatasetRecord {
  const c = svc.core();
  const db = c.store.db;
  const after = db
    .transaction(() => {
      const first = ((db.prepare(`SELECT MAX(rid) AS m FROM ${ident(rec.tableName)}`).get() as { m: number | null }).m ?? 0) + 1;
      insert(svc, rec, rows);
      const updated = c.datasets.updateAfterWrite(rec);
      if (opts.hooks !== false) runHooks(svc, updated, 'append', first);
      return updated;
    })
    .immediate();
  settle(svc, after, opts);
  return after;
}

export function replaceRows(svc: Services, rec: DatasetRecord, rows: Cell[][], opts: Omit<WriteOptions, 'hooks'> = {}): DatasetRecord {
  const c = svc.core();
  const after = c.store.db
    .transaction(() => {
      c.datasets.truncate(rec);
      insert(svc, rec, rows);
      const updated = c.datasets.updateAfterWrite(rec);
      runHooks(svc, updated, 'replace', 1);
      return updated;
    })
    .immediate();
  settle(svc, after, opts);
  return after;
}

/** A small sales table: date, channel, region, revenue, units, returned, note. */
export const SALES_COLUMNS: ColumnSpec[] = [
  { name: 'date', type: 'datetime' },
  { name: 'channel', type: 'text' },
  { name: 'region', type: 'text' },
  { name: 'revenue', type: 'number' },
  { name: 'units', type: 'integer' },
  { name: 'returned', type: 'boolean' },
  { name: 'note', type: 'text' },
];

const DAY = 86_400_000;

/** Where salesRows' dates start: their 60 days span the 2024 leap day and a quarter boundary. */
export const SALES_BASE = Date.UTC(2024, 1, 20);

/** n rows for SALES_COLUMNS from a seeded generator (revenue in quarter units, so sums are exact). */
export function salesRows(n: number, seed: number): Cell[][] {
  const channels = ['web', 'store', 'partner'];
  const rows: Cell[][] = [];
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) rows.push([new Date(SALES_BASE + Math.floor(rand() * 60 * DAY)).toISOString(), channels[i % 3]!, i % 2 ? 'north' : 'south', Math.round(rand() * 400) / 4, i % 7, i % 5 === 0, `order ${i}`]);
  return rows;
}

/** The oracle for UTC buckets: computed with JavaScript's Date, independently of the engine's SQL. */
export function jsBucket(t: number, bucket: TimeBucket): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case 'hour':
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
    case 'day':
      return Date.UTC(y, m, d.getUTCDate());
    case 'week':
      return Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY; // ISO: Monday first
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, Math.floor(m / 3) * 3, 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}
