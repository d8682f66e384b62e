import { UdashError } from '../../shared/errors.js';
import type { DatasetRecord } from '../store/datasets-repo.js';
import type { ColumnRef } from './types.js';

export type QueryPath = (string | number)[];

export function pathText(path: QueryPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** A column by its user-facing name; any other text is refused with the columns that do exist. */
export function findColumn(rec: DatasetRecord, name: string): ColumnRef | undefined {
  return rec.columns.find((c) => c.name === name);
}

export function requireColumn(rec: DatasetRecord, name: string, path: QueryPath): ColumnRef {
  const col = findColumn(rec, name);
  if (col) return col;
  const available = rec.columns.map((c) => c.name);
  throw new UdashError(
    'BAD_INPUT',
    `Dataset "${rec.name}" has no column "${name}" (${pathText(path)}). Available columns: ${available.map((n) => `"${n}"`).join(', ') || 'none'}.`,
    { field: name, dataset: rec.name, available },
    path,
  );
}

export function badInput(message: string, path: QueryPath, details: Record<string, unknown> = {}): UdashError {
  return new UdashError('BAD_INPUT', `${message} (${pathText(path)})`, details, path);
}
