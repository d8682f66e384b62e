/**
 * The job layer the workers run: every answer is plain JSON that satisfies the contract's output
 * schema (no typed arrays, no NaN), and the regression points/predictions are shaped for plots.
 */
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { jsonSafe } from '../../../shared/analytics/json-safe.js';
import { summarize } from '../../../shared/analytics/regression/summarize.js';
import { runAnalyticsJob } from '../../../shared/analytics/run-job.js';
import { CorrelateResult, DescribeResult, DistributionResult, RegressResult, TrendResult } from '../../../shared/contract/analytics.js';
import { MTCARS_HP, MTCARS_MPG, MTCARS_WT } from './mtcars.js';

const mpg = numericColumn('mpg', MTCARS_MPG);
const wt = numericColumn('wt', MTCARS_WT);
const hp = numericColumn('hp', MTCARS_HP);
const plain = (v: unknown) => expect(JSON.parse(JSON.stringify(v))).toEqual(v);

describe('runAnalyticsJob', () => {
  it('describe and correlate answer contract-valid JSON', () => {
    const d = runAnalyticsJob({ kind: 'describe', columns: [mpg, numericColumn('k', [1, 1, 1])], options: {} });
    expect(() => DescribeResult.parse(d)).not.toThrow();
    plain(d);
    const c = runAnalyticsJob({ kind: 'correlate', columns: [mpg, wt, hp], options: { method: 'spearman', strongest: 2 } });
    expect(CorrelateResult.parse(c).strongest).toHaveLength(2);
    plain(c);
  });
  it('regress returns sampled residual points with their rows and x, and predictions', () => {
    const r = runAnalyticsJob({ kind: 'regress', y: mpg, x: [wt, hp], options: { intercept: true, level: 0.95, predict: [[3, 150]], maxPoints: 10 } });
    const parsed = RegressResult.parse(r);
    expect(parsed.points).toHaveLength(10);
    expect(parsed.pointsSampled).toBe(true);
    expect(parsed.points[0]).toMatchObject({ row: 1, x: [2.62, 110], y: 21 });
    expect(parsed.predictions[0]!.x).toEqual([3, 150]);
    plain(r);
    expect(() => runAnalyticsJob({ kind: 'regress', y: mpg, x: [wt, hp], options: { degree: 2, intercept: true, level: 0.95, predict: [], maxPoints: 0 } })).toThrow(/needs exactly one x column/);
  });
  it('flags an essentially perfect fit, and turns infinite t values of an exact one into null', () => {
    const near = runAnalyticsJob({ kind: 'regress', y: numericColumn('y', [0.3, 0.6, 0.9, 1.2]), x: [numericColumn('x', [1, 2, 3, 4])], options: { intercept: true, level: 0.95, predict: [], maxPoints: 0 } }) as RegressResult;
    expect(near.notices.map((n) => n.code)).toEqual(['perfect-fit']);
    expect(() => RegressResult.parse(near)).not.toThrow();
    const exact = summarize({ estimates: [2], covUnscaled: [[0.1]], names: ['x'], n: 4, intercept: false, rss: 0, tss: 10, level: 0.95 });
    expect(exact.terms[0]!.tValue).toBe(Infinity);
    expect(jsonSafe(exact).terms[0]!.tValue).toBeNull();
    expect(exact.notices.map((n) => n.code)).toEqual(['perfect-fit']);
  });
  it('distribution and trend answer contract-valid JSON with ISO times for datetimes', () => {
    plain(DistributionResult.parse(runAnalyticsJob({ kind: 'distribution', column: hp, options: {} })));
    const n = 48;
    const time = numericColumn('month', Array.from({ length: n }, (_, i) => Date.UTC(2020, i, 1)));
    const value = numericColumn('sales', Array.from({ length: n }, (_, i) => 100 + i + 10 * Math.sin((2 * Math.PI * i) / 12) + ((i * 37) % 5)));
    const t = TrendResult.parse(runAnalyticsJob({ kind: 'trend', time, value, timeKind: 'datetime', options: { maxPoints: 20 } }));
    expect(t.series).toHaveLength(20);
    expect(t.series[0]!.time).toBe('2020-01-01T00:00:00.000Z');
    expect(t.seasonality.period).toBe(12);
    expect(t.series[0]!.sma).toBeNull();
  });
});
