/**
 * Special functions and distributions. Oracle: mpmath 1.3.0 at 50 digits (betainc, gammainc, ncdf,
 * findroot on those for quantiles); the classic table values (qnorm(0.975), qt(0.975, 10),
 * qchisq(0.95, 1), qf(0.95, 1, 10)) also match R's printed output.
 * Required: 14 significant digits in the body, 12 in far tails, 11 with 10⁶ degrees of freedom.
 */
import { describe, expect, it } from 'vitest';
import * as d from '../../../shared/analytics/math/distributions.js';
import { logBeta, logGamma } from '../../../shared/analytics/math/log-gamma.js';
import { regularizedBeta } from '../../../shared/analytics/math/incomplete-beta.js';
import { regularizedGammaP, regularizedGammaQ } from '../../../shared/analytics/math/incomplete-gamma.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('log-gamma and log-beta', () => {
  it('match mpmath loggamma to 14 digits (absolute 1e-15 near the zeros at 1 and 2)', () => {
    // mpmath 1.3.0, mp.dps = 40: loggamma(x)
    const cases: [number, number][] = [
      [0.1, 2.252712651734206],
      [0.5, 0.5723649429247001],
      [2.5, 0.2846828704729192],
      [7.3, 7.147892523022248],
      [33.3, 82.60372358165495],
      [171.6, 709.6573587630563],
      [5e5, 6061176.046459176],
    ];
    for (const [x, v] of cases) expect(rel(logGamma(x), v), `x=${x}`).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });
  it('keeps log-beta digits for huge arguments (no cancellation of 6e6-sized log-gammas)', () => {
    // mpmath (dps 50): log(beta(5e5, 0.5)) = -5.988816495777464, log(beta(2e6, 3e6)) = -3365064.41502375358
    expect(rel(logBeta(5e5, 0.5), -5.988816495777464)).toBeLessThan(1e-13);
    expect(rel(logBeta(2e6, 3e6), -3365064.415023754)).toBeLessThan(1e-14);
  });
});

describe('normal', () => {
  it('quantiles match R qnorm', () => {
    // mpmath: findroot(ncdf(x) = p) for p = 0.975, 0.995, 1e-10, 1e-300
    expect(rel(d.normalQuantile(0.975), 1.9599639845400543)).toBeLessThan(1e-15);
    expect(rel(d.normalQuantile(0.995), 2.575829303548901)).toBeLessThan(1e-15);
    expect(rel(d.normalQuantile(1e-10), -6.361340902404057)).toBeLessThan(1e-14);
    expect(rel(d.normalQuantile(1e-300), -37.0470962993612)).toBeLessThan(1e-14);
    expect(d.normalQuantile(0.5)).toBe(0);
  });
  it('CDF and upper tail keep relative precision far out', () => {
    // mpmath: ncdf(-10) = 7.619853024160525e-24, ncdf(-37.5) = 4.605353009581955e-308
    expect(rel(d.normalCdf(-10), 7.619853024160525e-24)).toBeLessThan(1e-14);
    expect(rel(d.normalSf(10), 7.619853024160525e-24)).toBeLessThan(1e-14);
    expect(rel(d.normalCdf(-37.5), 4.605353009581955e-308)).toBeLessThan(1e-13);
    expect(rel(d.normalCdf(1.959963984540054), 0.975)).toBeLessThan(1e-15);
  });
  it('quantile inverts the CDF across the range', () => {
    for (const p of [1e-200, 1e-50, 1e-8, 0.001, 0.2, 0.5, 0.7, 0.999, 1 - 1e-12]) {
      const x = d.normalQuantile(p);
      const back = p < 0.5 ? d.normalCdf(x) : 1 - d.normalSf(x);
      expect(rel(back, p), `p=${p}`).toBeLessThan(1e-12);
    }
  });
});

