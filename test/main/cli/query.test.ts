/**
 * `udash query` end to end: the real bin/udash.js in a child process against a store prepared in a
 * temporary UDASH_HOME (the dataset is written through the store and its write hooks directly).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResult } from '../../../shared/model/query.js';
import { createServices } from '../../../main/services.js';
import { createDataset, SALES_COLUMNS, type Cell } from '../query/fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let home: string;

const ROWS: Cell[][] = [
  ['2024-01-15T10:00:00Z', 'web', 'north', 100, 1, false, null],
  ['2024-01-20T10:00:00Z', 'store', 'south', 50, 2, false, null],
  ['2024-02-29T10:00:00Z', 'web', 'south', 25.5, 3, true, null],
  ['2024-03-01T00:00:00Z', 'web', 'north', 10, 4, false, null],
];

function udash(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'udash.js'), ...args], {
    cwd: root,
    env: { ...process.env, UDASH_HOME: home, UDASH_NO_SAMPLE: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-cli-query-'));
  const svc = await createServices({ home, sample: false });
  const { id } = await svc.dispatcher.call('workspaces.create', { name: 'Shop' });
  createDataset(svc, id, 'sales', SALES_COLUMNS, ROWS);
  await svc.close();
  // Let the services' log file finish opening before the child processes (and the clean-up) run.
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 60_000);

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('udash query', () => {
  it('prints the widget query result as JSON', { timeout: 180_000 }, () => {
    const r = udash('query', '--workspace', 'Shop', '--dataset', 'sales', '--x', 'date', '--bucket', 'month', '--y', 'sum:revenue', 'count', '--json');
    // stderr may carry the bundle's rebuild notice when sources changed; never an error.
    expect(r.stderr).not.toMatch(/udash:/);
    expect(r.code).toBe(0);
    const result = QueryResult.parse(JSON.parse(r.stdout));
    expect(result.columns).toEqual([
      { name: 'date', role: 'x', type: 'datetime' },
      { name: 'sum(revenue)', role: 'y', type: 'number' },
      { name: 'count(*)', role: 'y', type: 'integer' },
    ]);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00.000Z', 150, 2],
      ['2024-02-01T00:00:00.000Z', 25.5, 1],
      ['2024-03-01T00:00:00.000Z', 10, 1],
    ]);
    expect(result.source).toBe('rollup');
  });

  it('takes filters, a date range, series, sort and limit, and prints a table without --json', () => {
    const json = udash('query', '--workspace', 'Shop', '--dataset', 'sales', '--x', 'region', '--series', 'channel', '--y', 'sum:units', '--filter', 'revenue>=20', '--from', '2024-01-01', '--to', '2024-03-01', '--sort', 'sum(units):desc', '--limit', '2', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).rows).toEqual([
      ['south', 'web', 3],
      ['south', 'store', 2],
    ]);
    const text = udash('query', '--workspace', 'Shop', '--dataset', 'sales', '--x', 'channel', '--y', 'avg:revenue', '--filter', 'channel in web,store');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^channel\s+avg\(revenue\)$/);
    expect(text.stdout).toMatch(/web\s+45\.1666666667/);
    const full = udash('query', '--workspace', 'Shop', '--query', JSON.stringify({ datasetId: 'sales', y: [{ agg: 'max', field: 'date' }] }), '--json');
    expect(JSON.parse(full.stdout).rows).toEqual([['2024-03-01T00:00:00.000Z']]);
  });

  it('fails with exit 1 and a clear message for a missing column', () => {
    const r = udash('query', '--workspace', 'Shop', '--dataset', 'sales', '--x', 'date', '--bucket', 'day', '--y', 'sum:profit');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^udash: Dataset "sales" has no column "profit" \(query\.y\[0\]\.field\)\. Available columns: "date", "channel", "region", "revenue", "units", "returned", "note"\.$/m);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    const ds = udash('query', '--workspace', 'Shop', '--dataset', 'nope', '--y', 'count');
    expect(ds.code).toBe(1);
    expect(ds.stderr).toMatch(/No dataset with id or name "nope"/);
  });

  it('exits 2 on bad usage', () => {
    for (const args of [
      ['query', '--dataset', 'sales'],
      ['query', '--workspace', 'Shop', '--dataset', 'sales', '--x', 'date', '--bucket', 'fortnight'],
      ['query', '--workspace', 'Shop', '--dataset', 'sales', '--y', 'median:revenue'],
      ['query', '--workspace', 'Shop', '--dataset', 'sales', '--filter', 'revenue~5'],
      ['query', '--workspace', 'Shop', '--query', '{not json'],
      ['query', '--workspace', 'Shop', '--dataset', 'sales', '--no-such-flag'],
      ['query', '--workspace', 'Shop', '--dataset', 'sales', '--limit', 'ten'],
    ]) {
      const r = udash(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/\S/);
    }
  });
});
