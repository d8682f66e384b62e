/**
 * Numbers and dates as reports print them. Kept in one place so the PDF, the spreadsheet's summary,
 * the slides and the email say the same thing. (en-US for now; the locale becomes a report setting.)
 */
import type { Scalar, TimeBucket } from '../../../shared/model/query.js';
import type { Metric } from './types.js';

export type ValueFormat = Metric['format'];

const LOCALE = 'en-US';
const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const currency = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

export function formatNumber(v: number | null | undefined, format: ValueFormat = 'number'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  switch (format) {
    case 'currency':
      return currency.format(v);
    case 'percent':
      return percent.format(v);
    case 'compact':
      return compact.format(v);
    default:
      return Math.abs(v) >= 1000 ? integer.format(v) : plain.format(v);
  }
}

/** "+12.5%", "−3%", "–" when unknown. */
export function formatChangePct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '–';
  const rounded = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)}%`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

export function isIsoDate(v: Scalar): v is string {
  return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as a bucket label: "Mar 2026" for months, "Q1 2026", "2026", "3 Mar 2026" for days. */
export function formatDate(iso: string, bucket?: TimeBucket): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case 'year':
      return String(y);
    case 'quarter':
      return `Q${Math.floor(m / 3) + 1} ${y}`;
    case 'month':
      return `${MONTHS[m]} ${y}`;
    case 'hour':
      return `${d.getUTCDate()} ${MONTHS[m]} ${y} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
    default:
      return `${d.getUTCDate()} ${MONTHS[m]} ${y}`;
  }
}

/** Any cell as text for tables. */
export function formatCell(v: Scalar, opts: { format?: ValueFormat; bucket?: TimeBucket; isMeasure?: boolean } = {}): string {
  if (v === null) return '';
  if (typeof v === 'number') return opts.isMeasure ? formatNumber(v, opts.format) : plain.format(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (isIsoDate(v)) return formatDate(v, opts.bucket);
  return v;
}

/**
 * yyyy, MMM, MM, dd, HH, mm tokens (date-fns style) in UTC, for file names and subjects. Hand-written
 * because date-fns formats in the process's own zone and report times are printed in UTC.
 */
export function formatDatePattern(iso: string, pattern: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return pattern
    .replace(/yyyy/g, String(d.getUTCFullYear()))
    .replace(/MMM/g, MONTHS[d.getUTCMonth()]!)
    .replace(/MM/g, pad(d.getUTCMonth() + 1))
    .replace(/dd/g, pad(d.getUTCDate()))
    .replace(/HH/g, pad(d.getUTCHours()))
    .replace(/mm/g, pad(d.getUTCMinutes()));
}
