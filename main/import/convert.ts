/**
 * Converts raw values to what SQLite stores: integers and numbers as numbers, booleans as 0/1,
 * datetimes as epoch ms UTC, text as strings. A value that does not fit its column's type makes the
 * row an issue. Converted rows are written straight into columnar batches (typed arrays for the
 * numeric storage, so a batch crosses a worker boundary without copying).
 */
import type { ColumnType } from '../../shared/model/dataset.js';
import type { RowIssue } from '../../shared/contract/data.js';
import { columnDateParser } from './infer/dates.js';
import { displayValue } from './infer/infer.js';
import { clean, isNullMarker, parseBoolean, parseInteger, parseNumber } from './infer/values.js';
import { ISSUE_VALUE_CHARS } from './limits.js';
import type { ColumnBatch, DictColumn, PlanColumn, RawValue } from './types.js';

/** Numeric storage: a number, NaN for null, undefined when the value does not fit. */
type NumericConv = (v: RawValue) => number | undefined;
/** Text storage never fails. */
type TextConv = (v: RawValue) => string | null;

const nullish = (s: string) => isNullMarker(s);

function integerConv(v: RawValue): number | undefined {
  if (v === null) return NaN;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v === 'string') {
    const s = clean(v);
    if (nullish(s)) return NaN;
    return parseInteger(s);
  }
  return undefined;
}

function numberConv(v: RawValue): number | undefined {
  if (v === null) return NaN;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const s = clean(v);
    if (nullish(s)) return NaN;
    return parseNumber(s);
  }
  return undefined;
}

function booleanConv(v: RawValue): number | undefined {
  if (v === null) return NaN;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v === 1 ? 1 : v === 0 ? 0 : undefined;
  if (typeof v === 'string') {
    const s = clean(v);
    if (nullish(s)) return NaN;
    const b = parseBoolean(s, true);
    return b === undefined ? undefined : b ? 1 : 0;
  }
  return undefined;
}

function datetimeConv(format: string | undefined): NumericConv {
  const parser = columnDateParser(format);
  return (v) => {
    if (v === null) return NaN;
    if (v instanceof Date) {
      const t = v.getTime();
      return Number.isNaN(t) ? undefined : t;
    }
    if (typeof v === 'string') {
      const s = clean(v);
      if (nullish(s)) return NaN;
      return parser.parse(s);
    }
    return undefined;
  };
}

const textConv: TextConv = (v) => {
  if (v === null) return null;
  if (typeof v === 'string') return v.length === 0 ? null : v;
  return displayValue(v);
};

const REASONS: Record<Exclude<ColumnType, 'text'>, (c: PlanColumn) => string> = {
  integer: () => 'is not a whole number',
  number: () => 'is not a number',
  boolean: () => 'is not a yes/no value (true/false, yes/no, 1/0)',
  datetime: (c) => `is not a date/time in the format ${c.dateFormat ?? 'ISO 8601'}`,
};

export function truncateValue(v: string): string {
  return v.length > ISSUE_VALUE_CHARS ? `${v.slice(0, ISSUE_VALUE_CHARS)}…` : v;
}

export function issue(row: number, column: string, value: RawValue | string, reason: string): RowIssue {
  return { row, column, value: truncateValue(typeof value === 'string' ? value : displayValue(value)), reason };
}

/** A text column stops being dictionary-encoded past this many distinct values or characters. */
const MAX_DICT_ENTRIES = 4096;
const MAX_DICT_CHARS = 1 << 20;

/** The sending side of a DictColumn; once a column proves to have many distinct values it stays plain. */
class TextDictionary {
  private readonly ids = new Map<string, number>();
  private chars = 0;
  private active = true;

  encode(values: readonly (string | null)[], n: number): DictColumn | null {
    if (!this.active) return null;
    const codes = new Int32Array(n);
    const added: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        codes[i] = -1;
        continue;
      }
      let id = this.ids.get(v);
      if (id === undefined) {
        this.chars += v.length;
        if (this.ids.size >= MAX_DICT_ENTRIES || this.chars > MAX_DICT_CHARS) {
          // The receiver never saw this batch's entries; the column is plain from now on.
          this.active = false;
          this.ids.clear();
          return null;
        }
        id = this.ids.size;
        this.ids.set(v, id);
        added.push(v);
      }
      codes[i] = id;
    }
    return { codes, added };
  }
}

/** The batch being filled: text as plain arrays (encoded when handed out). */
interface OpenBatch {
  length: number;
  columns: (Float64Array | (string | null)[])[];
}

/** Builds columnar batches of converted rows for a fixed list of columns. */
export class BatchBuilder {
  private numeric: (NumericConv | null)[];
  private text: (TextConv | null)[];
  private readonly dictionaries: (TextDictionary | null)[];
  private batch!: OpenBatch;

  constructor(
    private readonly columns: readonly PlanColumn[],
    private readonly capacity: number,
  ) {
    this.numeric = columns.map((c) => (c.type === 'integer' ? integerConv : c.type === 'number' ? numberConv : c.type === 'boolean' ? booleanConv : c.type === 'datetime' ? datetimeConv(c.dateFormat) : null));
    this.text = columns.map((c) => (c.type === 'text' ? textConv : null));
    this.dictionaries = columns.map((c) => (c.type === 'text' ? new TextDictionary() : null));
    this.reset();
  }

  private reset(): void {
    this.batch = { length: 0, columns: this.columns.map((c) => (c.type === 'text' ? new Array<string | null>(this.capacity) : new Float64Array(this.capacity))) };
  }

  get length(): number {
    return this.batch.length;
  }

  get full(): boolean {
    return this.batch.length >= this.capacity;
  }

  /**
   * Converts and appends one row whose values are already in column order. Returns the index of the
   * first column that does not fit (the row is then not added), or -1.
   */
  add(values: readonly RawValue[]): number {
    const at = this.batch.length;
    const cols = this.batch.columns;
    for (let c = 0; c < cols.length; c++) {
      const v = values[c] ?? null;
      const num = this.numeric[c];
      if (num) {
        const x = num(v);
        if (x === undefined) return c;
        (cols[c] as Float64Array)[at] = x;
      } else {
        (cols[c] as (string | null)[])[at] = this.text[c]!(v);
      }
    }
    this.batch.length = at + 1;
    return -1;
  }

  reason(column: number): string {
    const c = this.columns[column]!;
    return c.type === 'text' ? 'cannot be stored' : REASONS[c.type](c);
  }

  /** Hands out the filled batch (trimmed to its length, text dictionary-encoded where it pays) and starts a new one. */
  take(): ColumnBatch {
    const b = this.batch;
    const n = b.length;
    const out: ColumnBatch = {
      length: n,
      columns: b.columns.map((col, c) => {
        if (col instanceof Float64Array) return n === col.length ? col : col.slice(0, n);
        return this.dictionaries[c]!.encode(col, n) ?? (n === col.length ? col : col.slice(0, n));
      }),
    };
    this.reset();
    return out;
  }
}
