/**
 * Correlation. Oracles: R's cor.test on mtcars (Pearson: r = -0.8676594, t = -9.559, df = 30,
 * p-value = 1.294e-10; Spearman: rho = -0.886422, p-value = 1.488e-11 with the ties warning, i.e. the t
 * approximation), reproduced by scipy.stats.pearsonr/spearmanr; pairwise handling checked against the
 * same computation on the rows both columns have; fast-check properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { correlationMatrix } from '../../../shared/analytics/correlation/correlation-matrix.js';
import { crossProducts } from '../../../shared/analytics/correlation/cross-products.js';
import { averageRanks } from '../../../shared/analytics/correlation/ranks.js';
import { MTCARS_MPG, MTCARS_WT, near } from './mtcars.js';

describe('correlationMatrix', () => {
  it('matches R cor.test(mtcars$mpg, mtcars$wt) for Pearson and Spearman', () => {
    const cols = [numericColumn('mpg', MTCARS_MPG), numericColumn('wt', MTCARS_WT)];
    const p = correlationMatrix(cols);
    expect(near(p.matrix[0]![1], -0.8676594, 7)).toBe(true);
    expect(p.pValues[0]![1]! / 1.294e-10).toBeCloseTo(1, 3);
    expect(p.n[0]![1]).toBe(32);
    expect(p.matrix[0]![0]).toBe(1);
    const s = correlationMatrix(cols, { method: 'spearman' });
    expect(near(s.matrix[1]![0], -0.886422, 6)).toBe(true);
    expect(s.pValues[1]![0]! / 1.488e-11).toBeCloseTo(1, 3);
    expect(s.strongest[0]).toMatchObject({ a: 'mpg', b: 'wt', strength: 'strong', direction: 'negative', n: 32 });
  });

  it('handles missing values pairwise: each entry equals the two columns alone on their common rows', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = [2, null, 5, 4, 9, 12, null, 15];
    const c = [8, 6, 7, 5, 3, 0, 9, null];
    const m = correlationMatrix([numericColumn('a', a), numericColumn('b', b), numericColumn('c', c)]);
    const common = (x: (number | null)[], y: (number | null)[]) => {
      const keep = x.map((v, i) => v !== null && y[i] !== null);
      return correlationMatrix([numericColumn('x', x.filter((_, i) => keep[i])), numericColumn('y', y.filter((_, i) => keep[i]))]).matrix[0]![1]!;
    };
    expect(m.matrix[0]![1]).toBeCloseTo(common(a, b), 14);
    expect(m.matrix[1]![2]).toBeCloseTo(common(b, c), 14);
    expect(m.n[0]![1]).toBe(6);
    expect(m.n[1]![2]).toBe(5);
    expect(m.n[0]![2]).toBe(7);
    const s = correlationMatrix([numericColumn('b', b), numericColumn('c', c)], { method: 'spearman' });
    const keep = b.map((v, i) => v !== null && c[i] !== null);
    const rb = averageRanks(Float64Array.from(b.filter((_, i) => keep[i]) as number[]));
    const rc = averageRanks(Float64Array.from(c.filter((_, i) => keep[i]) as number[]));
    expect(s.matrix[0]![1]).toBeCloseTo(correlationMatrix([{ name: 'x', values: rb }, { name: 'y', values: rc }]).matrix[0]![1]!, 14);
  });

  it('marks a constant column as having no variance (null entries and a notice), never NaN', () => {
    const m = correlationMatrix([numericColumn('a', [1, 2, 3]), numericColumn('k', [5, 5, 5]), numericColumn('b', [3, 1, 2])]);
    expect(m.matrix[1]).toEqual([null, null, null]);
    expect(m.pValues[0]![1]).toBeNull();
    expect(m.notices.map((n) => n.code)).toEqual(['no-variance']);
    expect(m.notices[0]!.message).toContain('"k"');
    expect(m.strongest.map((s) => `${s.a}-${s.b}`)).toEqual(['a-b']);
  });

  it('refuses bad input naming the function, column and row', () => {
    expect(() => correlationMatrix([numericColumn('a', [1, 2])])).toThrow(/correlationMatrix: choose at least two columns/);
    expect(() => correlationMatrix([numericColumn('a', [1, 2]), numericColumn('b', [1, -Infinity])])).toThrow(/column "b" has an infinite value at row 2/);
    expect(() => correlationMatrix([numericColumn('a', [1, 2]), numericColumn('b', [null, null])])).toThrow(/column "b" has only missing values/);
    expect(() => correlationMatrix([numericColumn('a', [1, 2]), numericColumn('b', [1, 2, 3])])).toThrow(/has 3 rows but "a" has 2/);
  });

  it('the blocked cross-products equal a naive double loop (several blocks, odd sizes)', () => {
    const k = 7;
    const n = 3001;
    const cols = Array.from({ length: k }, (_, j) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * (j + 1) * 0.37) * 100 + j * 1e3));
    const { sums, means } = crossProducts(cols);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += (cols[a]![i]! - means[a]!) * (cols[b]![i]! - means[b]!);
        expect(sums[a * k + b]).toBeCloseTo(s, 6);
      }
    }
  });
});

describe('properties (fast-check)', () => {
  // Values on a 0.01 grid in ±1000: transformed data then keep their digits (denormals would not).
  const value = fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 100);
  const pairs = fc.array(fc.tuple(value, value), { minLength: 3, maxLength: 40 });
  const varied = (xs: number[]) => new Set(xs).size > 1;
  it('Pearson r is invariant under shift and positive scale of either column', () => {
    fc.assert(
      fc.property(pairs, fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (ps, shift, scale) => {
        const x = ps.map((p) => p[0]);
        const y = ps.map((p) => p[1]);
        fc.pre(varied(x) && varied(y));
        const r = correlationMatrix([numericColumn('x', x), numericColumn('y', y)]).matrix[0]![1];
        const t = correlationMatrix([numericColumn('x', x.map((v) => shift + scale * v)), numericColumn('y', y)]).matrix[0]![1];
        fc.pre(r !== null && t !== null);
        expect(Math.abs(t! - r!)).toBeLessThan(1e-7);
      }),
      { numRuns: 300 },
    );
  });
  it('Spearman equals Pearson of the average ranks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: -5, max: 5 })), { minLength: 3, maxLength: 40 }), (ps) => {
        const x = ps.map((p) => p[0]);
        const y = ps.map((p) => p[1]);
        fc.pre(varied(x) && varied(y));
        const s = correlationMatrix([numericColumn('x', x), numericColumn('y', y)], { method: 'spearman' }).matrix[0]![1]!;
        const p = correlationMatrix([{ name: 'x', values: averageRanks(Float64Array.from(x)) }, { name: 'y', values: averageRanks(Float64Array.from(y)) }]).matrix[0]![1]!;
        expect(s).toBeCloseTo(p, 12);
      }),
      { numRuns: 300 },
    );
  });
  it('Spearman is invariant under any increasing transform', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const x = ps.map((p) => p[0]);
        const y = ps.map((p) => p[1]);
        fc.pre(varied(x) && varied(y));
        const s = correlationMatrix([numericColumn('x', x), numericColumn('y', y)], { method: 'spearman' }).matrix[0]![1]!;
        const t = correlationMatrix([numericColumn('x', x.map((v) => Math.exp(v / 300))), numericColumn('y', y)], { method: 'spearman' }).matrix[0]![1]!;
        expect(t).toBeCloseTo(s, 12);
      }),
    );
  });
});
