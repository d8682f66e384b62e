/**
 * Assembles the one SELECT shape both generators (table scan and rollup) produce:
 *   SELECT <x> AS x, <series> AS s, <m0> AS m0, … FROM … WHERE … GROUP BY x, s ORDER BY … LIMIT ?
 * Every expression passed in is built from generated identifiers and constants; values are in params.
 */
import type { ResolvedQuery } from './types.js';

export interface SelectParts {
  from: string;
  x?: string;
  series?: string;
  measures: string[];
  where: string[];
  params: (number | string)[];
}

export function assembleSelect(q: ResolvedQuery, parts: SelectParts): { sql: string; params: (number | string)[] } {
  const select: string[] = [];
  const group: string[] = [];
  if (parts.x !== undefined) {
    select.push(`${parts.x} AS x`);
    group.push('x');
  }
  if (parts.series !== undefined) {
    select.push(`${parts.series} AS s`);
    group.push('s');
  }
  parts.measures.forEach((m, i) => select.push(`${m} AS m${i}`));

  // Default order: along x, then by series, so charts draw left to right without sorting again.
  const order: string[] = [];
  const dir = q.sort?.dir === 'desc' ? 'DESC' : 'ASC';
  const target = q.sort?.target;
  if (target?.kind === 'measure') order.push(`m${target.index} ${dir}`);
  if (parts.x !== undefined) order.push(`x ${target?.kind === 'x' ? dir : 'ASC'}`);
  if (parts.series !== undefined) order.push(`s ${target?.kind === 'series' ? dir : 'ASC'}`);
  if (target?.kind === 'series' && parts.x !== undefined) order.unshift(order.pop()!);

  const params = [...parts.params];
  let sql = `SELECT ${select.join(', ')} FROM ${parts.from}`;
  if (parts.where.length) sql += ` WHERE ${parts.where.join(' AND ')}`;
  if (group.length) sql += ` GROUP BY ${group.join(', ')}`;
  if (order.length) sql += ` ORDER BY ${order.join(', ')}`;
  if (q.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(q.limit);
  }
  return { sql, params };
}
