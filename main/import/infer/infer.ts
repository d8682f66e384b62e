/**
 * Type inference for one column from its sampled values. The most specific type that reads (almost)
 * every non-empty value wins: boolean, integer, number, datetime, else text. "Almost": up to 10% of
 * the values (or a single value among five or more) may be misfits, because a numeric column with a
 * typo is far more common than a text column of numbers; those misfits are reported as row issues.
 */
import type { ColumnType } from '../../../shared/model/dataset.js';
import type { RawValue } from '../types.js';
import { columnDateParser, detectDateFormat } from './dates.js';
import { clean, isNullMarker, parseBoolean, parseInteger, parseNumber } from './values.js';

export interface InferredType {
  type: ColumnType;
  dateFormat?: string;
  nullCount: number;
  sample: string[];
}

const SAMPLE_VALUES = 5;

/** How a raw value reads as text (for samples, issues and text columns). */
export function displayValue(v: RawValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  return String(v);
}

export function tolerated(misfits: number, total: number): boolean {
  return misfits === 0 || misfits <= total * 0.1 || (misfits === 1 && total >= 5);
}

export function inferType(values: readonly RawValue[], override?: { type?: ColumnType; dateFormat?: string }): InferredType {
  let nulls = 0;
  let n = 0;
  let ints = 0;
  let nums = 0;
  let bools = 0;
  let dates = 0;
  const strings: string[] = [];
  const sample: string[] = [];
  for (const raw of values) {
    let v = raw;
    if (typeof v === 'string') {
      v = clean(v);
      if (isNullMarker(v)) v = null;
    }
    if (v === null || v === undefined) {
      nulls++;
      continue;
    }
    n++;
    if (sample.length < SAMPLE_VALUES) sample.push(displayValue(raw));
    if (typeof v === 'number') {
      nums++;
      if (Number.isSafeInteger(v)) ints++;
    } else if (typeof v === 'boolean') bools++;
    else if (v instanceof Date) dates++;
    else {
      if (parseInteger(v) !== undefined) ints++;
      if (parseNumber(v) !== undefined) nums++;
      if (parseBoolean(v) !== undefined) bools++;
      strings.push(v);
    }
  }
  const base = { nullCount: nulls, sample };
  if (override?.type) {
    if (override.type !== 'datetime') return { type: override.type, ...base };
    const format = override.dateFormat ?? detectDateFormat(strings)?.format;
    return { type: 'datetime', ...(format ? { dateFormat: format } : {}), ...base };
  }
  if (override?.dateFormat) {
    const parser = columnDateParser(override.dateFormat);
    const fits = dates + strings.filter((s) => parser.parse(s) !== undefined).length;
    if (n > 0 && tolerated(n - fits, n)) return { type: 'datetime', dateFormat: override.dateFormat, ...base };
  }
  if (n === 0) return { type: 'text', ...base };
  const detected = strings.length > 0 ? detectDateFormat(strings) : null;
  const dateFits = dates + (detected?.fits ?? 0);
  // Most fits wins; on a tie the more specific type (earlier here) wins.
  const candidates: [ColumnType, number][] = [
    ['boolean', bools],
    ['integer', ints],
    ['number', nums],
    ['datetime', dateFits],
  ];
  let best: [ColumnType, number] | null = null;
  for (const c of candidates) if (c[1] > 0 && tolerated(n - c[1], n) && (!best || c[1] > best[1])) best = c;
  if (!best) return { type: 'text', ...base };
  if (best[0] === 'datetime') return { type: 'datetime', dateFormat: detected?.format ?? 'ISO 8601', ...base };
  return { type: best[0], ...base };
}
