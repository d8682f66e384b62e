/**
 * Descriptive statistics. Oracles: Excel's documentation examples (SKEW, KURT), R's quantile(type = 1…9)
 * on 1:10 (also numpy.quantile's matching methods), NIST for the accuracy (nist-univariate.test.ts).
 */
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { autocorrelation, autocorrelations } from '../../../shared/analytics/descriptive/autocorrelation.js';
import { describe, describeColumn } from '../../../shared/analytics/descriptive/describe.js';
import { modeSorted } from '../../../shared/analytics/descriptive/mode.js';
import { quantileSorted, type QuantileType } from '../../../shared/analytics/descriptive/quantile.js';
import { populationVariance, sampleStandardDeviation, sampleVariance } from '../../../shared/analytics/descriptive/variance.js';
import { UdashError } from '../../../shared/errors.js';

group('describeColumn', () => {
  it('matches Excel SKEW and KURT on their documentation example (G1, G2 estimators)', () => {
    // Microsoft docs: SKEW(3,4,5,2,3,4,5,6,4,7) = 0.359543071; KURT(same) = -0.151799637
    const d = describeColumn(numericColumn('a', [3, 4, 5, 2, 3, 4, 5, 6, 4, 7]));
    expect(d.skewness).toBeCloseTo(0.359543071, 9);
    expect(d.kurtosis).toBeCloseTo(-0.151799637, 9);
    expect(d.mode).toEqual({ values: [4], count: 3 });
    expect(d.median).toBe(4);
  });

  it('reports count, missing, quartiles (type 7), IQR, CV, SE and range', () => {
    const d = describeColumn(numericColumn('a', [2, 4, 4, 4, null, 5, 5, 7, 9]));
    expect(d.count).toBe(8);
    expect(d.missing).toBe(1);
    expect(d.mean).toBe(5);
    expect(d.populationStdDev).toBe(2);
    expect(d.stdDev).toBeCloseTo(2.138089935299395, 15);
    expect(d.standardError).toBeCloseTo(2.138089935299395 / Math.sqrt(8), 15);
    expect(d.q1).toBe(4);
    expect(d.q3).toBe(5.5);
    expect(d.iqr).toBe(1.5);
    expect(d.range).toBe(7);
    expect(d.coefficientOfVariation).toBeCloseTo(2.138089935299395 / 5, 15);
    expect(d.sum).toBe(40);
  });

  it('says why a statistic is undefined instead of answering NaN', () => {
    const c = describeColumn(numericColumn('flat', [3, 3, 3, 3]));
    expect(c.variance).toBe(0);
    expect(c.skewness).toBeNull();
    expect(c.kurtosis).toBeNull();
    expect(c.autocorrelationLag1).toBeNull();
    expect(c.notices.map((n) => n.code)).toContain('no-variance');
    const one = describeColumn(numericColumn('one', [7]));
    expect(one.variance).toBeNull();
    expect(one.notices[0]!.code).toBe('too-few-values');
    const zero = describeColumn(numericColumn('z', [-1, 1]));
    expect(zero.coefficientOfVariation).toBeNull();
    expect(JSON.stringify(describeColumn(numericColumn('x', [1, 2])))).not.toContain('NaN');
  });

  it('refuses empty, all-missing and infinite columns with the column and row', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as UdashError;
      }
      throw new Error('expected an error');
    };
    expect(err(() => describeColumn(numericColumn('e', []))).message).toMatch(/describeColumn: column "e" is empty/);
    expect(err(() => describeColumn(numericColumn('m', [null, null]))).message).toMatch(/only missing values/);
    const inf = err(() => describeColumn(numericColumn('i', [1, 2, Infinity])));
    expect(inf.code).toBe('BAD_DATA');
    expect(inf.details).toMatchObject({ column: 'i', row: 3 });
    expect(() => describe([])).toThrow(/choose at least one column/);
  });
});

