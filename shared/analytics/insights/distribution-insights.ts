/**
 * Insights from a distribution analysis (the analytics.distribution answer): the normality verdict
 * the engine words itself, where the middle half of the values lies, and the outliers.
 */
import type { DistributionResult } from '../../contract/analytics.js';
import { capitalize, formatAmount, formatPercent } from './format.js';
import type { Insight } from './types.js';

export type DistributionFacts = Pick<DistributionResult, 'name' | 'n' | 'boxPlot' | 'normality'>;

export function distributionInsights(d: DistributionFacts): Insight[] {
  const b = d.boxPlot;
  const out: Insight[] = [
    { kind: 'distribution', tone: d.normality.normal === false ? 'caution' : 'neutral', title: 'Normality', text: d.normality.verdict },
    { kind: 'distribution', tone: 'neutral', title: 'Typical values', text: `${capitalize(d.name)} is typically ${formatAmount(b.median)} (the median); the middle half of the values lies between ${formatAmount(b.q1)} and ${formatAmount(b.q3)}.` },
  ];
  const k = b.outlierCount;
  out.push(
    k === 0
      ? { kind: 'outliers', tone: 'neutral', title: 'Outliers', text: 'No values lie beyond the box-plot fences (1.5 × IQR from the quartiles).' }
      : {
          kind: 'outliers',
          tone: 'caution',
          title: 'Outliers',
          text: `${k} ${k === 1 ? 'value' : 'values'} (${formatPercent((100 * k) / d.n)}) ${k === 1 ? 'lies' : 'lie'} beyond the box-plot fences (below ${formatAmount(b.lowerFence)} or above ${formatAmount(b.upperFence)}).`,
        },
  );
  return out;
}
