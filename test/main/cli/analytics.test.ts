/**
 * `udash analytics describe | correlate | regress | distribution | trend`, spawned as a user would run
 * it (node bin/udash.js, which rebuilds the CLI bundle when sources changed): the documented JSON
 * shapes, CSV and dataset sources, and exit codes (1 bad data with row and column, 2 bad usage).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { addDataset, buildWorkers, ROOT } from '../analytics/fixtures.js';
import { MTCARS_HP, MTCARS_MPG, MTCARS_WT } from '../../shared/analytics/mtcars.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-cli-analytics-'));
const home = path.join(dir, 'home');
const cars = path.join(dir, 'mtcars.csv');
fs.writeFileSync(cars, ['mpg,wt,hp,model', ...MTCARS_MPG.map((m, i) => `${m},${MTCARS_WT[i]},${i === 3 ? '' : MTCARS_HP[i]},car ${i}`)].join('\n'));

function udash(...args: string[]): { code: number; stdout: string; stderr: string; json: () => Record<string, unknown> } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/udash.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, UDASH_HOME: home, UDASH_NO_SAMPLE: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

// Each spawn rebuilds the bundles when any source changed (often, with several engineers editing);
// the first one may take a minute, so these tests get generous timeouts.
const SLOW = 300_000;

beforeAll(async () => {
  buildWorkers();
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'ignore' });
  const svc = await createServices({ home, sample: false });
  try {
    addDataset(svc, 'cars', [{ name: 'mpg', type: 'number' }, { name: 'wt', type: 'number' }], MTCARS_MPG.map((m, i) => [m, MTCARS_WT[i]!]));
  } finally {
    await svc.close();
  }
}, SLOW);

describe('udash analytics', () => {
  it('describe --json prints exactly the documented column fields', () => {
    const r = udash('analytics', 'describe', '--input', cars, '--json');
    expect(r.code, r.stderr).toBe(0);
    const cols = r.json().columns as Record<string, unknown>[];
    expect(cols.map((c) => c.name)).toEqual(['mpg', 'wt', 'hp']);
    expect(Object.keys(cols[0]!)).toEqual(['name', 'count', 'missing', 'mean', 'stdDev', 'variance', 'min', 'max', 'median', 'q1', 'q3', 'skewness', 'kurtosis', 'autocorrelationLag1']);
    expect(cols[2]).toMatchObject({ count: 31, missing: 1 });
    expect(cols[0]!.mean).toBeCloseTo(20.090625, 10);
    const some = udash('analytics', 'describe', '--input', cars, '--columns', 'wt', '--json');
    expect((some.json().columns as unknown[]).length).toBe(1);
  }, SLOW);

  it('correlate --json prints method, columns, matrix, pValues and n', () => {
    const r = udash('analytics', 'correlate', '--input', cars, '--columns', 'mpg,wt,hp', '--method', 'spearman', '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(Object.keys(j)).toEqual(['method', 'columns', 'matrix', 'pValues', 'n']);
    expect(j.method).toBe('spearman');
    expect((j.matrix as number[][])[0]![1]).toBeCloseTo(-0.886422, 6);
    expect((j.n as number[][])[0]![2]).toBe(31);
    expect((j.pValues as (number | null)[][])[0]![0]).toBeNull();
  }, SLOW);

  it('regress --json prints terms and fit statistics; polynomial terms are x^1 … x^N', () => {
    const r = udash('analytics', 'regress', '--input', cars, '--y', 'mpg', '--x', 'wt', '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(Object.keys(j)).toEqual(['terms', 'rSquared', 'adjRSquared', 'residualStdError', 'fStatistic', 'dfResidual', 'n']);
    const terms = j.terms as Record<string, number | string>[];
    expect(terms.map((t) => t.term)).toEqual(['(intercept)', 'wt']);
    expect(Object.keys(terms[0]!)).toEqual(['term', 'estimate', 'stdError', 'tValue', 'pValue', 'ciLow', 'ciHigh']);
    expect(terms[1]!.estimate as number).toBeCloseTo(-5.344472, 6);
    expect(j.dfResidual).toBe(30);
    const poly = udash('analytics', 'regress', '--input', cars, '--y', 'mpg', '--x', 'wt', '--degree', '3', '--level', '0.9', '--json').json();
    expect((poly.terms as { term: string }[]).map((t) => t.term)).toEqual(['(intercept)', 'x^1', 'x^2', 'x^3']);
    const noInt = udash('analytics', 'regress', '--input', cars, '--y', 'mpg', '--x', 'wt,hp', '--no-intercept', '--json').json();
    expect((noInt.terms as { term: string }[]).map((t) => t.term)).toEqual(['wt', 'hp']);
    expect(noInt.n).toBe(31);
  }, SLOW);

  it('distribution and trend print their summaries; trend includes seasonality period and strength', () => {
    const d = udash('analytics', 'distribution', '--input', cars, '--column', 'wt', '--json');
    expect(d.code, d.stderr).toBe(0);
    expect((d.json().normality as { shapiroWilk: { w: number } }).shapiroWilk.w).toBeCloseTo(0.94326, 5);
    const months = path.join(dir, 'months.csv');
    fs.writeFileSync(months, ['month,sales', ...Array.from({ length: 60 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${(100 + 2 * i + 20 * Math.sin((2 * Math.PI * i) / 12)).toFixed(3)}`)].join('\n'));
    const t = udash('analytics', 'trend', '--input', months, '--time', 'month', '--value', 'sales', '--json');
    expect(t.code, t.stderr).toBe(0);
    expect(t.json().seasonality).toMatchObject({ period: 12 });
    expect((t.json().seasonality as { strength: number }).strength).toBeGreaterThan(0.9);
    const text = udash('analytics', 'trend', '--input', months, '--time', 'month', '--value', 'sales');
    expect(text.stdout).toContain('Seasonality: period 12');
  }, SLOW);

  it('reads a dataset with --workspace and --dataset', () => {
    const r = udash('analytics', 'regress', '--workspace', 'ws-cars', '--dataset', 'cars', '--y', 'mpg', '--x', 'wt', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect((r.json().terms as { estimate: number }[])[1]!.estimate).toBeCloseTo(-5.344472, 6);
  }, SLOW);

  it('exits 1 on bad data, naming the row and column', () => {
    const text = udash('analytics', 'describe', '--input', cars, '--columns', 'model');
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/column "model" has a value that is not a number at row 2: "car 0"/);
    const constant = path.join(dir, 'flat.csv');
    fs.writeFileSync(constant, 'x,y\n1,2\n1,3\n1,4\n');
    const flat = udash('analytics', 'regress', '--input', constant, '--y', 'y', '--x', 'x');
    expect(flat.code).toBe(1);
    expect(flat.stderr).toMatch(/column "x" has no variance/);
    const short = udash('analytics', 'trend', '--input', constant, '--time', 'y', '--value', 'x', '--season', '12');
    expect(short.code).toBe(1);
  }, SLOW);

  it('exits 2 on bad usage', () => {
    expect(udash('analytics', 'regress', '--input', cars, '--y', 'mpg').code).toBe(2);
    expect(udash('analytics', 'regress', '--input', cars, '--y', 'mpg', '--x', 'wt,hp', '--degree', '2').code).toBe(2);
    expect(udash('analytics', 'correlate', '--input', cars, '--method', 'kendall').code).toBe(2);
    expect(udash('analytics', 'describe').code).toBe(2);
    expect(udash('analytics', 'describe', '--input', cars, '--workspace', 'w').code).toBe(2);
    const missingCol = udash('analytics', 'distribution', '--input', cars, '--column', 'weight');
    expect(missingCol.code).toBe(2);
    expect(missingCol.stderr).toContain('its columns are: mpg, wt, hp, model');
  }, SLOW);
});
