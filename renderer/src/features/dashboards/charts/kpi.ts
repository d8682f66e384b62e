/**
 * What a KPI card shows: the headline value, the change against the previous period of the same
 * length, and a sparkline. main computes these (result.kpi, see KpiSummary); a result without them
 * (an older backend, or a plain query) falls back to its first measure.
 */
import type { QueryResult } from '../../../../../shared/model/query.js';

export interface KpiView {
  value: number | null;
  previous: number | null;
  change: number | null;
  spark: (number | null)[];
  label: string;
  /** "Mar 1 – Mar 31, 2025" style description of the current period, when known. */
  period: { from: string; to: string } | null;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function kpiView(result: QueryResult): KpiView {
  const yi = result.columns.findIndex((c) => c.role === 'y');
  const label = yi >= 0 ? result.columns[yi]!.name : '';
  const k = result.kpi;
  if (k) return { value: k.value, previous: k.previous, change: k.change, spark: k.sparkline, label, period: k.period };
  const series = yi >= 0 ? result.rows.map((r) => num(r[yi])) : [];
  if (series.length <= 1) return { value: series[0] ?? null, previous: null, change: null, spark: [], label, period: null };
  const value = series[series.length - 1] ?? null;
  const previous = series[series.length - 2] ?? null;
  const change = value !== null && previous !== null && previous !== 0 ? (value - previous) / Math.abs(previous) : null;
  return { value, previous, change, spark: series, label, period: null };
}
