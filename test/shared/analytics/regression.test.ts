/**
 * Regression beyond NIST (nist-regression.test.ts): inference, intervals and predictions against R's
 * lm on mtcars (mpg ~ wt: 37.2851 (1.8776), −5.3445 (0.5591), R² 0.7528, adj. 0.7446, σ 3.046 on 30
 * df, F 91.38; predict(wt = 3): 21.25171, prediction interval 14.92987–27.57355, confidence interval
 * 20.12444–22.37899), reproduced with numpy lstsq; bad input; streaming over many blocks.
 */
import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { multipleRegression } from '../../../shared/analytics/regression/multiple-regression.js';
import { polynomialRegression } from '../../../shared/analytics/regression/polynomial-regression.js';
import { predictRegression } from '../../../shared/analytics/regression/predict.js';
import { simpleRegression } from '../../../shared/analytics/regression/simple-regression.js';
import { certified, lre, regressionData } from './nist.js';
import { MTCARS_HP, MTCARS_MPG, MTCARS_WT, near } from './mtcars.js';

const mpg = numericColumn('mpg', MTCARS_MPG);
const wt = numericColumn('wt', MTCARS_WT);

describe('simple and multiple regression', () => {
  it('matches R summary(lm(mpg ~ wt, mtcars)) and predict(..., interval = "prediction"/"confidence")', () => {
    const r = simpleRegression(wt, mpg);
    expect(r.terms.map((t) => t.term)).toEqual(['(intercept)', 'wt']);
    expect(near(r.terms[0]!.estimate, 37.2851, 4)).toBe(true);
    expect(near(r.terms[1]!.estimate, -5.3445, 4)).toBe(true);
    expect(near(r.terms[0]!.stdError, 1.8776, 4)).toBe(true);
    expect(near(r.terms[1]!.stdError, 0.5591, 4)).toBe(true);
    expect(near(r.rSquared, 0.7528, 4)).toBe(true);
    expect(near(r.adjRSquared, 0.7446, 4)).toBe(true);
    expect(near(r.residualStdError, 3.046, 3)).toBe(true);
    expect(near(r.fStatistic, 91.38, 2)).toBe(true);
    expect(r.dfResidual).toBe(30);
    const [p] = predictRegression(r, [[3]], 0.95);
    expect(near(p!.fit, 21.25171, 5)).toBe(true);
    expect(near(p!.predLow, 14.92987, 5)).toBe(true);
    expect(near(p!.predHigh, 27.57355, 5)).toBe(true);
    expect(near(p!.confLow, 20.12444, 5)).toBe(true);
    expect(near(p!.confHigh, 22.37899, 5)).toBe(true);
    // Confidence intervals of the coefficients at another level are t-quantile wide.
    const r90 = simpleRegression(wt, mpg, { level: 0.9 });
    expect(r90.terms[1]!.ciHigh - r90.terms[1]!.ciLow).toBeLessThan(r.terms[1]!.ciHigh - r.terms[1]!.ciLow);
  });

  it('reports residuals and fitted values per used row, leaving rows with a gap out', () => {
    const y = numericColumn('y', [1, 3, null, 7, 9.5, 11]);
    const x = numericColumn('x', [0, 1, 2, 3, 4, null]);
    const r = simpleRegression(x, y);
    expect(r.n).toBe(4);
    expect(r.missing).toBe(2);
    expect(Array.from(r.rows)).toEqual([0, 1, 3, 4]);
    r.rows.forEach((row, k) => expect(r.fitted[k]! + r.residuals[k]!).toBeCloseTo(y.values[row]!, 12));
  });

  it('gives the same answer however many row blocks the data stream through', () => {
    const n = 10_000;
    const x1 = numericColumn('x1', Array.from({ length: n }, (_, i) => Math.sin(i)));
    const x2 = numericColumn('x2', Array.from({ length: n }, (_, i) => (i % 17) - 8));
    const y = numericColumn('y', Array.from({ length: n }, (_, i) => 3 + 2 * x1.values[i]! - 0.5 * x2.values[i]! + Math.cos(i * 1.3)));
    const big = multipleRegression(y, [x1, x2]);
    // Oracle: ml-matrix QR on the full design (small, well-conditioned problem).
    const X = new Matrix(Array.from({ length: n }, (_, i) => [1, x1.values[i]!, x2.values[i]!]));
    const b = new QrDecomposition(X).solve(Matrix.columnVector(Array.from(y.values))).to1DArray();
    big.terms.forEach((t, j) => expect(t.estimate).toBeCloseTo(b[j]!, 12));
  });

  it('without an intercept reports the uncentred R² (NIST NoInt1) and the F test on p df', () => {
    const c = certified().linear_regression.NoInt1!;
    const rows = regressionData('NoInt1');
    const r = simpleRegression(numericColumn('x', rows.map((q) => q[1]!)), numericColumn('y', rows.map((q) => q[0]!)), { intercept: false });
    expect(r.terms.map((t) => t.term)).toEqual(['x']);
    expect(lre(r.rSquared, c.r_squared)).toBeGreaterThan(12);
    expect(r.dfModel).toBe(1);
  });

  it('refuses what cannot be fitted with messages naming the function, column and row', () => {
    expect(() => multipleRegression(numericColumn('y', [1, 2, 3]), [numericColumn('a', [1, 2, 4]), numericColumn('b', [3, 1, 2])])).toThrow(/3 complete rows but the model has 3 parameters; it needs at least 4/);
    expect(() => simpleRegression(numericColumn('x', [2, 2, 2, 2]), numericColumn('y', [1, 2, 3, 4]))).toThrow(/column "x" has no variance/);
    expect(() => simpleRegression(numericColumn('x', [1, 2, 3, 4]), numericColumn('y', [5, 5, 5, 5]))).toThrow(/column "y" has no variance/);
    expect(() => multipleRegression(numericColumn('y', [1, 2, 3, 5, 4]), [numericColumn('a', [1, 2, 3, 4, 5]), numericColumn('b', [2, 4, 6, 8, 10])])).toThrow(/"b" is a linear combination/);
    expect(() => simpleRegression(numericColumn('x', [1, 2, Infinity, 4]), numericColumn('y', [1, 2, 3, 4]))).toThrow(/column "x" has an infinite value at row 3/);
    expect(() => simpleRegression(numericColumn('x', [1, 2]), numericColumn('y', [1, 2]), { level: 1.5 })).toThrow(/level must be between 0 and 1/);
    expect(() => simpleRegression(numericColumn('x', [null, null]), numericColumn('y', [1, 2]))).toThrow(/no row has a value/);
  });
});

