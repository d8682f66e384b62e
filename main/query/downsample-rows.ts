/**
 * Applies downsample.ts to query result rows: each series (rows sharing a series value) longer than
 * maxPoints is reduced on its own, ordered along x; the kept rows stay in the query's order.
 * One numeric measure: LTTB (its y decides the shape). Several: min-max, so every measure keeps its
 * peaks. Rows whose measure is empty are not candidates for LTTB (they would poison its averages),
 * and rows without an x value are dropped from a reduced series.
 */
import type { QueryResult } from '../../shared/model/query.js';
import { lttbIndices, minMaxIndices, type DownsampleMethod } from './downsample.js';
import type { ResolvedQuery } from './types.js';

const toNumber = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));

export function downsampleRows(q: ResolvedQuery, rows: unknown[][], maxPoints: number): { rows: unknown[][]; downsampled: NonNullable<QueryResult['downsampled']> } | null {
  const seriesAt = q.series ? (q.x ? 1 : 0) : -1;
  const firstY = (q.x ? 1 : 0) + (q.series ? 1 : 0);
  const numericY = q.measures.map((m, i) => ({ m, i: firstY + i })).filter(({ m }) => m.type === 'integer' || m.type === 'number');
  const numericX = !!q.x && (q.x.bucket !== undefined || ['integer', 'number', 'datetime'].includes(q.x.column.type));

  const groups = new Map<unknown, number[]>();
  rows.forEach((r, i) => {
    const key = seriesAt >= 0 ? r[seriesAt] : null;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  if (![...groups.values()].some((g) => g.length > maxPoints)) return null;

  const method: DownsampleMethod = numericY.length <= 1 ? 'lttb' : 'minmax';
  const kept = new Set<number>();
  for (let idx of groups.values()) {
    if (idx.length <= maxPoints) {
      idx.forEach((i) => kept.add(i));
      continue;
    }
    if (numericX) {
      // Rows without an x value (an empty timestamp) have no place on the axis.
      idx = idx.filter((i) => !Number.isNaN(toNumber(rows[i]![0]))).sort((a, b) => toNumber(rows[a]![0]) - toNumber(rows[b]![0]));
    }
    const xs = (list: number[]) => list.map((i, pos) => (numericX ? toNumber(rows[i]![0]) : pos));
    if (method === 'lttb') {
      const at = numericY[0]?.i;
      // No numeric measure: keep evenly spread rows (the position is the y).
      const usable = at === undefined ? idx : idx.filter((i) => !Number.isNaN(toNumber(rows[i]![at])));
      const ys = at === undefined ? usable.map((_, pos) => pos) : usable.map((i) => toNumber(rows[i]![at]));
      lttbIndices(xs(usable), ys, maxPoints).forEach((p) => kept.add(usable[p]!));
    } else {
      const ys = numericY.map(({ i: at }) => idx.map((i) => toNumber(rows[i]![at])));
      minMaxIndices(idx.length, ys, maxPoints).forEach((p) => kept.add(idx[p]!));
    }
  }
  const out = rows.filter((_, i) => kept.has(i));
  return { rows: out, downsampled: { method, from: rows.length, to: out.length } };
}
