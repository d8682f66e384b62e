/**
 * NIST StRD univariate summary statistics: every set (PiDigits, Lottery, Lew, Mavro, Michelso,
 * NumAcc1–4). Oracle: certified mean, sample SD (n − 1) and lag-1 autocorrelation from certified.json
 * (NIST, 15 significant digits). Required: ≥ 12 significant digits (LRE) for each, NumAcc4 included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { numericColumn } from '../../../shared/analytics/column.js';
import { describeColumn } from '../../../shared/analytics/descriptive/describe.js';
import { FIXTURE_NIST, SHARED_NIST, certified, lre, univariateData } from './nist.js';

const cert = certified();
const table: string[] = [];

describe('NIST StRD univariate statistics', () => {
  for (const name of Object.keys(cert.univariate)) {
    it(`${name}: mean, SD and lag-1 autocorrelation to ≥ 12 digits`, () => {
      const c = cert.univariate[name]!;
      const values = univariateData(name);
      expect(values.length).toBe(c.n);
      const d = describeColumn(numericColumn(name, values));
      const mean = lre(d.mean, c.certified_mean);
      const sd = lre(d.stdDev!, c.certified_sd);
      const r1 = lre(d.autocorrelationLag1!, c.certified_lag1_autocorrelation);
      table.push(`${name.padEnd(9)} ${c.difficulty.padEnd(8)} mean ${mean.toFixed(1)}  sd ${sd.toFixed(1)}  r1 ${r1.toFixed(1)}`);
      expect(mean).toBeGreaterThanOrEqual(12);
      expect(sd).toBeGreaterThanOrEqual(12);
      expect(r1).toBeGreaterThanOrEqual(12);
    });
  }
  afterAll(() => {
    console.log(`NIST StRD univariate, LRE (significant digits, capped at 15):\n${table.join('\n')}`);
  });
});

describe('NIST fixtures in the repository', () => {
  it.runIf(fs.existsSync(SHARED_NIST))('match the shared datasets byte for byte', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)).map((f) => path.join(e.name, f)) : [e.name]));
    for (const rel of files(SHARED_NIST)) {
      expect(fs.readFileSync(path.join(FIXTURE_NIST, rel)).equals(fs.readFileSync(path.join(SHARED_NIST, rel))), rel).toBe(true);
    }
  });
});
