/**
 * The one-line headline a card row opens with, joining what the trend, the seasonality and the
 * forecast say: "Revenue grows 3.1% a month; strong weekly seasonality (strength 0.82); the next
 * 30 days are forecast to total 4.1M ± 0.3M (95%)."
 */
import { capitalize } from './format.js';
import { forecastClause, type ForecastFacts, type ForecastInsightOptions } from './forecast-insights.js';
import { seasonalityClause, trendClause, type TrendFacts } from './trend-insights.js';
import type { Insight } from './types.js';

export function seriesSummary(name: string, parts: { trend?: TrendFacts | null; forecast?: ForecastFacts | null; forecastOptions?: ForecastInsightOptions }): Insight | null {
  const clauses: string[] = [];
  let tone: Insight['tone'] = 'neutral';
  if (parts.trend) {
    const t = trendClause(name, parts.trend);
    clauses.push(t.text, seasonalityClause(parts.trend));
    tone = t.tone;
  }
  if (parts.forecast && parts.forecast.forecast.length) clauses.push(forecastClause(parts.forecast, parts.forecastOptions));
  if (!clauses.length) return null;
  const text = capitalize(clauses.join('; '));
  return { kind: 'summary', tone, title: name, text: `${text}.` };
}
