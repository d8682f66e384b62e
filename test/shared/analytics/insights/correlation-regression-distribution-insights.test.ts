import { describe, expect, it } from 'vitest';
import { correlationInsights, distributionInsights, regressionInsights, relationshipSentence, type DistributionFacts, type RegressionFacts } from '../../../../shared/analytics/insights/index.js';
import { correlationStrength } from '../../../../shared/analytics/insights/correlation-strength.js';

describe('correlation insights', () => {
  const pair = (a: string, b: string, r: number, pValue: number | null, n = 730) => ({ a, b, r, pValue, n, strength: correlationStrength(r), direction: r >= 0 ? ('positive' as const) : ('negative' as const) });

  it('describes the strongest pairs in words, with r and n', () => {
    const cards = correlationInsights({ method: 'pearson', strongest: [pair('revenue', 'orders', 0.934, 0), pair('price', 'units', -0.52, 0.0001), pair('units', 'returns', 0.25, 0.31, 30), pair('a', 'b', 0.1, 0.5)] });
    expect(cards.map((c) => c.text)).toEqual([
      'Revenue and orders are strongly correlated (r = 0.93, n = 730): they rise and fall together.',
      'Price and units are moderately negatively correlated (r = -0.52, n = 730): when one rises the other tends to fall.',
      'Units and returns are weakly correlated (r = 0.25, n = 30); not statistically significant (p = 0.31).',
    ]);
    expect(cards.map((c) => c.title)).toEqual(['Strong relationship', 'Moderate relationship', 'Weak relationship']);
    expect(cards[2]!.tone).toBe('caution');
  });

  it('uses rho for Spearman and says when nothing is related', () => {
    expect(relationshipSentence(pair('x', 'y', 0.8, 0), 'spearman')).toBe('X and y are strongly correlated (ρ = 0.80, n = 730): they rise and fall together.');
    expect(correlationInsights({ method: 'pearson', strongest: [pair('a', 'b', 0.12, 0.4)] })[0]!.text).toBe('No notable relationships: the strongest pair, a and b, has r = 0.12.');
  });

  it('labels strength with the engine’s cut-offs', () => {
    expect([0.7, 0.69, 0.4, 0.2, 0.19, -0.75].map(correlationStrength)).toEqual(['strong', 'moderate', 'moderate', 'weak', 'negligible', 'strong']);
  });
});

describe('regression insights', () => {
  const base: RegressionFacts = {
    kind: 'simple',
    response: 'revenue',
    predictors: ['price'],
    intercept: true,
    level: 0.95,
    terms: [
      { term: '(intercept)', estimate: 100, stdError: 1, tValue: 100, pValue: 0, ciLow: 98, ciHigh: 102 },
      { term: 'price', estimate: -3.2, stdError: 0.45, tValue: -7.1, pValue: 0.00001, ciLow: -4.1, ciHigh: -2.3 },
    ],
    rSquared: 0.6421,
    adjRSquared: 0.6388,
    fPValue: 0.00001,
    n: 120,
  };

  it('states the fit and the effect of a single predictor', () => {
    expect(regressionInsights(base).map((c) => c.text)).toEqual([
      'The model explains 64% of the variation in revenue (R² 0.64, adjusted 0.64, n = 120).',
      'Each 1-unit increase in price goes with a change of -3.2 in revenue (95% CI -4.1 to -2.3; p < 0.001).',
    ]);
  });

  it('lists significant and insignificant predictors of a multiple regression', () => {
    const multi: RegressionFacts = {
      ...base,
      kind: 'multiple',
      predictors: ['price', 'ads', 'season'],
      terms: [...base.terms, { term: 'ads', estimate: 2, stdError: 0.5, tValue: 4, pValue: 0.0002, ciLow: 1, ciHigh: 3 }, { term: 'season', estimate: 0.1, stdError: 0.5, tValue: 0.2, pValue: 0.84, ciLow: -0.9, ciHigh: 1.1 }],
    };
    expect(regressionInsights(multi)[1]!.text).toBe('Significant at the 5% level: price, ads; not significant: season.');
  });

  it('warns when an effect could be chance', () => {
    const weak = { ...base, rSquared: 0.01, adjRSquared: -0.002, terms: [base.terms[0]!, { ...base.terms[1]!, pValue: 0.42, ciLow: -9.5, ciHigh: 3.1 }] };
    const cards = regressionInsights(weak);
    expect(cards.map((c) => c.text)).toEqual(['The model explains 1% of the variation in revenue (R² 0.01, adjusted -0.00, n = 120).', 'Each 1-unit increase in price goes with a change of -3.2 in revenue (95% CI -9.5 to 3.1; p = 0.42), which could be chance.']);
    expect(cards.map((c) => c.tone)).toEqual(['caution', 'caution']);
  });
});

describe('distribution insights', () => {
  const facts: DistributionFacts = {
    name: 'order value',
    n: 750,
    boxPlot: { q1: 120_000, median: 137_000, q3: 150_000, iqr: 30_000, lowerFence: 75_000, upperFence: 195_000, whiskerLow: 80_000, whiskerHigh: 190_000, outliers: [], outlierCount: 12 },
    normality: { shapiroWilk: { w: 0.97, pValue: 0.001, n: 750 }, andersonDarling: null, jarqueBera: null, alpha: 0.05, normal: false, verdict: 'The values do not look normally distributed (Shapiro–Wilk p < 0.001).' },
  };

  it('passes the engine’s verdict through and adds the middle half and the outliers', () => {
    expect(distributionInsights(facts).map((c) => c.text)).toEqual([
      'The values do not look normally distributed (Shapiro–Wilk p < 0.001).',
      'Order value is typically 137k (the median); the middle half of the values lies between 120k and 150k.',
      '12 values (1.6%) lie beyond the box-plot fences (below 75k or above 195k).',
    ]);
  });

  it('says so when there are no outliers, and words a single one', () => {
    expect(distributionInsights({ ...facts, boxPlot: { ...facts.boxPlot, outlierCount: 0 } })[2]!.text).toBe('No values lie beyond the box-plot fences (1.5 × IQR from the quartiles).');
    expect(distributionInsights({ ...facts, boxPlot: { ...facts.boxPlot, outlierCount: 1 } })[2]!.text).toBe('1 value (0.1%) lies beyond the box-plot fences (below 75k or above 195k).');
  });
});
