/** What the analysis panels read from their boxes and send: horizons, whole numbers, number wording. */
import { describe, expect, it } from 'vitest';
import { formatPValue, formatShare, formatStat, wholeAtLeast } from '../../../../renderer/src/features/analytics/format.js';
import { horizonValue, HORIZON_UNITS, INTERVAL_LEVELS } from '../../../../renderer/src/features/analytics/panels/forecast/forecast-settings.js';
import { ForecastOptions } from '../../../../shared/contract/forecast.js';

describe('forecast settings', () => {
  it('send a horizon the contract accepts, in steps or calendar units', () => {
    expect(horizonValue(12, 'steps')).toBe(12);
    for (const unit of Object.keys(HORIZON_UNITS).filter((u) => u !== 'steps')) {
      expect(ForecastOptions.parse({ horizon: horizonValue(8, unit) }).horizon).toBe(`8${unit}`);
    }
    expect(INTERVAL_LEVELS).toEqual([80, 90, 95]);
  });
});

describe('number boxes and wording', () => {
  it('read whole numbers no smaller than the least allowed', () => {
    const typed: [text: string, least: number, read: number][] = [
      ['7.9', 2, 7],
      ['', 2, 2],
      ['-3', 1, 1],
      ['abc', 1, 1],
    ];
    expect(typed.map(([text, least]) => wholeAtLeast(text, least))).toEqual(typed.map((t) => t[2]));
  });

  it('word statistics, p-values and shares, with a dash for what is undefined', () => {
    expect(formatStat(null)).toBe('—');
    expect(formatStat(Number.NaN)).toBe('—');
    expect(formatStat(0.000012346)).toBe('1.235e-5');
    expect(formatPValue(0.00001, true)).toBe('p < 0.0001');
    expect(formatPValue(0.04231)).toBe('0.0423');
    expect(formatShare(0.9342)).toBe('93.4%');
  });
});
