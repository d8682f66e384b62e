/** Bad input gives a clear UdashError (or a documented fallback with a notice), never a NaN. */
import { describe, expect, it } from 'vitest';
import { forecastSeries, type ForecastRequest } from '../../../../shared/analytics/forecast/forecast-series.js';
import { UdashError } from '../../../../shared/errors.js';

const months = (n: number, start = 2000) => Array.from({ length: n }, (_, i) => `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const wave = (n: number) => Array.from({ length: n }, (_, i) => 100 + i + 10 * Math.sin((2 * Math.PI * i) / 12));

function failure(req: ForecastRequest): UdashError {
  try {
    forecastSeries(req);
  } catch (e) {
    if (e instanceof UdashError) return e;
    throw e;
  }
  throw new Error('expected a UdashError');
}

describe('bad input', () => {
  it('empty and all-missing columns', () => {
    expect(failure({ times: [], values: [], horizon: 3 }).message).toMatch(/no numeric values/);
    expect(failure({ times: months(5), values: [null, '', 'NA', null, ''], horizon: 3 }).message).toMatch(/no numeric values/);
  });

  it('text in the value column names its row and column', () => {
    const e = failure({ times: months(6), values: ['1', '2', 'abc', '4', '5', '6'], horizon: 2, valueColumn: 'sales', firstRow: 2 });
    expect(e.code).toBe('BAD_DATA');
    expect(e.message).toBe('Row 4: column "sales" holds "abc", which is not a number');
    expect(e.details).toMatchObject({ row: 4, column: 'sales' });
  });

  it('infinities are refused', () => {
    expect(failure({ times: months(6), values: [1, 2, Infinity, 4, 5, 6], horizon: 2 }).message).toMatch(/infinite/);
    expect(failure({ times: months(6), values: ['1', '2', '-inf', '4', '5', '6'], horizon: 2 }).message).toMatch(/infinite/);
  });

  it('fewer points than the model has parameters', () => {
    expect(failure({ times: months(2), values: [1, 2], horizon: 1 }).message).toMatch(/at least 3 observations/);
    const e = failure({ times: months(9), values: wave(9), horizon: 2, model: 'holt-winters', season: 4 });
    expect(e.code).toBe('BAD_DATA');
    expect(e.message).toMatch(/Cannot fit "holt-winters": too few observations \(9\)/);
    expect(failure({ times: months(5), values: wave(5), horizon: 2, model: 'holt', season: 'off' }).message).toMatch(/Cannot fit "holt": .*needs more than 5 observations/);
  });

  it('a horizon ≤ 0, absurdly large, or in a unit the data cannot have', () => {
    expect(failure({ times: months(40), values: wave(40), horizon: 0 }).message).toMatch(/at least one step/);
    expect(failure({ times: months(40), values: wave(40), horizon: -3 }).code).toBe('BAD_INPUT');
    expect(failure({ times: months(40), values: wave(40), horizon: 1_000_000 }).message).toMatch(/too far ahead/);
    expect(failure({ times: [1, 2, 3, 4, 5, 6], values: [1, 3, 2, 4, 3, 5], horizon: '3mo' }).message).toMatch(/calendar units needs a date/);
    expect(failure({ times: months(40), values: wave(40), horizon: '3 fortnights' }).message).toMatch(/unit "fortnights"/);
  });

  it('a season the series is too short for: an error when asked for, non-seasonal with a notice on auto', () => {
    const e = failure({ times: months(20), values: wave(20), horizon: 3, season: 12 });
    expect(e.code).toBe('BAD_DATA');
    expect(e.message).toMatch(/season of 12 needs at least 25 observations/);
    const a = forecastSeries({ times: months(20), values: wave(20), horizon: 3 });
    expect(a.season).toBe(1);
    expect(a.notices.map((n) => n.code)).toContain('season_off');
    expect(failure({ times: months(40), values: wave(40), horizon: 3, model: 'snaive', season: 'off' }).message).toMatch(/seasonal/);
  });

  it('never answers NaN: every number in the answer is finite', () => {
    const a = forecastSeries({ times: months(30), values: wave(30).map((v, i) => (i % 7 === 3 ? null : v)), horizon: 6, model: 'auto', levels: [50, 80, 99.5] });
    const numbers: number[] = [];
    JSON.stringify(a, (_, v) => (typeof v === 'number' && numbers.push(v), v));
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(Object.keys(a.forecast[0]!.lower)).toEqual(['50', '80', '99.5']);
  });
});
