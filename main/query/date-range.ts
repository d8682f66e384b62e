/**
 * Date ranges become [from, to) epoch-ms bounds on the dataset's time column.
 *
 * Presets (last_7d … last_365d, ytd) count back from the dataset's LATEST timestamp, not from today:
 * offline data is often months old, and "the last 30 days" of a file exported in March should show
 * March, not an empty chart. A preset covers whole UTC days ending with the latest timestamp's day,
 * so preset ranges are day-aligned (which also lets the day rollup answer them).
 */
import type { DateRange } from '../../shared/model/query.js';
import { badInput, type QueryPath } from './fields.js';
import { DAY_MS, parseIsoMs, startOfUtcDay, startOfUtcYear } from './time.js';

export interface Bounds {
  from: number | null;
  to: number | null;
}

const PRESET_DAYS = { last_7d: 7, last_30d: 30, last_90d: 90, last_365d: 365 } as const;

/** null when the range does not constrain anything. `latest` is asked only for presets. */
export function resolveDateRange(dr: DateRange, latest: () => number | null, path: QueryPath): Bounds | null {
  const preset = dr.preset ?? 'all';
  if (preset === 'all' || preset === 'custom') {
    const from = parseBound(dr.from, [...path, 'from']);
    const to = parseBound(dr.to, [...path, 'to']);
    if (from === null && to === null) return null;
    if (from !== null && to !== null && from >= to) throw badInput(`The date range starts (${dr.from}) at or after it ends (${dr.to}); "to" is exclusive`, path);
    return { from, to };
  }
  const anchor = latest();
  if (anchor === null) return null; // no timestamps at all: nothing to count back from
  const to = startOfUtcDay(anchor) + DAY_MS;
  if (preset === 'ytd') return { from: startOfUtcYear(anchor), to };
  return { from: to - PRESET_DAYS[preset] * DAY_MS, to };
}

function parseBound(s: string | undefined, path: QueryPath): number | null {
  if (s === undefined || s === '') return null;
  const ms = parseIsoMs(s);
  if (ms === null) throw badInput(`"${s}" is not an ISO date or date-time (for example 2024-03-01 or 2024-03-01T12:00:00Z)`, path);
  return ms;
}

/** Both ranges apply: the later start and the earlier end. */
export function intersect(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) return b;
  if (!b) return a;
  const max = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
  const min = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
  return { from: max(a.from, b.from), to: min(a.to, b.to) };
}
