/**
 * Dataset metadata plus the one-table-per-dataset row storage. Table and column identifiers are
 * generated here (ds_<hex>, c0…cN) and never derived from user text, so SQL built from them is safe;
 * values always travel as parameters.
 */
import { randomBytes } from 'node:crypto';
import { UdashError } from '../../shared/errors.js';
import { newId } from '../../shared/model/ids.js';
import type { ColumnType, DatasetColumn, DatasetMeta, DatasetSource } from '../../shared/model/dataset.js';
import type { Db } from './db.js';

interface Row {
  id: string;
  workspace_id: string;
  name: string;
  source: string;
  columns: string;
  row_count: number;
  time_column: string | null;
  table_name: string;
  created_at: string;
  updated_at: string;
}

export interface DatasetRecord extends DatasetMeta {
  tableName: string;
}

const SQL_TYPES: Record<ColumnType, string> = { integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER', datetime: 'INTEGER', text: 'TEXT' };

const toRecord = (r: Row): DatasetRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  source: JSON.parse(r.source) as DatasetSource,
  columns: JSON.parse(r.columns) as DatasetColumn[],
  rowCount: r.row_count,
  timeColumn: r.time_column,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  tableName: r.table_name,
});

export function toMeta(r: DatasetRecord): DatasetMeta {
  const { tableName: _t, ...meta } = r;
  return meta;
}

/** Quote an identifier we generated ourselves (ds_<hex>, c<N>); anything else is a bug. */
export function ident(name: string): string {
  if (!/^(ds_[0-9a-f]{16}(_[a-z0-9_]+)?|c\d+|rid)$/.test(name)) throw new Error(`Refusing to use unexpected identifier ${name}`);
  return `"${name}"`;
}

export class DatasetsRepo {
  constructor(private readonly db: Db) {}

  list(workspaceId: string): DatasetRecord[] {
    return (this.db.prepare('SELECT * FROM datasets WHERE workspace_id = ? ORDER BY name COLLATE NOCASE').all(workspaceId) as Row[]).map(toRecord);
  }

  get(workspaceId: string, id: string): DatasetRecord {
    const row = this.db.prepare('SELECT * FROM datasets WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as Row | undefined;
    if (!row) throw new UdashError('NOT_FOUND', `No dataset with id "${id}" in this workspace`, { field: 'datasetId' });
    return toRecord(row);
  }

  /** By id or exact name (CLI convenience). */
  resolve(workspaceId: string, idOrName: string): DatasetRecord {
    const row = (this.db.prepare('SELECT * FROM datasets WHERE workspace_id = ? AND id = ?').get(workspaceId, idOrName) ??
      this.db.prepare('SELECT * FROM datasets WHERE workspace_id = ? AND name = ?').get(workspaceId, idOrName)) as Row | undefined;
    if (!row) throw new UdashError('NOT_FOUND', `No dataset with id or name "${idOrName}" in this workspace`, { field: 'dataset' });
    return toRecord(row);
  }

  findByName(workspaceId: string, name: string): DatasetRecord | undefined {
    const row = this.db.prepare('SELECT * FROM datasets WHERE workspace_id = ? AND name = ?').get(workspaceId, name) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  /**
   * Registers a dataset and creates its table. Call inside the import's transaction so a failed
   * import leaves neither the table nor the registration behind.
   */
  create(args: { workspaceId: string; name: string; source: DatasetSource; columns: { name: string; type: ColumnType }[]; timeColumn: string | null; /** A given id (a dataset fetched from a colleague's snapshot keeps its id). */ id?: string }): DatasetRecord {
    if (this.findByName(args.workspaceId, args.name)) throw new UdashError('CONFLICT', `A dataset named "${args.name}" already exists in this workspace`, { field: 'name' });
    const id = args.id ?? newId();
    const tableName = `ds_${randomBytes(8).toString('hex')}`;
    const columns: DatasetColumn[] = args.columns.map((c, i) => ({ name: c.name, type: c.type, key: `c${i}` }));
    this.createTable(tableName, columns, args.timeColumn);
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO datasets (id, workspace_id, name, source, columns, row_count, time_column, table_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)')
      .run(id, args.workspaceId, args.name, JSON.stringify(args.source), JSON.stringify(columns), args.timeColumn, tableName, now, now);
    return this.get(args.workspaceId, id);
  }

  createTable(tableName: string, columns: DatasetColumn[], timeColumn: string | null): void {
    const cols = columns.map((c) => `${ident(c.key)} ${SQL_TYPES[c.type]}`).join(', ');
    this.db.exec(`CREATE TABLE ${ident(tableName)} (rid INTEGER PRIMARY KEY${cols ? ', ' + cols : ''})`);
    const time = columns.find((c) => c.name === timeColumn);
    if (time) this.db.exec(`CREATE INDEX ${ident(`${tableName}_time`)} ON ${ident(tableName)} (${ident(time.key)})`);
  }

  /** Empties a dataset's rows (replace mode), inside the caller's transaction. */
  truncate(rec: DatasetRecord): void {
    this.db.exec(`DELETE FROM ${ident(rec.tableName)}`);
  }

  updateAfterWrite(rec: DatasetRecord, changes: { source?: DatasetSource; timeColumn?: string | null } = {}): DatasetRecord {
    const n = (this.db.prepare(`SELECT count(*) AS n FROM ${ident(rec.tableName)}`).get() as { n: number }).n;
    this.db
      .prepare('UPDATE datasets SET row_count = ?, updated_at = ?, source = COALESCE(?, source), time_column = CASE WHEN ? THEN ? ELSE time_column END WHERE id = ?')
      .run(n, new Date().toISOString(), changes.source ? JSON.stringify(changes.source) : null, changes.timeColumn !== undefined ? 1 : 0, changes.timeColumn ?? null, rec.id);
    return this.get(rec.workspaceId, rec.id);
  }

  rename(workspaceId: string, id: string, name: string): DatasetRecord {
    const existing = this.findByName(workspaceId, name);
    if (existing && existing.id !== id) throw new UdashError('CONFLICT', `A dataset named "${name}" already exists in this workspace`, { field: 'name' });
    this.get(workspaceId, id);
    this.db.prepare('UPDATE datasets SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
    return this.get(workspaceId, id);
  }

  /** Drops the table and every derived table (rollups) with the same prefix. */
  delete(workspaceId: string, id: string): void {
    const rec = this.get(workspaceId, id);
    this.db.transaction(() => {
      this.dropTables(rec.tableName);
      this.db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
    })();
  }

  dropTables(tableName: string): void {
    const derived = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name = ? OR name LIKE ? ESCAPE '\\')").all(tableName, `${tableName.replace(/_/g, '\\_')}\\_%`) as { name: string }[];
    for (const t of derived) this.db.exec(`DROP TABLE IF EXISTS ${ident(t.name)}`);
  }

  deleteAllInWorkspace(workspaceId: string): void {
    for (const d of this.list(workspaceId)) this.dropTables(d.tableName);
  }
}
