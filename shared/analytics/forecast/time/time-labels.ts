/**
 * Reading and writing the time column: ISO dates and datetimes, "YYYY-MM" months, "YYYY-Qn" quarters,
 * plain years, epoch milliseconds, and plain numbers (an index). Everything is UTC so a forecast never
 * shifts by a time-zone offset. Future labels are written in the style the input used.
 */
export type LabelStyle = 'year' | 'month' | 'quarter' | 'date' | 'datetime' | 'number';

export interface ParsedTime {
  /** Epoch milliseconds (UTC), or the number itself for style 'number'. */
  value: number;
  style: LabelStyle;
}

const MONTH = /^(\d{4})[-/](\d{1,2})$/;
const QUARTER = /^(\d{4})[-\s]?Q([1-4])$/i;
const YEAR = /^(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses one time value; null when it is not a time. */
export function parseTime(v: string | number): ParsedTime | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    // Epoch milliseconds from 1973 onwards; anything smaller is an index or a year.
    if (Math.abs(v) >= 1e11) return { value: v, style: 'datetime' };
    if (Number.isInteger(v) && v >= 1000 && v <= 3000) return { value: Date.UTC(v, 0, 1), style: 'year' };
    return { value: v, style: 'number' };
  }
  const s = v.trim();
  if (s === '') return null;
  let m = MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { value: Date.UTC(Number(m[1]), month - 1, 1), style: 'month' } : null;
  }
  m = QUARTER.exec(s);
  if (m) return { value: Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1), style: 'quarter' };
  m = YEAR.exec(s);
  if (m) return { value: Date.UTC(Number(m[1]), 0, 1), style: 'year' };
  m = DATE.exec(s);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Number.isFinite(ms) ? { value: ms, style: 'date' } : null;
  }
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return parseTime(Number(s));
  // Datetimes without a zone are read as UTC.
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) || !/\d{1,2}:\d{2}/.test(s) ? s : `${s.replace(' ', 'T')}Z`;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? { value: ms, style: 'datetime' } : null;
}

export function formatTime(value: number, style: LabelStyle): string | number {
  if (style === 'number') return value;
  const d = new Date(value);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  switch (style) {
    case 'year':
      return y;
    case 'month':
      return `${y}-${mo}`;
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'date':
      return `${y}-${mo}-${String(d.getUTCDate()).padStart(2, '0')}`;
    default:
      return d.toISOString();
  }
}
