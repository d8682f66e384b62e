/**
 * Trend view: moving averages by definition, STL on series with a known additive structure (the
 * reference algorithm converges to it; R's stl defaults stop after two inner passes, so recovery is
 * close, not exact), seasonality detection on synthetic seasonal series and on noise, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrend } from '../../../shared/analytics/trend/analyze-trend.js';
import { identifyCycles } from '../../../shared/analytics/trend/cycles.js';
import { exponentialMovingAverage, simpleMovingAverage, weightedMovingAverage } from '../../../shared/analytics/trend/moving-averages.js';
import { detectSeasonality } from '../../../shared/analytics/trend/seasonality.js';
import { stl } from '../../../shared/analytics/trend/stl.js';
import { prepareSeries } from '../../../shared/analytics/trend/time-axis.js';

/** Deterministic noise in [−0.5, 0.5). */
function noise(n: number, seed = 1): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  });
}
const monthly = (n: number) => Float64Array.from({ length: n }, (_, i) => Date.UTC(2000, i, 1));

describe('moving averages', () => {
  it('SMA, WMA and EMA follow their definitions, with no value before the first full window', () => {
    const x = Float64Array.from([1, 2, 3, 4, 10]);
    expect(Array.from(simpleMovingAverage(x, 2))).toEqual([NaN, 1.5, 2.5, 3.5, 7]);
    const w = weightedMovingAverage(x, 3);
    expect(w[2]).toBeCloseTo((1 + 4 + 9) / 6, 14);
    expect(w[4]).toBeCloseTo((3 + 8 + 30) / 6, 14);
    expect(Array.from(exponentialMovingAverage(x, { alpha: 0.5 }))).toEqual([1, 1.5, 2.25, 3.125, 6.5625]);
    expect(exponentialMovingAverage(x, { span: 3 })[1]).toBe(1.5);
    expect(() => simpleMovingAverage(x, 6)).toThrow(/window \(6\) is longer than the series/);
  });
  it('the running SMA does not drift over a long series', () => {
    const x = Float64Array.from({ length: 100_000 }, (_, i) => 1e9 + (i % 7) * 0.1);
    const s = simpleMovingAverage(x, 7);
    expect(s[99_999]).toBeCloseTo(1e9 + 0.3, 6);
  });
});

describe('STL', () => {
  it('separates a linear trend and a fixed seasonal pattern; components add up to the data', () => {
    const pattern = [5, 2, -1, -6];
    const y = Float64Array.from({ length: 80 }, (_, t) => 10 + 0.5 * t + pattern[t % 4]!);
    for (const seasonalWindow of ['periodic', 11] as const) {
      const d = stl(y, { period: 4, seasonalWindow });
      for (let t = 8; t < 72; t++) {
        expect(Math.abs(d.seasonal[t]! - pattern[t % 4]!)).toBeLessThan(0.1);
        expect(d.seasonal[t]! + d.trend[t]! + d.remainder[t]!).toBeCloseTo(y[t]!, 12);
      }
    }
  });
  it('robust STL down-weights an outlier instead of bending the components', () => {
    const y = Float64Array.from({ length: 96 }, (_, t) => 20 + 3 * Math.sin((2 * Math.PI * t) / 12) + 0.2 * noise(96)[t]!);
    y[50] = 200;
    const d = stl(y, { period: 12, robust: true });
    expect(d.weights[50]).toBe(0);
    expect(Math.abs(d.trend[50]! - 20)).toBeLessThan(1.5);
  });
  it('refuses a series shorter than two periods', () => {
    expect(() => stl(Float64Array.from({ length: 20 }, (_, i) => i), { period: 12 })).toThrow(/needs at least 24 values \(two full cycles\)/);
  });
});

describe('seasonality', () => {
  it('finds the period of a trending seasonal series and its strength', () => {
    const n = 144;
    const y = Float64Array.from({ length: n }, (_, t) => 100 + 2 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + 5 * noise(n)[t]!);
    const { seasonality } = detectSeasonality(y, { naturalPeriods: [12] });
    expect(seasonality.period).toBe(12);
    expect(seasonality.strength).toBeGreaterThan(0.9);
    expect(seasonality.periodogramPeriod).toBe(12);
  });
  it('prefers the fundamental period over its multiples (weekly, not fortnightly)', () => {
    const pattern = [3, 1, 0, 0, 1, 6, 8];
    const y = Float64Array.from({ length: 365 }, (_, t) => 50 + pattern[t % 7]! + noise(365, 3)[t]!);
    expect(detectSeasonality(y, { naturalPeriods: [7, 365] }).seasonality.period).toBe(7);
  });
  it('reports no seasonality for noise', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(detectSeasonality(noise(1000, seed)).seasonality.period).toBeNull();
  });
});

describe('analyzeTrend', () => {
  it('monthly series: slope per month, period 12 from the ACF, calendar-month projection', () => {
    const n = 120;
    const t = monthly(n);
    const v = Float64Array.from({ length: n }, (_, i) => 200 + 3 * i + 30 * Math.cos((2 * Math.PI * i) / 12) + 4 * noise(n, 9)[i]!);
    const r = analyzeTrend(t, v, { timeKind: 'datetime', horizon: 3 });
    expect(r.frequency.unit).toBe('month');
    expect(r.frequency.regular).toBe(true);
    expect(r.seasonality.period).toBe(12);
    expect(r.linear.slopePerStep! / (30.44 * 86_400_000) / 3).toBeCloseTo(1 / (30.44 * 86_400_000), 0);
    expect(r.linear.slopePValue).toBeLessThan(1e-10);
    expect(r.linear.projection.map((p) => new Date(p.time).toISOString().slice(0, 10))).toEqual(['2010-01-01', '2010-02-01', '2010-03-01']);
    expect(r.movingAverages.window).toBe(12);
    expect(r.decomposition?.period).toBe(12);
  });
  it('sorts, averages duplicates and drops gaps, each with a notice', () => {
    const p = prepareSeries(Float64Array.from([3, 1, 2, 2, NaN]), Float64Array.from([30, 10, 20, 40, 5]), 'number');
    expect(Array.from(p.time)).toEqual([1, 2, 3]);
    expect(Array.from(p.values)).toEqual([10, 30, 30]);
    expect(p.notices.map((n) => n.code).sort()).toEqual(['duplicates-averaged', 'missing-dropped', 'sorted']);
  });
  it('refuses a requested season the series is too short for, a constant series and infinities', () => {
    const t = Float64Array.from({ length: 10 }, (_, i) => i);
    expect(() => analyzeTrend(t, Float64Array.from(t, (i) => i * 2), { seasonality: 12 })).toThrow(/a seasonal period of 12 needs at least 24 points/);
    expect(() => analyzeTrend(t, new Float64Array(10).fill(4))).toThrow(/has no variance/);
    expect(() => analyzeTrend(t, Float64Array.from(t, (i) => (i === 4 ? Infinity : i)), { names: { time: 't', value: 'v' } })).toThrow(/column "v" has an infinite value at row 5/);
  });
  it('identifies a business-cycle-like wave that is not the season', () => {
    const n = 400;
    const y = Float64Array.from({ length: n }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 50) + 5 * Math.sin((2 * Math.PI * t) / 12) + noise(n, 5)[t]!);
    const c = identifyCycles(y, 12, stl(y, { period: 12 }));
    expect(Math.abs(c.cycles[0]!.period - 50)).toBeLessThan(5);
    expect(c.pValue).toBeLessThan(0.001);
    expect(c.meanPeakDistance).toBeGreaterThan(40);
  });
});
