/**
 * KPI cards: the widget's first measure over its effective period, over the period of the same
 * length immediately before, and as a sparkline across the current period (see KpiSummary in
 * shared/model/query.ts). Each part is an ordinary resolved query, so the rollup answers it whenever
 * the periods fall on whole days.
 */
import type { KpiSummary, TimeBucket } from '../../shared/model/query.js';
import type { QueryEngine } from './engine.js';
import { rangeColumn } from './resolve.js';
import { DAY_MS, startOfUtcDay, toIso } from './time.js';
import type { ColumnRef, ResolvedQuery } from './types.js';

/** About 30–100 points whatever the period's length. */
function sparklineBucket(lengthMs: number): TimeBucket {
  if (lengthMs <= 4 * DAY_MS) return 'hour';
  if (lengthMs <= 100 * DAY_MS) return 'day';
  if (lengthMs <= 2 * 366 * DAY_MS) return 'week';
  if (lengthMs <= 8 * 366 * DAY_MS) return 'month';
  return 'quarter';
}

function changeBetween(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function kpiSummary(engine: QueryEngine, q: ResolvedQuery, opts: { compare: boolean }): KpiSummary {
  const { x: _x, series: _s, limit: _l, maxPoints: _m, ...rest } = q;
  const single: ResolvedQuery = { ...rest, measures: q.measures.slice(0, 1), sort: null };
  const valueOver = (range: ResolvedQuery['range']): number | null => asNumber(engine.execute({ ...single, range }).rows[0]?.[0]);
  const none: KpiSummary = { value: null, previous: null, change: null, period: null, previousPeriod: null, sparkline: [], sparklineX: [], sparklineBucket: null };

  const time: ColumnRef | undefined = q.range?.column ?? rangeColumn(q.dataset, q.x);
  if (!time) return { ...none, value: valueOver(q.range) };
  const span = engine.span(q.dataset, time);
  if (span.min === null || span.max === null) return { ...none, value: valueOver(q.range) };

  const from = q.range?.from ?? startOfUtcDay(span.min);
  const to = q.range?.to ?? startOfUtcDay(span.max) + DAY_MS;
  const length = to - from;
  const value = valueOver({ column: time, from, to });
  const period = { from: toIso(from), to: toIso(to) };
  if (length <= 0) return { ...none, value, period };

  const previous = opts.compare ? valueOver({ column: time, from: from - length, to: from }) : null;
  const bucket = q.x?.column.key === time.key && q.x.bucket ? q.x.bucket : sparklineBucket(length);
  const spark = engine.execute({ ...single, x: { column: time, bucket }, range: { column: time, from, to } }).rows.filter((r) => typeof r[0] === 'string');
  return {
    value,
    previous,
    change: opts.compare ? changeBetween(value, previous) : null,
    period,
    previousPeriod: opts.compare ? { from: toIso(from - length), to: period.from } : null,
    sparkline: spark.map((r) => asNumber(r[1])),
    sparklineX: spark.map((r) => r[0] as string),
    sparklineBucket: bucket,
  };
}
