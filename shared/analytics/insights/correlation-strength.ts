/**
 * Plain-language strength of a correlation coefficient: |r| ≥ 0.7 strong, ≥ 0.4 moderate, ≥ 0.2 weak,
 * else negligible — the same Cohen-style cut-offs the engine uses for its `strongest` list
 * (../correlation/correlation-matrix.ts), so a report and the cards never disagree.
 *
 * @example
 * correlationStrength(-0.82); // 'strong'
 */
export type CorrelationStrength = 'strong' | 'moderate' | 'weak' | 'negligible';

export function correlationStrength(r: number): CorrelationStrength {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : a >= 0.2 ? 'weak' : 'negligible';
}
