/**
 * Pearson or Spearman correlation matrix with two-sided p-values, pairwise n and the strongest
 * relationships. Missing values are handled pairwise (R's use = "pairwise.complete.obs"): columns
 * without missing values share one blocked pass (./cross-products.ts); a pair involving a column
 * with gaps is computed over the rows both have, with its own means (and, for Spearman, its own
 * ranks), so every entry is exactly what the two columns alone would give.
 */
import { UdashError } from '../../errors.js';
import { assertSameLength } from '../checks.js';
import type { NumericColumn } from '../column.js';
import type { Notice } from '../notice.js';
import { correlationPValue } from './correlation-p-value.js';
import { scanForCorrelation } from './column-scan.js';
import { crossProducts } from './cross-products.js';
import { averageRanks } from './ranks.js';

export type CorrelationMethod = 'pearson' | 'spearman';

export interface Relationship {
  a: string;
  b: string;
  r: number;
  pValue: number | null;
  n: number;
  /** |r| ≥ 0.7 strong, ≥ 0.4 moderate, ≥ 0.2 weak, else negligible (Cohen-style labels for plain-language cards). */
  strength: 'strong' | 'moderate' | 'weak' | 'negligible';
  direction: 'positive' | 'negative';
}

export interface CorrelationResult {
  method: CorrelationMethod;
  columns: string[];
  /** r, 1 on the diagonal; null where undefined (a constant column, fewer than 2 common rows). */
  matrix: (number | null)[][];
  pValues: (number | null)[][];
  /** Rows where both columns have a value. */
  n: number[][];
  /** Off-diagonal pairs by |r|, strongest first. */
  strongest: Relationship[];
  notices: Notice[];
}

export interface CorrelationOptions {
  method?: CorrelationMethod;
  /** How many pairs `strongest` lists (default 10). */
  strongest?: number;
  /** Called with the share of work done (0–1), for progress events. */
  onProgress?: (fraction: number) => void;
}

function strengthOf(r: number): Relationship['strength'] {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : a >= 0.2 ? 'weak' : 'negligible';
}

/** r of two equally long arrays over the rows where both are present (two-pass, own means). */
function pairwise(x: Float64Array, y: Float64Array, method: CorrelationMethod): { r: number | null; n: number } {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i]) n++;
  if (n < 2) return { r: null, n };
  let xs: Float64Array = new Float64Array(n);
  let ys: Float64Array = new Float64Array(n);
  for (let i = 0, k = 0; i < x.length; i++) {
    if (x[i] === x[i] && y[i] === y[i]) {
      xs[k] = x[i]!;
      ys[k++] = y[i]!;
    }
  }
  if (method === 'spearman') {
    xs = averageRanks(xs);
    ys = averageRanks(ys);
  }
  const { sums } = crossProducts([xs, ys]);
  const den = Math.sqrt(sums[0]! * sums[3]!);
  return { r: den > 0 ? clamp(sums[1]! / den) : null, n };
}

/** Rounding can push |r| a hair past 1 for perfectly related columns. */
function clamp(r: number): number {
  return Math.max(-1, Math.min(1, r));
}

/**
 * @example
 * const r = correlationMatrix([numericColumn('a', [1, 2, 3, 4]), numericColumn('b', [2, 4, 5, 9])]);
 * r.matrix[0][1]; // 0.9569…
 */
export function correlationMatrix(columns: NumericColumn[], opts: CorrelationOptions = {}): CorrelationResult {
  const fn = 'correlationMatrix';
  const method = opts.method ?? 'pearson';
  if (method !== 'pearson' && method !== 'spearman') throw new UdashError('BAD_INPUT', `${fn}: method must be pearson or spearman, got ${String(method)}`, { field: 'method' });
  if (columns.length < 2) throw new UdashError('BAD_INPUT', `${fn}: choose at least two columns`, { field: 'columns' });
  const names = columns.map((c) => c.name);
  const dup = names.find((nm, i) => names.indexOf(nm) !== i);
  if (dup !== undefined) throw new UdashError('BAD_INPUT', `${fn}: column "${dup}" is listed twice`, { column: dup });
  assertSameLength(fn, columns);
  const k = columns.length;
  const rows = columns[0]!.values.length;
  const complete: boolean[] = [];
  const scans = columns.map((c) => scanForCorrelation(fn, c));
  for (const s of scans) complete.push(s.present === rows);
  const notices: Notice[] = [];
  const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  const n: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));

  // One blocked pass over the complete columns.
  const fast = columns.map((_, j) => j).filter((j) => complete[j]);
  // Spearman spends about half its time ranking: report that as the first half of the work.
  const rankShare = method === 'spearman' ? 0.5 : 0;
  const progress = (f: number) => opts.onProgress?.(rankShare + (1 - rankShare) * f);
  const prepared = columns.map((c, j) => {
    if (method !== 'spearman' || !complete[j]) return c.values;
    const r = averageRanks(c.values);
    opts.onProgress?.((rankShare * (j + 1)) / k);
    return r;
  });
  const fastShare = fast.length * fast.length;
  const totalShare = k * k;
  if (fast.length > 0) {
    const { sums } = crossProducts(
      fast.map((j) => prepared[j]!),
      opts.onProgress ? (done) => progress(((done / rows) * fastShare) / totalShare) : undefined,
      // Ranks have mean (n + 1)/2 whatever the ties.
      fast.map((j) => (method === 'spearman' ? (rows + 1) / 2 : scans[j]!.mean)),
    );
    const f = fast.length;
    for (let a = 0; a < f; a++) {
      for (let b = 0; b < f; b++) {
        const den = Math.sqrt(sums[a * f + a]! * sums[b * f + b]!);
        matrix[fast[a]!]![fast[b]!] = den > 0 ? clamp(sums[a * f + b]! / den) : null;
        n[fast[a]!]![fast[b]!] = rows;
      }
    }
  }
  // Pairs with gaps, over their common rows.
  let done = fastShare;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      if (complete[a] && complete[b]) continue;
      const res = pairwise(columns[a]!.values, columns[b]!.values, method);
      matrix[a]![b] = matrix[b]![a] = res.r;
      n[a]![b] = n[b]![a] = res.n;
      done += a === b ? 1 : 2;
      progress(done / totalShare);
    }
  }
  for (let j = 0; j < k; j++) {
    if (matrix[j]![j] === null) {
      notices.push({ code: 'no-variance', message: `Column "${names[j]}" has no variance (every value is the same), so its correlations are undefined.` });
    } else matrix[j]![j] = 1;
  }
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      if (matrix[a]![b] === null && matrix[a]![a] !== null && matrix[b]![b] !== null) {
        notices.push({ code: 'too-few-rows', message: `Columns "${names[a]}" and "${names[b]}" have ${n[a]![b]} rows in common or no variation there; their correlation is undefined.` });
      }
    }
  }
  const pValues = matrix.map((row, a) => row.map((r, b) => (a === b || r === null ? null : correlationPValue(r, n[a]![b]!))));
  const pairs: Relationship[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const r = matrix[a]![b];
      if (r === null || r === undefined) continue;
      pairs.push({ a: names[a]!, b: names[b]!, r, pValue: pValues[a]![b]!, n: n[a]![b]!, strength: strengthOf(r), direction: r >= 0 ? 'positive' : 'negative' });
    }
  }
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
  opts.onProgress?.(1);
  return { method, columns: names, matrix, pValues, n, strongest: pairs.slice(0, opts.strongest ?? 10), notices };
}
