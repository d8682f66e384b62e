/**
 * Filters: checks each op against its column's type and converts values to the stored form
 * (numbers; 0/1 for booleans; epoch ms for datetimes, given as ISO strings; text as text).
 *
 * Null semantics: `neq` and `not_in` keep rows where the column is empty ("channel is not web" should
 * not silently drop rows without a channel); comparisons never match an empty cell; `is_null` and
 * `not_null` test emptiness. `contains` is a case-insensitive (ASCII) substring test on text columns.
 */
import type { Filter, Scalar } from '../../shared/model/query.js';
import { badInput, type QueryPath } from './fields.js';
import { parseIsoMs } from './time.js';
import type { ColumnRef, ResolvedFilter } from './types.js';

/** A bound on list filters; SQLite allows 32,766 parameters per statement. */
const MAX_LIST = 1000;

function toStored(col: ColumnRef, v: Scalar, path: QueryPath): number | string {
  const where = `Filter on "${col.name}"`;
  if (v === null) throw badInput(`${where}: use the is_null or not_null operator to test for empty values`, path, { field: col.name });
  switch (col.type) {
    case 'integer':
    case 'number':
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      throw badInput(`${where} needs a number, got ${JSON.stringify(v)}`, path, { field: col.name, expected: col.type });
    case 'boolean':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (v === 0 || v === 1) return v;
      throw badInput(`${where} needs true or false, got ${JSON.stringify(v)}`, path, { field: col.name, expected: col.type });
    case 'datetime': {
      const ms = typeof v === 'string' ? parseIsoMs(v) : null;
      if (ms !== null) return ms;
      throw badInput(`${where} needs an ISO date or date-time such as "2024-03-01" or "2024-03-01T12:00:00Z", got ${JSON.stringify(v)}`, path, { field: col.name, expected: col.type });
    }
    case 'text':
      // The CLI turns "123" into a number; for a text column it is still text.
      return String(v);
  }
}

export function resolveFilter(col: ColumnRef, f: Filter, path: QueryPath): ResolvedFilter {
  const valuePath = [...path, 'value'];
  const raw = f.value;
  const list = (): Scalar[] => (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
  const single = (): Scalar => {
    if (raw === undefined || Array.isArray(raw)) throw badInput(`The ${f.op} filter on "${col.name}" needs one value`, valuePath, { field: col.name });
    return raw;
  };
  switch (f.op) {
    case 'is_null':
    case 'not_null':
      return { column: col, op: f.op, values: [] };
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { column: col, op: f.op, values: [toStored(col, single(), valuePath)] };
    case 'contains': {
      if (col.type !== 'text') throw badInput(`The contains filter needs a text column; "${col.name}" is ${col.type}`, [...path, 'op'], { field: col.name });
      return { column: col, op: f.op, values: [String(toStored(col, single(), valuePath)).toLowerCase()] };
    }
    case 'in':
    case 'not_in': {
      const values = list();
      if (values.length === 0) throw badInput(`The ${f.op} filter on "${col.name}" needs at least one value`, valuePath, { field: col.name });
      if (values.length > MAX_LIST) throw badInput(`The ${f.op} filter on "${col.name}" has ${values.length} values; at most ${MAX_LIST} are allowed`, valuePath, { field: col.name });
      return { column: col, op: f.op, values: values.map((v, i) => toStored(col, v, [...valuePath, i])) };
    }
    case 'between': {
      const values = list();
      if (values.length !== 2) throw badInput(`The between filter on "${col.name}" needs two values [low, high]`, valuePath, { field: col.name });
      return { column: col, op: f.op, values: values.map((v, i) => toStored(col, v, [...valuePath, i])) };
    }
  }
}

/** SQL for one resolved filter over the column expression `c` (a generated identifier). */
export function filterSql(c: string, f: ResolvedFilter, params: (number | string)[]): string {
  const v = f.values;
  switch (f.op) {
    case 'is_null':
      return `${c} IS NULL`;
    case 'not_null':
      return `${c} IS NOT NULL`;
    case 'eq':
      params.push(v[0]!);
      return `${c} = ?`;
    case 'neq':
      params.push(v[0]!);
      return `${c} IS NOT ?`;
    case 'gt':
      params.push(v[0]!);
      return `${c} > ?`;
    case 'gte':
      params.push(v[0]!);
      return `${c} >= ?`;
    case 'lt':
      params.push(v[0]!);
      return `${c} < ?`;
    case 'lte':
      params.push(v[0]!);
      return `${c} <= ?`;
    case 'contains':
      params.push(v[0]!);
      // instr() instead of LIKE, so % and _ in the user's text are plain characters.
      return `instr(lower(${c}), ?) > 0`;
    case 'in':
      params.push(...v);
      return `${c} IN (${v.map(() => '?').join(', ')})`;
    case 'not_in':
      params.push(...v);
      return `(${c} IS NULL OR ${c} NOT IN (${v.map(() => '?').join(', ')}))`;
    case 'between':
      params.push(v[0]!, v[1]!);
      return `${c} BETWEEN ? AND ?`;
  }
}
