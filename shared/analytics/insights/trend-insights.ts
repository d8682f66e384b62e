/**
 * Insights from a trend analysis (the analytics.trend answer): how fast the series grows and whether
 * it has a seasonal pattern. Growth is the linear trend's slope as a share of the series' mean level,
 * quoted per natural span (a month for daily data) — simple, not compounded, growth.
 */
import type { TrendResult } from '../../contract/analytics.js';
import { capitalize, formatCoefficient, formatP, formatPercent } from './format.js';
import { growthSpan, seasonName } from './periods.js';
import type { Insight } from './types.js';

export type TrendFacts = Pick<TrendResult, 'timeKind' | 'frequency' | 'linear' | 'seasonality'>;

const SIGNIFICANT = 0.05;

/** "revenue grows 3.1% a month", or "revenue shows no clear trend (p = 0.42)". */
export function trendClause(name: string, t: TrendFacts): { text: string; tone: Insight['tone'] } {
  const { slopePerStepPercentOfMean: pct, slopePValue: p } = t.linear;
  if (pct === null || p === null || p >= SIGNIFICANT) return { text: `${name} shows no clear trend${p !== null ? ` (${formatP(p)})` : ''}`, tone: 'neutral' };
  const span = t.timeKind === 'datetime' ? growthSpan(t.frequency.unit, t.frequency.step) : null;
  const rate = span ? pct * span.steps : pct;
  const per = span ? span.label : 'per step';
  if (Math.abs(rate) < 0.05) return { text: `${name} is flat (a trend of under 0.1% ${per})`, tone: 'neutral' };
  return { text: `${name} ${rate > 0 ? 'grows' : 'falls'} ${formatPercent(Math.abs(rate))} ${per}`, tone: rate > 0 ? 'positive' : 'negative' };
}

/** "strong weekly seasonality (strength 0.82)", or "no clear seasonality". */
export function seasonalityClause(t: TrendFacts): string {
  const { period, strength } = t.seasonality;
  if (period === null) return 'no clear seasonality';
  const word = strength >= 0.64 ? 'strong' : strength >= 0.4 ? 'moderate' : 'weak';
  const unit = t.timeKind === 'datetime' ? t.frequency.unit : 'step';
  return `${word} ${seasonName(unit, period)} seasonality (strength ${formatCoefficient(strength)})`;
}

/**
 * @example
 * trendInsights('Revenue', trend); // [{ kind: 'trend', text: 'Revenue grows 3.1% a month (linear trend, R² 0.64).' }, { kind: 'seasonality', … }]
 */
export function trendInsights(name: string, t: TrendFacts): Insight[] {
  const trend = trendClause(name, t);
  const fit = t.linear.slopePValue !== null && t.linear.slopePValue < SIGNIFICANT ? ` (linear trend, R² ${formatCoefficient(t.linear.rSquared)})` : '';
  return [
    { kind: 'trend', tone: trend.tone, title: 'Trend', text: `${capitalize(trend.text)}${fit}.` },
    { kind: 'seasonality', tone: 'neutral', title: 'Seasonality', text: `${capitalize(seasonalityClause(t))}.` },
  ];
}
