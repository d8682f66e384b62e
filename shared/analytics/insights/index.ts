/**
 * Plain-language insights generated from analytics results, for the Analytics section's cards and
 * for reports. Pure functions of the contract's answers: the same sentence wherever it is shown.
 */
export type { Insight, InsightKind } from './types.js';
export { trendInsights, trendClause, seasonalityClause, type TrendFacts } from './trend-insights.js';
export { forecastInsights, forecastClause, accuracyInsight, modelInsight, type ForecastFacts, type ForecastInsightOptions } from './forecast-insights.js';
export { correlationInsights, relationshipSentence, type CorrelationFacts } from './correlation-insights.js';
export { regressionInsights, type RegressionFacts } from './regression-insights.js';
export { distributionInsights, type DistributionFacts } from './distribution-insights.js';
export { seriesSummary } from './summary.js';
export { correlationStrength, type CorrelationStrength } from './correlation-strength.js';
export { formatAmount, formatPercent, formatP, formatCoefficient } from './format.js';
