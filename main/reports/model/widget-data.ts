import type { Widget } from '../../../shared/model/dashboard.js';
import type { QueryResult } from '../../../shared/model/query.js';
import { isIsoDate } from './format.js';
import type { WidgetData } from './types.js';

/** A widget and its query result (or the reason there is none) as the report model holds it. */
export function toWidgetData(widget: Widget, result: QueryResult | { error: string }): WidgetData {
  // Named as the query engine names result columns: "as", else "agg(field)".
  const measures = widget.query.y.map((m) => ({ name: m.as ?? `${m.agg}(${m.field ?? '*'})`, agg: m.agg, ...(m.field ? { field: m.field } : {}) }));
  const base = { id: widget.id, measures, title: widget.title || 'Untitled widget', type: widget.type, options: widget.options ?? {}, ...(widget.query.x?.bucket ? { bucket: widget.query.x.bucket } : {}) };
  if ('error' in result) return { ...base, columns: [], rows: [], error: result.error, timeSeries: false };
  const xIndex = result.columns.findIndex((c) => c.role === 'x');
  const timeSeries = xIndex >= 0 && (result.columns[xIndex]!.type === 'datetime' || !!widget.query.x?.bucket || result.rows.slice(0, 5).every((r) => isIsoDate(r[xIndex] ?? null)));
  return { ...base, columns: result.columns, rows: result.rows, ...(result.kpi ? { kpi: result.kpi } : {}), timeSeries: timeSeries && result.rows.length > 0 };
}

export const xColumn = (w: WidgetData) => w.columns.findIndex((c) => c.role === 'x');
export const seriesColumn = (w: WidgetData) => w.columns.findIndex((c) => c.role === 'series');
export const measureColumns = (w: WidgetData) => w.columns.flatMap((c, i) => (c.role === 'y' ? [i] : []));

/**
 * Long-format rows (x, series, y…) as one series per (series value × measure), keyed by x, in x order.
 * Charts, pivots and slides all need this shape.
 */
export function seriesOf(w: WidgetData): { xs: (string | number)[]; series: { name: string; measure: string; values: (number | null)[] }[] } {
  const xi = xColumn(w);
  const si = seriesColumn(w);
  const ms = measureColumns(w);
  const xs: (string | number)[] = [];
  const xIndex = new Map<string, number>();
  const keyOf = (v: unknown) => String(v);
  for (const r of w.rows) {
    const x = xi >= 0 ? (r[xi] as string | number | null) ?? '' : w.title;
    if (!xIndex.has(keyOf(x))) {
      xIndex.set(keyOf(x), xs.length);
      xs.push(typeof x === 'boolean' ? String(x) : x);
    }
  }
  const byName = new Map<string, { name: string; measure: string; values: (number | null)[] }>();
  for (const r of w.rows) {
    const x = xi >= 0 ? (r[xi] as string | number | null) ?? '' : w.title;
    const pos = xIndex.get(keyOf(x))!;
    for (const m of ms) {
      const measure = w.columns[m]!.name;
      const split = si >= 0 ? String(r[si] ?? '(none)') : null;
      const name = split === null ? measure : ms.length > 1 ? `${split} · ${measure}` : split;
      let s = byName.get(name);
      if (!s) {
        s = { name, measure, values: new Array<number | null>(xs.length).fill(null) };
        byName.set(name, s);
      }
      const v = r[m];
      s.values[pos] = typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v);
    }
  }
  return { xs, series: [...byName.values()] };
}
