/**
 * Distribution view. Shapiro–Wilk oracles are R's shapiro.test outputs (5 printed digits):
 *   mtcars$wt  W = 0.94326, p-value = 0.09265   (published in the RPubs note
 *              https://rstudio-pubs-static.s3.amazonaws.com/222982_d47a487411fb45b5b0634f391abcda0c.html)
 *   mtcars$mpg W = 0.94756, p-value = 0.1229
 *   mtcars$hp  W = 0.93342, p-value = 0.04881
 * and, for small n where R's p-value formulas switch (n = 3 exact, 4 ≤ n ≤ 11), values from
 * scipy.stats.shapiro 1.17.1, which runs the same AS R94 Fortran as R. Anderson–Darling: nortest::ad.test
 * (mtcars$mpg: A = 0.57968, p-value = 0.1207); Jarque–Bera: scipy.stats.jarque_bera (2.241155, p 0.3260914).
 */
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { analyzeDistribution } from '../../../shared/analytics/distribution/analyze-distribution.js';
import { andersonDarling } from '../../../shared/analytics/distribution/anderson-darling.js';
import { boxPlotStats } from '../../../shared/analytics/distribution/box-plot.js';
import { histogram } from '../../../shared/analytics/distribution/histogram.js';
import { jarqueBera } from '../../../shared/analytics/distribution/jarque-bera.js';
import { qqPoints } from '../../../shared/analytics/distribution/qq-points.js';
import { shapiroWilk } from '../../../shared/analytics/distribution/shapiro-wilk.js';
import { MTCARS_HP, MTCARS_MPG, MTCARS_WT, near } from './mtcars.js';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('Shapiro–Wilk (AS R94)', () => {
  it('matches R shapiro.test on mtcars', () => {
    for (const [xs, w, p] of [
      [MTCARS_WT, 0.94326, 0.09265],
      [MTCARS_MPG, 0.94756, 0.1229],
      [MTCARS_HP, 0.93342, 0.04881],
    ] as const) {
      const r = shapiroWilk(sorted([...xs]));
      expect(near(r.w, w, 5)).toBe(true);
      expect(Math.abs(r.pValue - p) / p).toBeLessThan(5e-4);
    }
  });
  it('matches the exact n = 3 p-value and the small-sample branch (scipy, same Fortran)', () => {
    expect(shapiroWilk(sorted([1, 2, 4]))).toMatchObject({ n: 3 });
    expect(shapiroWilk(sorted([1, 2, 4])).w).toBeCloseTo(0.9642857142857142, 12);
    expect(shapiroWilk(sorted([1, 2, 4])).pValue).toBeCloseTo(0.6368868450289689, 9);
    expect(shapiroWilk(sorted([2, 3, 5, 9, 10])).pValue).toBeCloseTo(0.41523242670712146, 7);
    expect(shapiroWilk(sorted([1.2, 3.4, 2.2, 5.1, 0.3, 7.7, 2.9, 3.3, 4.4, 1.0])).w).toBeCloseTo(0.9508658450939349, 8);
  });
  it('is valid for 3 to 5000 values and refuses the rest', () => {
    expect(() => shapiroWilk(sorted([1, 2]))).toThrow(/needs 3 to 5000 values, got 2/);
    expect(() => shapiroWilk(new Float64Array(5001).map((_, i) => i))).toThrow(/got 5001/);
    expect(() => shapiroWilk(sorted([4, 4, 4]))).toThrow(/no variance/);
  });
});

describe('Anderson–Darling and Jarque–Bera', () => {
  it('match nortest::ad.test and scipy jarque_bera on mtcars$mpg', () => {
    const ad = andersonDarling(sorted(MTCARS_MPG));
    expect(near(ad.statistic, 0.57968, 5)).toBe(true);
    expect(near(ad.pValue, 0.1207, 4)).toBe(true);
    const jb = jarqueBera(Float64Array.from(MTCARS_MPG));
    expect(jb.statistic).toBeCloseTo(2.241155261284692, 10);
    expect(jb.pValue).toBeCloseTo(0.32609137983800235, 10);
  });
});

describe('histogram, box plot, QQ', () => {
  it('bins cover [min, max], count every value once, and follow the chosen rule', () => {
    const xs = sorted(Array.from({ length: 1000 }, (_, i) => Math.sqrt(i) * ((i * 7919) % 13)));
    for (const method of ['freedman-diaconis', 'sturges'] as const) {
      const h = histogram(xs, { method });
      expect(h.bins[0]!.start).toBe(xs[0]);
      expect(h.bins[h.bins.length - 1]!.end).toBe(xs[xs.length - 1]);
      expect(h.bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    }
    expect(histogram(xs, { method: 'sturges' }).bins).toHaveLength(11);
    expect(histogram(xs, { method: 'fixed', bins: 7 }).bins).toHaveLength(7);
    const flat = histogram(sorted([1, 1, 1, 2, 3, 1, 1, 1, 1, 1]), { method: 'freedman-diaconis' });
    expect(flat.notices.map((n) => n.code)).toContain('fallback-sturges');
  });
  it('box plot: Tukey fences, whiskers at the last values inside, outliers with their rows', () => {
    const values = Float64Array.from([1, 2, NaN, 3, 4, 5, 100, -50]);
    const b = boxPlotStats(values, sorted([1, 2, 3, 4, 5, 100, -50]));
    expect(b.q1).toBe(1.5);
    expect(b.q3).toBe(4.5);
    expect(b.whiskerLow).toBe(1);
    expect(b.whiskerHigh).toBe(5);
    expect(b.outliers).toEqual([
      { row: 7, value: 100 },
      { row: 8, value: -50 },
    ]);
  });
  it('QQ points use R ppoints and are thinned for long columns, keeping both ends', () => {
    const q = qqPoints(sorted([1, 2, 3]));
    expect(q.points[1]).toEqual({ theoretical: 0, sample: 2 });
    const long = sorted(Array.from({ length: 10_000 }, (_, i) => i));
    const t = qqPoints(long, 100);
    expect(t.points).toHaveLength(100);
    expect(t.thinned).toBe(true);
    expect(t.points[0]!.sample).toBe(0);
    expect(t.points[99]!.sample).toBe(9999);
  });
});

describe('analyzeDistribution', () => {
  it('gives a plain-language verdict and switches to Anderson–Darling beyond 5000 values', () => {
    const skewed = analyzeDistribution(numericColumn('hp', MTCARS_HP));
    expect(skewed.normality.normal).toBe(false);
    expect(skewed.normality.verdict).toMatch(/^Not normally distributed \(Shapiro–Wilk p = 0\.049\): right-skewed/);
    const ok = analyzeDistribution(numericColumn('mpg', MTCARS_MPG));
    expect(ok.normality.verdict).toMatch(/^Consistent with a normal distribution/);
    const big = analyzeDistribution(numericColumn('u', Array.from({ length: 6000 }, (_, i) => (i * 0.6180339887) % 1)));
    expect(big.normality.shapiroWilk).toBeNull();
    expect(big.normality.andersonDarling).not.toBeNull();
    expect(big.notices.map((n) => n.code)).toContain('shapiro-wilk-n');
  });
  it('says a constant column has nothing to test instead of failing or answering NaN', () => {
    const r = analyzeDistribution(numericColumn('k', [2, 2, 2, 2]));
    expect(r.normality.normal).toBeNull();
    expect(r.notices.map((n) => n.code)).toContain('no-variance');
    expect(JSON.stringify(r)).not.toContain('NaN');
  });
});