describe('polynomial regression', () => {
  it('names terms x^1 … x^d and recovers an exact polynomial', () => {
    const x = Array.from({ length: 30 }, (_, i) => i / 3 - 4);
    const y = x.map((v) => 2 - v + 0.5 * v ** 2 - 0.01 * v ** 3 + Math.sin(v * 13) * 1e-3);
    const r = polynomialRegression(numericColumn('t', x), numericColumn('y', y), 3);
    expect(r.terms.map((t) => t.term)).toEqual(['(intercept)', 'x^1', 'x^2', 'x^3']);
    [2, -1, 0.5, -0.01].forEach((b, j) => expect(r.terms[j]!.estimate).toBeCloseTo(b, 3));
    const [p] = predictRegression(r, [[10]]);
    expect(p!.fit).toBeCloseTo(2 - 10 + 50 - 10, 1);
    expect(p!.predLow).toBeLessThan(p!.fit);
  });
  it('refuses a degree out of 1–10 and a degree the distinct x values cannot support', () => {
    expect(() => polynomialRegression(mpg, wt, 11)).toThrow(/degree must be a whole number from 1 to 10/);
    expect(() => polynomialRegression(numericColumn('x', [1, 2, 3, 1, 2, 3]), numericColumn('y', [1, 4, 9, 1, 4, 8]), 3)).toThrow(/linear combination/);
  });
  it('beats ml-matrix QR on the hardest NIST sets (why the solver is hand-written)', () => {
    const c = certified().linear_regression;
    const lines: string[] = [];
    for (const name of ['Filip', 'Wampler5']) {
      const rows = regressionData(name);
      const d = c[name]!.polynomial_degree;
      const ours = polynomialRegression(numericColumn('x', rows.map((q) => q[1]!)), numericColumn('y', rows.map((q) => q[0]!)), d);
      const X = new Matrix(rows.map((q) => Array.from({ length: d + 1 }, (_, k) => q[1]! ** k)));
      const theirs = new QrDecomposition(X).solve(Matrix.columnVector(rows.map((q) => q[0]!))).to1DArray();
      const lreOurs = Math.min(...ours.terms.map((t, j) => lre(t.estimate, c[name]!.certified_coefficients[j]!)));
      const lreTheirs = Math.min(...theirs.map((v, j) => lre(v, c[name]!.certified_coefficients[j]!)));
      lines.push(`${name}: ours ${lreOurs.toFixed(1)} digits, ml-matrix QR ${lreTheirs.toFixed(1)}`);
      expect(lreOurs).toBeGreaterThan(lreTheirs);
    }
    console.log(`NIST estimates, LRE: ${lines.join('; ')}`);
  });
});

describe('properties (fast-check)', () => {
  it('the slope scales and the intercept shifts exactly with y → a + b·y', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 20 }), (a, b) => {
        const r = simpleRegression(wt, numericColumn('hp', MTCARS_HP));
        const t = simpleRegression(wt, numericColumn('hp2', MTCARS_HP.map((v) => a + b * v)));
        expect(t.terms[1]!.estimate).toBeCloseTo(b * r.terms[1]!.estimate, 9);
        expect(t.terms[0]!.estimate).toBeCloseTo(a + b * r.terms[0]!.estimate, 9);
        expect(t.rSquared).toBeCloseTo(r.rSquared, 12);
      }),
      { numRuns: 50 },
    );
  });
});
