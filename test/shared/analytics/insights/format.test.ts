import { describe, expect, it } from 'vitest';
import { formatAmount, formatCoefficient, formatP, formatPercent, scaleOf } from '../../../../shared/analytics/insights/format.js';
import { horizonPhrase, seasonName } from '../../../../shared/analytics/insights/periods.js';

describe('insight number wording', () => {
  it('writes amounts with three significant digits and a suffix', () => {
    expect(formatAmount(4_100_000)).toBe('4.1M');
    expect(formatAmount(312_400)).toBe('312k');
    expect(formatAmount(12_500)).toBe('12.5k');
    expect(formatAmount(137)).toBe('137');
    expect(formatAmount(1.2345)).toBe('1.23');
    expect(formatAmount(0.0123)).toBe('0.0123');
    expect(formatAmount(-3.2)).toBe('-3.2');
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(2_500_000_000)).toBe('2.5B');
  });

  it('rounds up into the next suffix instead of writing 1000k', () => {
    expect(formatAmount(999_960)).toBe('1M');
    expect(formatAmount(999.6)).toBe('1k');
  });

  it('writes a spread in the scale of the value it goes with', () => {
    expect(formatAmount(300_000, scaleOf(4_100_000))).toBe('0.3M');
    expect(formatAmount(12_345, scaleOf(4_100_000))).toBe('0.01M');
  });

  it('writes percentages, coefficients and p-values', () => {
    expect(formatPercent(3.14159)).toBe('3.1%');
    expect(formatPercent(3.04)).toBe('3%');
    expect(formatPercent(12.6)).toBe('13%');
    expect(formatCoefficient(0.8249)).toBe('0.82');
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(0.0423)).toBe('p = 0.042');
    expect(formatP(0.4234)).toBe('p = 0.42');
  });

  it('names seasonal periods and horizons', () => {
    expect(seasonName('day', 7)).toBe('weekly');
    expect(seasonName('month', 12)).toBe('yearly');
    expect(seasonName('hour', 24)).toBe('daily');
    expect(seasonName('day', 9)).toBe('9-day');
    expect(seasonName('step', 5)).toBe('5-period');
    expect(horizonPhrase('day', 30)).toBe('the next 30 days');
    expect(horizonPhrase('month', 1)).toBe('the next month');
    expect(horizonPhrase('step', 4)).toBe('the next 4 periods');
  });
});
