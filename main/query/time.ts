/**
 * Time in the query engine. Datetime columns are stored as INTEGER epoch milliseconds in UTC, and every
 * bucket (hour … year) is computed in UTC: a "day" is 00:00Z–24:00Z, weeks are ISO weeks starting on
 * Monday 00:00Z, quarters start in January, April, July and October. Bucket labels are the bucket's
 * start as an ISO string. Local-time buckets would need the viewer's zone in the query (and would make
 * rollups per zone), so they are left to a later change.
 *
 * The SQL here is built from constants and a column reference the caller generated (ident()), never
 * from input.
 */
import type { TimeBucket } from '../../shared/model/query.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday. */
const MONDAY_SHIFT_MS = 3 * DAY_MS;

/** floor(t / unit) * unit, correct for negative t (SQLite's % keeps the dividend's sign). */
function floorSql(t: string, unit: number, shift = 0): string {
  const shifted = shift ? `(${t} + ${shift})` : t;
  return `(${t} - ((${shifted} % ${unit}) + ${unit}) % ${unit})`;
}

/** Whole seconds (floored) for SQLite's date functions. */
function secondsSql(t: string): string {
  return `(${floorSql(t, 1000)} / 1000)`;
}

/** SQL for the start (epoch ms, UTC) of the bucket containing the epoch-ms expression `t`. */
export function bucketSql(t: string, bucket: TimeBucket): string {
  switch (bucket) {
    case 'hour':
      return floorSql(t, HOUR_MS);
    case 'day':
      return floorSql(t, DAY_MS);
    case 'week':
      return floorSql(t, WEEK_MS, MONDAY_SHIFT_MS);
    case 'month':
      return `(unixepoch(${secondsSql(t)}, 'unixepoch', 'start of month') * 1000)`;
    case 'quarter': {
      const s = secondsSql(t);
      return `(unixepoch(${s}, 'unixepoch', 'start of year', '+' || ((CAST(strftime('%m', ${s}, 'unixepoch') AS INTEGER) - 1) / 3 * 3) || ' months') * 1000)`;
    }
    case 'year':
      return `(unixepoch(${secondsSql(t)}, 'unixepoch', 'start of year') * 1000)`;
  }
}

export function floorTo(ms: number, unit: number): number {
  return ms - (((ms % unit) + unit) % unit);
}

export function startOfUtcDay(ms: number): number {
  return floorTo(ms, DAY_MS);
}

export function startOfUtcYear(ms: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
}

export function isDayAligned(ms: number): boolean {
  return floorTo(ms, DAY_MS) === ms;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 date or date-time to epoch ms. Without an offset it is taken as UTC, matching
 * how buckets are computed; hand-written because Date.parse and date-fns' parseISO both read such
 * date-times as the machine's local time. Returns null when it is not ISO (or not a real date).
 */
export function parseIsoMs(s: string): number | null {
  const m = ISO.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(sec), Number(frac.padEnd(3, '0').slice(0, 3)));
  // Date.UTC rolls 2023-02-30 over into March; refuse it instead.
  if (new Date(ms).getUTCDate() !== day) return null;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
