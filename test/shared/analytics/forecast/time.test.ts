/** Regularising the time column: sorting, aggregation, fills, label styles and horizons in calendar units. */
import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../../shared/analytics/forecast/forecast-series.js';
import { regularise, labelsFor } from '../../../../shared/analytics/forecast/time/regularise.js';
import { horizonSteps } from '../../../../shared/analytics/forecast/time/horizon.js';

describe('regularise', () => {
  it('sorts, averages duplicates and fills gaps by linear interpolation, saying so', () => {
    const s = regularise(['2024-01-03', '2024-01-01', '2024-01-01', '2024-01-06'], [30, 10, 20, 60]);
    expect(s.frequency.unit).toBe('day');
    expect(Array.from(s.y)).toEqual([15, 22.5, 30, 40, 50, 60]);
    expect(labelsFor(s, 6)).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06']);
    expect(s.notices.map((n) => n.code)).toEqual(['sorted', 'aggregated', 'filled']);
    expect(s.notices.find((n) => n.code === 'filled')!.message).toBe('3 missing daily period(s) were filled by linear interpolation.');
  });

  it('fills with zeros or the previous value when asked', () => {
    const times = ['2024-01', '2024-02', '2024-04', '2024-05'];
    expect(Array.from(regularise(times, [1, 2, 4, 5], { fill: 'zero' }).y)).toEqual([1, 2, 0, 4, 5]);
    expect(Array.from(regularise(times, [1, 2, 4, 5], { fill: 'forward' }).y)).toEqual([1, 2, 2, 4, 5]);
  });

  it('assigns irregular timestamps to their period and sums when asked', () => {
    const s = regularise(['2024-01-01T09:00:00Z', '2024-01-01T17:30:00Z', '2024-01-02T08:00:00Z', '2024-01-03T00:00:00Z', '2024-01-04T00:00:00Z'], [1, 2, 3, 4, 5], { aggregate: 'sum' });
    expect(s.frequency.unit).toBe('day');
    expect(s.y.length).toBe(4);
    expect(s.notices.map((n) => n.code)).toContain('irregular');
  });

  it('reads quarters, months, years and plain numbers and writes future labels in the same style', () => {
    expect(labelsFor(regularise(['1960-Q3', '1960-Q4', '1961-Q1'], [1, 2, 3]), 2, 3)).toEqual(['1961-Q2', '1961-Q3']);
    expect(labelsFor(regularise(['1999-11', '1999-12'], [1, 2]), 2, 2)).toEqual(['2000-01', '2000-02']);
    expect(labelsFor(regularise([2001, 2002, 2003], [1, 2, 3]), 1, 3)).toEqual(['2004']);
    expect(labelsFor(regularise([10, 20, 30], [1, 2, 3]), 2, 3)).toEqual([40, 50]);
    // Epoch milliseconds at midnight (a dataset's datetime column) read as dates.
    expect(labelsFor(regularise([Date.UTC(2024, 1, 28), Date.UTC(2024, 1, 29)], [1, 2]), 1, 2)).toEqual(['2024-03-01']);
  });
});

describe('horizons in calendar units', () => {
  const monthly = regularise(['2020-01', '2020-02', '2020-03'], [1, 2, 3]);
  const daily = regularise(['2024-01-01', '2024-01-02', '2024-01-03'], [1, 2, 3]);
  it('counts periods up to the calendar amount', () => {
    expect(horizonSteps('1y', monthly.frequency, monthly.times[2]!, 40, 12)).toBe(12);
    expect(horizonSteps('2q', monthly.frequency, monthly.times[2]!, 40, 12)).toBe(6);
    expect(horizonSteps('30d', daily.frequency, daily.times[2]!, 40, 7)).toBe(30);
    expect(horizonSteps('2 weeks', daily.frequency, daily.times[2]!, 40, 7)).toBe(14);
    expect(horizonSteps('1mo', daily.frequency, daily.times[2]!, 40, 7)).toBe(31);
    expect(horizonSteps(5, daily.frequency, daily.times[2]!, 40, 7)).toBe(5);
  });

  it('a forecast with a calendar horizon ends where it says', () => {
    const times = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    const a = forecastSeries({ times, values: times.map((_, i) => 10 + (i % 7)), horizon: '2w', model: 'snaive' });
    expect(a.forecast).toHaveLength(14);
    expect(a.forecast.at(-1)!.time).toBe('2024-03-14');
    expect(a.forecast[0]!.mean).toBe(10 + (60 % 7));
  });
});
