/**
 * Reads dataset columns from their SQLite table as Float64Arrays (NaN for NULL), in row order. Rows
 * are fetched in rid ranges of 50,000 with a yield to the event loop between chunks, so a million-row
 * read never blocks the main process for long and no statement stays open across the yields
 * (better-sqlite3 forbids other queries while an iterator is open).
 */
import { UdashError } from '../../shared/errors.js';
import type { NumericColumn } from '../../shared/analytics/column.js';
import type { TimeKind } from '../../shared/analytics/trend/time-axis.js';
import type { DatasetColumn } from '../../shared/model/dataset.js';
import { ident, type DatasetRecord } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';

const CHUNK = 50_000;
const NUMERIC_TYPES = new Set(['integer', 'number', 'boolean', 'datetime']);

/** The dataset's column called `name`, or BAD_INPUT listing the columns it has. */
export function findColumn(rec: DatasetRecord, name: string, field: string): DatasetColumn {
  const col = rec.columns.find((c) => c.name === name);
  if (!col) throw new UdashError('BAD_INPUT', `Dataset "${rec.name}" has no column "${name}"; its columns are: ${rec.columns.map((c) => c.name).join(', ')}`, { column: name, field });
  return col;
}

/** Names of the columns a statistic can use by default (integer and number columns). */
export function defaultNumericColumns(rec: DatasetRecord): string[] {
  return rec.columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name);
}

export function timeKindOf(col: DatasetColumn): TimeKind {
  return col.type === 'datetime' ? 'datetime' : 'number';
}

/**
 * Reads the named columns. Text columns are refused (BAD_DATA); a stray text value inside a numeric
 * column (SQLite is dynamically typed) is refused with its row.
 */
export async function readNumericColumns(db: Db, rec: DatasetRecord, names: string[], field = 'columns', watch: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<NumericColumn[]> {
  const cols = names.map((n) => findColumn(rec, n, field));
  for (const c of cols) {
    if (!NUMERIC_TYPES.has(c.type)) throw new UdashError('BAD_DATA', `Column "${c.name}" of dataset "${rec.name}" holds text, not numbers`, { column: c.name, field });
  }
  const keys = [...new Set(cols.map((c) => c.key))];
  const n = (db.prepare(`SELECT count(*) AS n FROM ${ident(rec.tableName)}`).get() as { n: number }).n;
  const data = new Map(keys.map((k) => [k, new Float64Array(n)]));
  const stmt = db.prepare(`SELECT rid, ${keys.map((k) => ident(k)).join(', ')} FROM ${ident(rec.tableName)} WHERE rid > ? ORDER BY rid LIMIT ${CHUNK}`).raw(true);
  let row = 0;
  let lastRid = -Infinity;
  while (row < n) {
    const rows = stmt.all(lastRid) as unknown[][];
    if (rows.length === 0) break;
    for (const r of rows) {
      if (row >= n) break;
      for (let j = 0; j < keys.length; j++) {
        const v = r[j + 1];
        let x: number;
        if (v === null || v === undefined) x = NaN;
        else if (typeof v === 'number') x = v;
        else if (typeof v === 'bigint') x = Number(v);
        else {
          x = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
          if (!Number.isFinite(x)) {
            const name = cols.find((c) => c.key === keys[j])!.name;
            throw new UdashError('BAD_DATA', `Column "${name}" of dataset "${rec.name}" has a non-numeric value at row ${row + 1}: "${String(v).slice(0, 40)}"`, { column: name, row: row + 1 });
          }
        }
        data.get(keys[j]!)![row] = x;
      }
      row++;
    }
    lastRid = Number(rows[rows.length - 1]![0]);
    watch.onProgress?.(row / n);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (watch.signal?.aborted) throw new UdashError('CANCELLED', 'The analysis was cancelled');
  }
  const result = cols.map((c) => ({ name: c.name, values: data.get(c.key)!.subarray(0, row) }));
  // Columns requested twice share storage; give each its own buffer so both can be transferred.
  const seen = new Set<ArrayBufferLike>();
  return result.map((c) => {
    if (seen.has(c.values.buffer)) return { name: c.name, values: Float64Array.from(c.values) };
    seen.add(c.values.buffer);
    return c;
  });
}