describe('Student t', () => {
  it('quantiles match R qt', () => {
    // mpmath: findroot of the t CDF (betainc) at p = 0.975 for df 1, 2, 10, 30, 10⁶, and p = 1e-10, df 3
    expect(rel(d.tQuantile(0.975, 1), 12.706204736174692)).toBeLessThan(1e-14);
    expect(rel(d.tQuantile(0.975, 2), 4.302652729749462)).toBeLessThan(1e-14);
    expect(rel(d.tQuantile(0.975, 10), 2.2281388519862744)).toBeLessThan(1e-14);
    expect(rel(d.tQuantile(0.975, 30), 2.0422724563012378)).toBeLessThan(1e-14);
    // With 10⁶ df the incomplete-beta continued fraction runs ~10³ terms; rounding leaves 3e-12.
    expect(rel(d.tQuantile(0.975, 1e6), 1.9599663568141068)).toBeLessThan(1e-11);
    expect(rel(d.tQuantile(1e-10, 3), -2225.7692846830932)).toBeLessThan(1e-12);
    expect(d.tQuantile(0.025, 10)).toBeCloseTo(-d.tQuantile(0.975, 10), 14);
  });
  it('two-sided p-values match R 2*pt(-|t|, df)', () => {
    // mpmath: 2·tcdf(−47.238424508021, 4) = 0.0000012013602560215749, 2·tcdf(−9.559044447, 30) = 1.29395777485945e-10
    expect(rel(d.tTwoSidedP(47.238424508021, 4), 0.0000012013602560215749)).toBeLessThan(1e-13);
    expect(rel(d.tTwoSidedP(-9.559044447, 30), 1.29395777485945e-10)).toBeLessThan(1e-12);
    expect(d.tTwoSidedP(0, 5)).toBe(1);
  });
  it('CDF is symmetric and continuous through 0', () => {
    for (const df of [0.7, 3, 42]) {
      expect(d.tCdf(0, df)).toBe(0.5);
      expect(d.tCdf(1.3, df) + d.tCdf(-1.3, df)).toBeCloseTo(1, 15);
    }
  });
});

describe('chi-square and F', () => {
  it('match R qchisq, pchisq, qf and pf', () => {
    // mpmath: chi-square quantiles by findroot of gammainc; upper tail gammainc(5, 20, inf)
    expect(rel(d.chiSquareQuantile(0.95, 1), 3.8414588206941245)).toBeLessThan(1e-14);
    expect(rel(d.chiSquareQuantile(0.05, 10), 3.94029913611906)).toBeLessThan(1e-14);
    expect(rel(d.chiSquareSf(40, 10), 0.000016944743930067385)).toBeLessThan(1e-13);
    // mpmath: F quantiles by findroot of betainc; upper tail of F(2, 2) at 9244.02
    expect(rel(d.fQuantile(0.95, 1, 10), 4.964602743730712)).toBeLessThan(1e-14);
    expect(rel(d.fQuantile(0.99, 5, 20), 4.102684630584732)).toBeLessThan(1e-14);
    expect(rel(d.fSf(9244.02, 2, 2), 0.00010816634252819355)).toBeLessThan(1e-13);
  });
  it('regularized gamma and beta: complements are exact and tails direct', () => {
    expect(regularizedGammaP(3.5, 2.1) + regularizedGammaQ(3.5, 2.1)).toBeCloseTo(1, 15);
    expect(regularizedBeta(0.3, 2.5, 4) + regularizedBeta(0.3, 2.5, 4, { upper: true })).toBeCloseTo(1, 15);
    // mpmath betainc(50, 15, 0, 1/3001, regularized=True) = 6.526003051732072e-161
    expect(rel(regularizedBeta(1 / 3001, 50, 15), 6.526003051732072e-161)).toBeLessThan(1e-12);
  });
  it('refuses impossible arguments with messages naming the function', () => {
    expect(() => d.tQuantile(1.5, 3)).toThrow(/tQuantile: p must be a probability/);
    expect(() => d.chiSquareCdf(1, -2)).toThrow(/chiSquareCdf: df must be positive/);
    expect(() => d.fQuantile(0.5, 1, 0)).toThrow(/fQuantile: df2 must be positive/);
  });
});
