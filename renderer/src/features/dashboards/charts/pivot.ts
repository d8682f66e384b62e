/**
 * Turns a QueryResult (rows of x, optional series value, and one or more measures) into what a chart
 * draws: the ordered x categories and one numeric series per (series value × measure). Missing
 * combinations stay null so lines break instead of inventing zeros.
 */
import type { QueryResult } from '../../../../../shared/model/query.js';

export interface PivotSeries {
  name: string;
  /** The measure column this series comes from. */
  measure: string;
  /** The series-field value, when the query splits by one. */
  group?: string;
  values: (number | null)[];
}

export interface Pivot {
  x: unknown[];
  xName: string | null;
  xType: string | null;
  series: PivotSeries[];
  measures: string[];
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export function pivot(result: QueryResult, maxGroups = 24): Pivot {
  const cols = result.columns;
  const xi = cols.findIndex((c) => c.role === 'x');
  const si = cols.findIndex((c) => c.role === 'series');
  const yis = cols.map((c, i) => (c.role === 'y' ? i : -1)).filter((i) => i >= 0);
  const measures = yis.map((i) => cols[i]!.name);
  const xs: unknown[] = [];
  const xIndex = new Map<string, number>();
  const keyOf = (v: unknown) => (v === null ? '\u0000null' : typeof v + ':' + String(v));
  for (const row of result.rows) {
    const xv = xi >= 0 ? row[xi] : null;
    const k = keyOf(xv);
    if (!xIndex.has(k)) {
      xIndex.set(k, xs.length);
      xs.push(xv);
    }
  }
  if (xi < 0 && xs.length === 0 && result.rows.length) xs.push(null);

  if (si < 0) {
    const series = yis.map((yi, m) => {
      const values: (number | null)[] = new Array(xs.length).fill(null);
      for (const row of result.rows) values[xIndex.get(keyOf(xi >= 0 ? row[xi] : null)) ?? 0] = num(row[yi]);
      return { name: measures[m]!, measure: measures[m]!, values };
    });
    return { x: xs, xName: xi >= 0 ? cols[xi]!.name : null, xType: xi >= 0 ? cols[xi]!.type : null, series, measures };
  }

  // Split by the series field; groups ordered by their total so the biggest are kept when capped.
  const groups = new Map<string, { total: number; values: Map<string, (number | null)[]> }>();
  for (const row of result.rows) {
    const g = row[si] === null || row[si] === undefined ? '(empty)' : String(row[si]);
    let entry = groups.get(g);
    if (!entry) groups.set(g, (entry = { total: 0, values: new Map() }));
    const xPos = xIndex.get(keyOf(xi >= 0 ? row[xi] : null)) ?? 0;
    for (const [m, yi] of yis.entries()) {
      const name = measures[m]!;
      let arr = entry.values.get(name);
      if (!arr) entry.values.set(name, (arr = new Array(xs.length).fill(null)));
      const v = num(row[yi]);
      arr[xPos] = v;
      if (m === 0 && v !== null) entry.total += Math.abs(v);
    }
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, maxGroups);
  const series: PivotSeries[] = [];
  for (const [g, entry] of ordered) {
    for (const name of measures) {
      series.push({ name: measures.length > 1 ? `${g} · ${name}` : g, group: g, measure: name, values: entry.values.get(name) ?? new Array(xs.length).fill(null) });
    }
  }
  return { x: xs, xName: xi >= 0 ? cols[xi]!.name : null, xType: xi >= 0 ? cols[xi]!.type : null, series, measures };
}
