/** Number and date formatting for charts, KPI cards and tables (pure; locale from the browser). */
import type { TimeBucket } from '../../../shared/model/query.js';

export type NumberFormat = 'number' | 'currency' | 'percent' | 'compact';

const compactFmt = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const plainFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const intFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const headlineFmt = new Intl.NumberFormat(undefined, { notation: 'compact', maximumSignificantDigits: 3 });
const exactFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
const pctFmt = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
// Currency is not stored with the data yet; a neutral symbol-free format avoids claiming one. Cents
// matter on small amounts only: 44,106,553 reads better than 44,106,553.21 in a dashboard.
const centsFmt = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatNumber(v: unknown, format: NumberFormat = 'number'): string {
  if (v === null || v === undefined || v === '') return '—';
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return String(v);
  switch (format) {
    case 'compact':
      return compactFmt.format(n);
    case 'percent':
      return pctFmt.format(n);
    case 'currency':
      return Math.abs(n) >= 1000 ? intFmt.format(n) : centsFmt.format(n);
    default:
      return Math.abs(n) >= 1_000_000 ? compactFmt.format(n) : Number.isInteger(n) ? intFmt.format(n) : plainFmt.format(n);
  }
}

/** A KPI headline: short enough for a card (5.48M rather than 5,482,269.37), exact when small. */
export function formatHeadline(v: unknown, format: NumberFormat = 'number'): string {
  const n = typeof v === 'number' ? v : Number(v);
  if (v === null || v === undefined || !Number.isFinite(n)) return '—';
  if (format === 'percent') return pctFmt.format(n);
  if (Math.abs(n) >= 10_000) return headlineFmt.format(n);
  return formatNumber(n, format === 'compact' ? 'number' : format);
}

/** Short axis labels: 12.3k rather than 12,345. */
export function formatAxisNumber(n: number, format: NumberFormat = 'number'): string {
  if (format === 'percent') return pctFmt.format(n);
  return Math.abs(n) >= 1000 ? compactFmt.format(n) : plainFmt.format(n);
}

/** Parses what a datetime cell may carry (ISO text or epoch milliseconds) into epoch ms, or null. */
export function toTime(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.length < 4) return null;
  if (!/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !/^\d{4}$/.test(v)) return null;
  // A bare date is a calendar day, not UTC midnight shown as the previous evening in western time zones.
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00` : /^\d{4}-\d{2}$/.test(v) ? `${v}-01T00:00:00` : v);
  return Number.isNaN(t) ? null : t;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A label for one bucket of a time axis, as a reader would name it ("Mar 2025", "Q2 2025", "Mar 4"). */
export function formatBucket(v: unknown, bucket: TimeBucket | undefined): string {
  const t = toTime(v);
  if (t === null) return v === null || v === undefined ? '(empty)' : String(v);
  const d = new Date(t);
  const y = d.getFullYear();
  const m = MONTHS[d.getMonth()]!;
  const day = d.getDate();
  switch (bucket) {
    case 'year':
      return String(y);
    case 'quarter':
      return `Q${Math.floor(d.getMonth() / 3) + 1} ${y}`;
    case 'month':
      return `${m} ${y}`;
    case 'week':
      return `${m} ${day}, ${y}`;
    case 'hour':
      return `${m} ${day} ${String(d.getHours()).padStart(2, '0')}:00`;
    case 'day':
      return `${m} ${day}, ${y}`;
    default: {
      const hasTime = d.getHours() !== 0 || d.getMinutes() !== 0;
      return hasTime ? `${m} ${day}, ${y} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : `${m} ${day}, ${y}`;
    }
  }
}

/** Any cell for a table: numbers grouped, datetimes readable, nulls as a dash. */
export function formatCell(v: unknown, type?: string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return type === 'datetime' ? formatBucket(v, undefined) : exactFmt.format(v);
  if (type === 'datetime') return formatBucket(v, undefined);
  return String(v);
}

/** Relative change from `prev` to `cur` as a fraction, or null when it is undefined (no or zero base). */
export function relativeChange(cur: number | null | undefined, prev: number | null | undefined): number | null {
  if (cur === null || cur === undefined || prev === null || prev === undefined || !Number.isFinite(cur) || !Number.isFinite(prev) || prev === 0) return null;
  return (cur - prev) / Math.abs(prev);
}