group('quantiles', () => {
  it('implement the nine Hyndman–Fan types as R quantile(1:10, c(.1, .25, .5, .9), type = k)', () => {
    // R 4.x output (numpy.quantile methods inverted_cdf … normal_unbiased give the same)
    const expected: Record<QuantileType, number[]> = {
      1: [1, 3, 5, 9],
      2: [1.5, 3, 5.5, 9.5],
      3: [1, 2, 5, 9],
      4: [1, 2.5, 5, 9],
      5: [1.5, 3, 5.5, 9.5],
      6: [1.1, 2.75, 5.5, 9.9],
      7: [1.9, 3.25, 5.5, 9.1],
      8: [1.366666666666667, 2.916666666666667, 5.5, 9.633333333333333],
      9: [1.4, 2.9375, 5.5, 9.6],
    };
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    for (const [type, values] of Object.entries(expected)) {
      [0.1, 0.25, 0.5, 0.9].forEach((p, i) => expect(quantileSorted(x, p, Number(type) as QuantileType), `type ${type} p ${p}`).toBeCloseTo(values[i]!, 12));
    }
  });
  it('returns the extremes at p = 0 and 1 and refuses bad p', () => {
    const x = Float64Array.from([2, 5, 9]);
    for (const t of [1, 4, 6, 7, 9] as QuantileType[]) {
      expect(quantileSorted(x, 0, t)).toBe(2);
      expect(quantileSorted(x, 1, t)).toBe(9);
    }
    expect(() => quantileSorted(x, 1.2)).toThrow(/p must be between 0 and 1/);
  });
});

group('variance, mode, autocorrelation', () => {
  it('computes sample and population variance and needs two values for the sample one', () => {
    expect(sampleVariance(numericColumn('a', [1, 2, 3, 4]))).toBeCloseTo(5 / 3, 15);
    expect(populationVariance(numericColumn('a', [1, 2, 3, 4]))).toBe(1.25);
    expect(sampleStandardDeviation(numericColumn('a', [2, 4, 4, 4, 5, 5, 7, 9]))).toBeCloseTo(2.138089935299395, 15);
    expect(() => sampleVariance(numericColumn('a', [1]))).toThrow(/needs at least 2 values/);
  });
  it('keeps every tied mode and reports none when nothing repeats', () => {
    expect(modeSorted(Float64Array.from([1, 2, 2, 3, 3]))).toEqual({ values: [2, 3], count: 2 });
    expect(modeSorted(Float64Array.from([1, 2, 3]))).toBeNull();
  });
  it('computes lag-k autocorrelation as NIST defines it, directly and by FFT', () => {
    expect(autocorrelation(Float64Array.from([1, 2, 3, 4, 5]), 1)).toBeCloseTo(0.4, 15);
    expect(autocorrelation(Float64Array.from([1, 2, 3, 4, 5]), 2)).toBeCloseTo(-0.1, 15);
    // Long series take the FFT path; it must agree with the direct sums.
    const y = Float64Array.from({ length: 5000 }, (_, t) => Math.sin(t / 7) + ((t * 7919) % 13) / 13);
    const fast = autocorrelations(y, 600);
    for (const k of [1, 44, 599]) expect(fast[k - 1]).toBeCloseTo(autocorrelation(y, k)!, 12);
  });
});

group('properties (fast-check)', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  it('mean and variance follow affine maps: mean(a + b·x) = a + b·mean(x), var(a + b·x) = b²·var(x)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 60 }), finite, fc.double({ min: -100, max: 100, noNaN: true }).filter((b) => Math.abs(b) > 1e-3), (xs, a, b) => {
        const d = describeColumn(numericColumn('x', xs));
        const t = describeColumn(numericColumn('y', xs.map((v) => a + b * v)));
        const scale = Math.abs(a) + Math.abs(b) * (Math.abs(d.mean) + d.range) + 1;
        expect(Math.abs(t.mean - (a + b * d.mean))).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(t.variance! - b * b * d.variance!)).toBeLessThanOrEqual(1e-8 * (b * b * d.variance! + 1e-6 * scale * scale));
      }),
      { numRuns: 200 },
    );
  });
  it('skewness flips sign and kurtosis is unchanged under negation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 50 }), (xs) => {
        const d = describeColumn(numericColumn('x', xs));
        const n = describeColumn(numericColumn('x', xs.map((v) => -v)));
        if (d.skewness === null) return expect(n.skewness).toBeNull();
        expect(n.skewness!).toBeCloseTo(-d.skewness, 9);
        expect(n.kurtosis!).toBeCloseTo(d.kurtosis!, 9);
      }),
    );
  });
});
