/**
 * Insights from a correlation matrix (the analytics.correlate answer): the strongest relationships in
 * words, with their coefficient, pairwise n and, when a pair is not significant, its p-value.
 */
import type { CorrelateResult } from '../../contract/analytics.js';
import { capitalize, formatCoefficient, formatP } from './format.js';
import type { Insight } from './types.js';

export type CorrelationFacts = Pick<CorrelateResult, 'method' | 'strongest'>;

const SIGNIFICANT = 0.05;

/**
 * @example
 * relationshipSentence({ a: 'revenue', b: 'orders', r: 0.93, pValue: 0, n: 730, strength: 'strong', direction: 'positive' }, 'pearson');
 * // "Revenue and orders are strongly correlated (r = 0.93, n = 730): they rise and fall together."
 */
export function relationshipSentence(pair: CorrelationFacts['strongest'][number], method: CorrelationFacts['method']): string {
  const symbol = method === 'spearman' ? 'ρ' : 'r';
  const adverb = pair.strength === 'strong' ? 'strongly' : pair.strength === 'moderate' ? 'moderately' : 'weakly';
  const sign = pair.direction === 'negative' ? ' negatively' : '';
  const meaning = pair.direction === 'negative' ? 'when one rises the other tends to fall' : 'they rise and fall together';
  const weak = pair.pValue !== null && pair.pValue >= SIGNIFICANT ? `; not statistically significant (${formatP(pair.pValue)})` : '';
  return `${capitalize(pair.a)} and ${pair.b} are ${adverb}${sign} correlated (${symbol} = ${formatCoefficient(pair.r)}, n = ${pair.n})${weak ? weak : `: ${meaning}`}.`;
}

export function correlationInsights(c: CorrelationFacts, max = 3): Insight[] {
  const notable = c.strongest.filter((p) => p.strength !== 'negligible').slice(0, max);
  if (notable.length === 0) {
    const top = c.strongest[0];
    const text = top ? `No notable relationships: the strongest pair, ${top.a} and ${top.b}, has ${c.method === 'spearman' ? 'ρ' : 'r'} = ${formatCoefficient(top.r)}.` : 'No pairs could be correlated.';
    return [{ kind: 'correlation', tone: 'neutral', title: 'Relationships', text }];
  }
  return notable.map((p) => ({
    kind: 'correlation',
    tone: p.pValue !== null && p.pValue >= SIGNIFICANT ? 'caution' : 'neutral',
    title: p.strength === 'strong' ? 'Strong relationship' : p.strength === 'moderate' ? 'Moderate relationship' : 'Weak relationship',
    text: relationshipSentence(p, c.method),
  }));
}
