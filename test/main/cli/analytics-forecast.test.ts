/**
 * `udash analytics forecast`, run as users and scripts run it: `node bin/udash.js …` in a child process.
 * Checks the documented JSON shape, exit codes (2 bad usage, 1 bad data) and the dataset route.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { addAirPassengers } from './forecast-dataset.js';

const ROOT = path.resolve(__dirname, '../../..');
const AIR = path.join(ROOT, 'test/fixtures/forecast/AirPassengers.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-fc-cli-'));
const home = path.join(tmp, 'home');

function udash(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/udash.js'), '--home', home, ...args], { encoding: 'utf8', env: { ...process.env, UDASH_NO_SAMPLE: '1' }, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const svc = await createServices({ home, sample: false });
  addAirPassengers(svc);
  await svc.close();
  // Let the log stream finish opening before spawnSync blocks this thread's event loop.
  await new Promise((r) => setTimeout(r, 200));
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('udash analytics forecast', () => {
  it('prints the documented JSON shape for a CSV', () => {
    const r = udash('analytics', 'forecast', '--input', AIR, '--time', 'period', '--value', 'value', '--horizon', '12', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['model', 'forecast', 'backtest', 'notices']);
    expect(Object.keys(out.model)).toEqual(['name', 'spec', 'aicc']);
    expect(out.model.name).toBe('ARIMA(2,1,1)(0,1,0)[12]'); // forecast::auto.arima's choice; auto keeps it on the backtest
    expect(out.forecast).toHaveLength(12);
    expect(Object.keys(out.forecast[0])).toEqual(['time', 'mean', 'lower', 'upper']);
    expect(out.forecast[0].time).toBe('1961-01');
    expect(Object.keys(out.forecast[0].lower)).toEqual(['80', '95']);
    expect(out.forecast[0].mean).toBeCloseTo(445.6349, 2); // reference_results.json, forecast(auto.arima(AirPassengers))
    expect(Object.keys(out.backtest)).toEqual(['mae', 'rmse', 'mape', 'smape', 'mase']);
    for (const v of Object.values(out.backtest)) expect(v).toEqual(expect.any(Number));
  });

  it('takes a model, a season and levels', () => {
    const r = udash('analytics', 'forecast', '--input', AIR, '--time', 'period', '--value', 'value', '--horizon', '1y', '--model', 'snaive', '--season', '12', '--level', '90', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.name).toBe('Seasonal naive');
    expect(out.model.aicc).toBeNull();
    expect(out.forecast.map((p: { mean: number }) => p.mean)).toEqual([417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432]); // 1960
    expect(Object.keys(out.forecast[0].upper)).toEqual(['90']);
  });

  it('forecasts a dataset of a workspace', () => {
    const r = udash('analytics', 'forecast', '--workspace', 'Forecasting', '--dataset', 'air', '--time', 'month', '--value', 'passengers', '--horizon', '3', '--model', 'arima', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model.name).toBe('ARIMA(2,1,1)(0,1,0)[12]');
    expect(out.forecast.map((p: { time: string }) => p.time)).toEqual(['1961-01-01', '1961-02-01', '1961-03-01']);
  });

  it('prints a readable table without --json', () => {
    const r = udash('analytics', 'forecast', '--input', AIR, '--time', 'period', '--value', 'value', '--horizon', '2', '--model', 'naive');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Model: Naive/);
    expect(r.stdout).toMatch(/TIME\s+FORECAST\s+LO 80\s+HI 80\s+LO 95\s+HI 95/);
  });

  it.each([
    [['--time', 'period', '--value', 'value'], /missing required option --horizon/],
    [['--time', 'period', '--value', 'value', '--horizon', '0'], /--horizon must be a positive/],
    [['--time', 'period', '--value', 'value', '--horizon', '12', '--model', 'prophet'], /--model must be one of/],
    [['--time', 'period', '--value', 'value', '--horizon', '12', '--level', '80,120'], /--level expects percentages/],
    [['--time', 'period', '--value', 'value', '--horizon', '12', '--season', 'weekly'], /--season expects/],
    [['--time', 'date', '--value', 'value', '--horizon', '12'], /--time "date" is not a column/],
    [['--time', 'period', '--value', 'value', '--horizon', '100000'], /too far ahead/],
    [['--time', 'period', '--value', 'value', '--horizon', '12', '--bogus'], /unknown option/],
  ])('exits 2 on bad usage %#', (args, message) => {
    const r = udash('analytics', 'forecast', '--input', AIR, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('exits 1 with the row and column on bad data', () => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(file, 'day,sales\n2024-01-01,5\n2024-01-02,7\n2024-01-03,lots\n2024-01-04,9\n');
    const r = udash('analytics', 'forecast', '--input', file, '--time', 'day', '--value', 'sales', '--horizon', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Row 4: column "sales" holds "lots", which is not a number/);
    const missing = udash('analytics', 'forecast', '--input', path.join(tmp, 'nope.csv'), '--time', 'day', '--value', 'sales', '--horizon', '2');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/File not found/);
    const text = udash('analytics', 'forecast', '--workspace', 'Forecasting', '--dataset', 'air', '--time', 'month', '--value', 'note', '--horizon', '3');
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/Column "note" of "air" is text, not numeric/);
  });

  it('a constant series: that constant, zero-width intervals, and a notice', () => {
    const file = path.join(tmp, 'flat.csv');
    fs.writeFileSync(file, 'week,level\n' + Array.from({ length: 10 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10)},42`).join('\n') + '\n');
    const r = udash('analytics', 'forecast', '--input', file, '--time', 'week', '--value', 'level', '--horizon', '3', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.forecast.map((p: { mean: number; lower: Record<string, number> }) => [p.mean, p.lower['95']])).toEqual([[42, 42], [42, 42], [42, 42]]);
    expect(out.forecast[0].time).toBe('2024-03-11');
    expect(out.notices.map((n: { code: string }) => n.code)).toContain('constant');
  });
});
