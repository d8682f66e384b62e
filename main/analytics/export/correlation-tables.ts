/**
 * A correlation report as tables: every pair ranked by |r| (with its p-value, n and plain-language
 * strength), and the coefficient, p-value and pairwise-n matrices. Pure.
 */
import type { CorrelateResult } from '../../../shared/contract/analytics.js';
import type { Scalar } from '../../../shared/model/query.js';
import { correlationStrength } from '../../../shared/analytics/insights/correlation-strength.js';
import type { Sheet } from './workbook-file.js';

export function correlationPairsSheet(result: CorrelateResult): Sheet {
  const pairs: { a: string; b: string; r: number | null; p: number | null; n: number }[] = [];
  const cols = result.columns;
  for (let i = 0; i < cols.length; i++) for (let j = i + 1; j < cols.length; j++) pairs.push({ a: cols[i]!, b: cols[j]!, r: result.matrix[i]![j]!, p: result.pValues[i]![j]!, n: result.n[i]![j]! });
  // Undefined coefficients (a constant column) go last; the notices say why.
  pairs.sort((x, y) => (y.r === null ? -1 : 0) - (x.r === null ? -1 : 0) || Math.abs(y.r ?? 0) - Math.abs(x.r ?? 0));
  const rows = pairs.map((p): Scalar[] => [p.a, p.b, p.r, p.p, p.n, p.r === null ? 'undefined' : correlationStrength(p.r), p.r === null ? '' : p.r >= 0 ? 'positive' : 'negative']);
  return { name: 'Pairs', columns: ['column A', 'column B', result.method === 'pearson' ? 'Pearson r' : 'Spearman rho', 'p-value', 'n', 'strength', 'direction'], rows };
}

export function matrixSheet(name: string, result: CorrelateResult, values: readonly (readonly (number | null)[])[]): Sheet {
  return { name, columns: ['', ...result.columns], rows: result.columns.map((c, i) => [c, ...values[i]!]) };
}
