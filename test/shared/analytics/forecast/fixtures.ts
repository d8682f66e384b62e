/** Loads the reference series and published results in test/fixtures/forecast. */
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../../fixtures/forecast');

export interface SeriesFile {
  periods: string[];
  values: number[];
  y: Float64Array;
}

export function loadSeries(name: 'AirPassengers' | 'USAccDeaths' | 'co2' | 'nottem' | 'UKgas'): SeriesFile {
  const lines = fs.readFileSync(path.join(DIR, `${name}.csv`), 'utf8').trim().split(/\r?\n/).slice(1);
  const periods = lines.map((l) => l.split(',')[0]!);
  const values = lines.map((l) => Number(l.split(',')[1]));
  return { periods, values, y: Float64Array.from(values) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the published JSON is read as data and indexed by key
export const reference: any = JSON.parse(fs.readFileSync(path.join(DIR, 'reference_results.json'), 'utf8'));

export function fixturePath(file: string): string {
  return path.join(DIR, file);
}
