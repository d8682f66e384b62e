/** Filter editing helpers shared by the dashboard filter bar and the widget editor (pure). */
import type { ColumnType } from '../../../../shared/model/dataset.js';
import type { Filter, FilterOp, Scalar } from '../../../../shared/model/query.js';

export const OP_LABELS: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  between: 'is between',
  is_null: 'is empty',
  not_null: 'is not empty',
};

/** The operators that make sense for a column type. */
export function opsFor(type: ColumnType | undefined): FilterOp[] {
  switch (type) {
    case 'integer':
    case 'number':
    case 'datetime':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_null', 'not_null'];
    case 'boolean':
      return ['eq', 'neq', 'is_null', 'not_null'];
    default:
      return ['eq', 'neq', 'contains', 'in', 'not_in', 'is_null', 'not_null'];
  }
}

export function needsValue(op: FilterOp): boolean {
  return op !== 'is_null' && op !== 'not_null';
}

function scalar(text: string, type: ColumnType | undefined): Scalar {
  const t = text.trim();
  if (type === 'integer' || type === 'number') {
    const n = Number(t);
    if (t === '' || !Number.isFinite(n)) throw new Error(`"${text}" is not a number`);
    return n;
  }
  if (type === 'boolean') {
    if (/^(true|yes|1)$/i.test(t)) return true;
    if (/^(false|no|0)$/i.test(t)) return false;
    throw new Error(`"${text}" is not true or false`);
  }
  return t;
}

/** Reads what the user typed into the value the contract expects; throws with a message naming the problem. */
export function parseFilterValue(op: FilterOp, text: string, type: ColumnType | undefined): Filter['value'] {
  if (!needsValue(op)) return undefined;
  if (op === 'in' || op === 'not_in') {
    const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (parts.length === 0) throw new Error('List at least one value, separated by commas');
    return parts.map((p) => scalar(p, type));
  }
  if (op === 'between') {
    const parts = text.split(/\s*(?:,|\band\b|–|—)\s*/i).filter(Boolean);
    if (parts.length !== 2) throw new Error('Give two values, such as "10, 20"');
    return [scalar(parts[0]!, type), scalar(parts[1]!, type)];
  }
  if (text.trim() === '') throw new Error('Enter a value');
  return scalar(text, type);
}

export function filterValueText(f: Pick<Filter, 'value'>): string {
  if (f.value === undefined || f.value === null) return '';
  if (Array.isArray(f.value)) return f.value.map((v) => String(v)).join(', ');
  return String(f.value);
}

export function describeFilter(f: Filter): string {
  const v = filterValueText(f);
  if (f.op === 'between' && Array.isArray(f.value)) return `${f.field} between ${String(f.value[0])} and ${String(f.value[1])}`;
  return needsValue(f.op) ? `${f.field} ${OP_LABELS[f.op]} ${v}` : `${f.field} ${OP_LABELS[f.op]}`;
}

/** Custom ranges are edited as inclusive days but stored with an exclusive end ("to" is the next day). */
export function inclusiveEnd(exclusive: string | undefined): string {
  if (!exclusive) return '';
  const d = new Date(`${exclusive.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function exclusiveEnd(inclusive: string): string | undefined {
  if (!inclusive) return undefined;
  const d = new Date(`${inclusive}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
