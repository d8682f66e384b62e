import { UdashError } from '../../shared/errors.js';
import type { Scalar } from '../../shared/model/query.js';
import { ident, type DatasetRecord } from './datasets-repo.js';
import type { Db } from './db.js';

/**
 * Converts stored values back to what the UI shows: datetimes (epoch ms in SQLite) as ISO strings,
 * booleans (0/1) as true/false.
 */
export function decodeRow(rec: DatasetRecord, raw: unknown[]): Scalar[] {
  return rec.columns.map((c, i) => {
    const v = raw[i] as Scalar | bigint | undefined;
    if (v === null || v === undefined) return null;
    if (c.type === 'datetime') return new Date(Number(v)).toISOString();
    if (c.type === 'boolean') return Number(v) !== 0;
    if (typeof v === 'bigint') return Number(v);
    return v;
  });
}

/** A window of rows in stored order (or sorted by one column) for the virtualised table viewer. */
export function readDatasetRows(db: Db, rec: DatasetRecord, offset: number, limit: number, sort?: { column: string; dir: 'asc' | 'desc' }): { rows: Scalar[][]; total: number } {
  const cols = rec.columns.map((c) => ident(c.key)).join(', ') || 'rid';
  let order = 'rid';
  if (sort) {
    const col = rec.columns.find((c) => c.name === sort.column);
    if (!col) throw new UdashError('BAD_INPUT', `Dataset "${rec.name}" has no column "${sort.column}"`, { column: sort.column }, ['sort', 'column']);
    order = `${ident(col.key)} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}, rid`;
  }
  const stmt = db.prepare(`SELECT ${cols} FROM ${ident(rec.tableName)} ORDER BY ${order} LIMIT ? OFFSET ?`).raw(true);
  const rows = (stmt.all(limit, offset) as unknown[][]).map((r) => decodeRow(rec, r));
  return { rows, total: rec.rowCount };
}
