/**
 * Chooses how to answer a resolved query: from the day rollup when it is fresh and can answer
 * exactly, otherwise by scanning the dataset's table (with or without its time index).
 */
import { ident } from '../store/datasets-repo.js';
import type { Db } from '../store/db.js';
import { compileTableScan } from './compile.js';
import { compileRollup, rollupRefusal } from './rollup/compile.js';
import { freshSpec } from './rollup/spec.js';
import type { CompiledQuery, ResolvedQuery } from './types.js';

/** Past this share of the time span, a plain scan beats walking the time index row by row. */
const INDEX_MAX_SHARE = 0.25;

export interface Planned extends CompiledQuery {
  /** Why the rollup was not used (for logs and tests); absent when it was. */
  scanReason?: string;
}

export function timeBounds(db: Db, table: string, key: string): { min: number | null; max: number | null } {
  // Separate statements: each is one index lookup, a combined MIN/MAX would scan.
  const min = (db.prepare(`SELECT MIN(${ident(key)}) AS v FROM ${ident(table)}`).get() as { v: number | null }).v;
  const max = (db.prepare(`SELECT MAX(${ident(key)}) AS v FROM ${ident(table)}`).get() as { v: number | null }).v;
  return { min, max };
}

function useTimeIndex(db: Db, q: ResolvedQuery): boolean {
  if (!q.range) return true;
  const { min, max } = timeBounds(db, q.dataset.tableName, q.range.column.key);
  if (min === null || max === null || max <= min) return true;
  const lo = Math.max(q.range.from ?? min, min);
  const hi = Math.min(q.range.to ?? max + 1, max + 1);
  return (hi - lo) / (max + 1 - min) <= INDEX_MAX_SHARE;
}

export function planQuery(db: Db, q: ResolvedQuery, opts: { allowRollup?: boolean } = {}): Planned {
  let reason = 'rollups are turned off for this query';
  if (opts.allowRollup !== false) {
    const spec = freshSpec(db, q.dataset);
    reason = spec ? (rollupRefusal(q, spec) ?? '') : 'the dataset has no up-to-date day rollup';
    if (spec && !reason) return compileRollup(q, spec);
  }
  return { ...compileTableScan(q, { useTimeIndex: useTimeIndex(db, q) }), scanReason: reason };
}
