/**
 * Insights from a regression (the analytics.regress answer): how much of the variation the model
 * explains, what a one-unit change in a single predictor is worth, and which predictors matter.
 */
import type { RegressResult } from '../../contract/analytics.js';
import { formatAmount, formatCoefficient, formatP } from './format.js';
import type { Insight } from './types.js';

export type RegressionFacts = Pick<RegressResult, 'kind' | 'response' | 'predictors' | 'intercept' | 'level' | 'terms' | 'rSquared' | 'adjRSquared' | 'fPValue' | 'n'>;

const SIGNIFICANT = 0.05;

export function regressionInsights(r: RegressionFacts): Insight[] {
  const out: Insight[] = [];
  const pct = Math.round(r.rSquared * 100);
  out.push({
    kind: 'regression',
    tone: r.rSquared >= 0.5 ? 'positive' : r.rSquared >= 0.2 ? 'neutral' : 'caution',
    title: 'Fit',
    text: `The model explains ${pct}% of the variation in ${r.response} (R² ${formatCoefficient(r.rSquared)}, adjusted ${formatCoefficient(r.adjRSquared)}, n = ${r.n}).`,
  });
  const slopes = r.terms.filter((t) => t.term !== '(intercept)');
  if ((r.kind === 'simple' || (r.kind === 'polynomial' && slopes.length === 1)) && slopes.length === 1) {
    const s = slopes[0]!;
    const x = r.predictors[0] ?? s.term;
    const level = `${Math.round(r.level * 100)}% CI ${formatAmount(s.ciLow)} to ${formatAmount(s.ciHigh)}`;
    out.push({
      kind: 'regression',
      tone: s.pValue < SIGNIFICANT ? 'neutral' : 'caution',
      title: 'Effect',
      text: `Each 1-unit increase in ${x} goes with a change of ${formatAmount(s.estimate)} in ${r.response} (${level}; ${formatP(s.pValue)})${s.pValue < SIGNIFICANT ? '' : ', which could be chance'}.`,
    });
  } else if (slopes.length > 1) {
    const sig = slopes.filter((t) => t.pValue < SIGNIFICANT).map((t) => t.term);
    const not = slopes.filter((t) => t.pValue >= SIGNIFICANT).map((t) => t.term);
    const text = sig.length
      ? `Significant at the 5% level: ${sig.join(', ')}${not.length ? `; not significant: ${not.join(', ')}` : ''}.`
      : `No term is significant at the 5% level on its own${r.fPValue !== null ? ` (the model as a whole: ${formatP(r.fPValue)})` : ''}.`;
    out.push({ kind: 'regression', tone: sig.length ? 'neutral' : 'caution', title: 'Predictors', text });
  }
  return out;
}
