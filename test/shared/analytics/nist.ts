/**
 * NIST StRD loader for the tests. Reads the shared datasets folder when it exists (the machine these
 * sessions run on) and the repository's copy in test/fixtures/nist-strd otherwise (a clean clone).
 * Certified values come from certified.json, which records each value's source text as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_NIST = '/work/shared/datasets/nist-strd';
export const FIXTURE_NIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/nist-strd');
export const NIST_DIR = fs.existsSync(path.join(SHARED_NIST, 'certified.json')) ? SHARED_NIST : FIXTURE_NIST;

export interface CertifiedRegression {
  file: string;
  columns: string[];
  n: number;
  model_kind: string;
  polynomial_degree: number;
  intercept: boolean;
  certified_coefficients: number[];
  certified_coefficient_sd: number[];
  residual_sd: number;
  r_squared: number;
  difficulty: 'Lower' | 'Average' | 'Higher';
}
export interface CertifiedUnivariate {
  file: string;
  n: number;
  certified_mean: number;
  certified_sd: number;
  certified_lag1_autocorrelation: number;
  difficulty: 'Lower' | 'Average' | 'Higher';
}
export interface Certified {
  linear_regression: Record<string, CertifiedRegression>;
  univariate: Record<string, CertifiedUnivariate>;
}

export function certified(dir = NIST_DIR): Certified {
  return JSON.parse(fs.readFileSync(path.join(dir, 'certified.json'), 'utf8')) as Certified;
}

/** Data rows of a regression .dat file: NIST puts them from line 61 on, y first, then the x columns. */
export function regressionData(name: string, dir = NIST_DIR): number[][] {
  const cert = certified(dir).linear_regression[name]!;
  const lines = fs.readFileSync(path.join(dir, cert.file), 'utf8').split(/\r?\n/).slice(60);
  return lines.filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/).map(Number));
}

/** Values of a univariate set: lines 61.. of the NIST files, or after "# Data" in the Commons Math copies. */
export function univariateData(name: string, dir = NIST_DIR): Float64Array {
  const cert = certified(dir).univariate[name]!;
  const text = fs.readFileSync(path.join(dir, cert.file), 'utf8');
  const lines = text.split(/\r?\n/);
  const body = cert.file.endsWith('.commons-math.txt') ? lines.slice(lines.findIndex((l) => l.trim() === '# Data') + 1).filter((l) => !l.startsWith('#')) : lines.slice(60);
  return Float64Array.from(body.filter((l) => l.trim() !== '').map((l) => Number(l.trim())));
}

/**
 * Log relative error, the number of agreeing significant digits: −log10(|est − cert|/|cert|), or
 * −log10|est| when the certified value is 0 (NIST's convention). Capped at 15 (exact agreement).
 */
export function lre(estimate: number, cert: number): number {
  const err = cert === 0 ? Math.abs(estimate) : Math.abs(estimate - cert) / Math.abs(cert);
  if (err === 0) return 15;
  return Math.min(15, -Math.log10(err));
}
