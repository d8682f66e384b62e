/**
 * NIST StRD linear regression: every set (Norris, Pontius, NoInt1, NoInt2, Filip, Longley,
 * Wampler1–5). Oracle: the certified values in certified.json (NIST, 15 significant digits, re-verified
 * there with 60-digit arithmetic). Required agreement (LRE, see nist.ts): ≥ 9 digits on the lower and
 * average difficulty sets, ≥ 7 on the higher ones, for the estimates, their standard deviations, the
 * residual standard deviation and R².
 */
import { afterAll, describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { multipleRegression } from '../../../shared/analytics/regression/multiple-regression.js';
import { polynomialRegression } from '../../../shared/analytics/regression/polynomial-regression.js';
import type { RegressionResult } from '../../../shared/analytics/regression/types.js';
import { certified, lre, regressionData } from './nist.js';

const cert = certified();
const table: string[] = [];

function fit(name: string): RegressionResult {
  const c = cert.linear_regression[name]!;
  const rows = regressionData(name);
  const y = numericColumn('y', rows.map((r) => r[0]!));
  if (c.model_kind === 'polynomial') return polynomialRegression(numericColumn('x', rows.map((r) => r[1]!)), y, c.polynomial_degree);
  const xs = c.columns.slice(1).map((col, j) => numericColumn(col, rows.map((r) => r[j + 1]!)));
  return multipleRegression(y, xs, { intercept: c.intercept });
}

describe('NIST StRD linear regression', () => {
  for (const name of Object.keys(cert.linear_regression)) {
    it(`${name}: estimates, their SDs, residual SD and R² agree with the certified values`, () => {
      const c = cert.linear_regression[name]!;
      const r = fit(name);
      expect(r.n).toBe(c.n);
      expect(r.terms).toHaveLength(c.certified_coefficients.length);
      const need = c.difficulty === 'Higher' ? 7 : 9;
      const est = Math.min(...r.terms.map((t, i) => lre(t.estimate, c.certified_coefficients[i]!)));
      const sd = Math.min(...r.terms.map((t, i) => lre(t.stdError, c.certified_coefficient_sd[i]!)));
      const rsd = lre(r.residualStdError, c.residual_sd);
      const r2 = lre(r.rSquared, c.r_squared);
      table.push(`${name.padEnd(9)} ${c.difficulty.padEnd(8)} need ${need}  estimates ${est.toFixed(1)}  sd ${sd.toFixed(1)}  residual sd ${rsd.toFixed(1)}  R² ${r2.toFixed(1)}`);
      expect(est).toBeGreaterThanOrEqual(need);
      expect(sd).toBeGreaterThanOrEqual(need);
      expect(rsd).toBeGreaterThanOrEqual(need);
      expect(r2).toBeGreaterThanOrEqual(need);
    });
  }
  afterAll(() => {
    console.log(`NIST StRD linear regression, LRE (significant digits, capped at 15):\n${table.join('\n')}`);
  });
});
