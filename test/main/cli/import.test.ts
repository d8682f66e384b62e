import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const homes: string[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

function home(): string {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-cli-'));
  homes.push(h);
  return h;
}

/** Runs `node bin/udash.js …` with its own UDASH_HOME, like a user would. */
function udash(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'udash.js'), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(() => {
  // bin/udash.js rebuilds stale bundles itself; doing it once here keeps each command quick.
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}, 300_000);

// Each command is a fresh process that checks the build and opens the store: seconds apiece on a busy machine.
describe('udash import', { timeout: 300_000 }, () => {
  it('imports into the sample workspace and lists the dataset with its row count', async () => {
    const h = home();
    const file = path.join(h, 'orders.csv');
    fs.writeFileSync(file, 'day,amount\n2024-01-01,5\n2024-01-02,7\n2024-01-03,9\n');
    const env = { UDASH_HOME: path.join(h, 'data') };
    const r = await udash(['import', file, '--workspace', 'Sample workspace', '--dataset', 'Orders', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { name: string; rowCount: number; inserted: number; skipped: number };
    expect(out).toMatchObject({ name: 'Orders', rowCount: 3, inserted: 3, skipped: 0 });

    const again = await udash(['import', file, '--workspace', 'Sample workspace', '--dataset', 'Orders', '--mode', 'append', '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rowCount: 6, inserted: 3 });

    const list = await udash(['datasets', '--json'], env);
    expect(list.code).toBe(0);
    const datasets = JSON.parse(list.stdout) as { name: string; rowCount: number }[];
    expect(datasets.find((d) => d.name === 'Orders')?.rowCount).toBe(6);
    // The sample workspace was created on this empty store's first start, through the same pipeline.
    expect(datasets.find((d) => d.name === 'Sales')?.rowCount).toBeGreaterThan(2000);

    const text = await udash(['import', file, '--workspace', 'Sample workspace', '--dataset', 'Orders', '--mode', 'replace'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Imported 3 rows into "Orders" \(3 rows in all\)/);
  });

  it('exits 1 with the reason on stderr when the import fails, and imports nothing', async () => {
    const h = home();
    const env = { UDASH_HOME: path.join(h, 'data') };
    const missing = await udash(['import', path.join(h, 'nope.csv'), '--workspace', 'Sample workspace', '--dataset', 'X'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const bad = path.join(h, 'bad.csv');
    fs.writeFileSync(bad, 'id,amount\n' + Array.from({ length: 20 }, (_, i) => `${i},${i === 9 ? 'oops' : i}`).join('\n') + '\n');
    const aborted = await udash(['import', bad, '--workspace', 'Sample workspace', '--dataset', 'Bad', '--json'], env);
    expect(aborted.code).toBe(1);
    expect(aborted.stderr).toMatch(/bad\.csv, row 11, column "amount"/);
    const skipped = await udash(['import', bad, '--workspace', 'Sample workspace', '--dataset', 'Bad', '--on-error', 'skip', '--json'], env);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ inserted: 19, skipped: 1, issueCount: 1, issues: [{ row: 11, column: 'amount', value: 'oops' }] });

    const noWs = await udash(['import', bad, '--workspace', 'Nope', '--dataset', 'Y'], env);
    expect(noWs.code).toBe(1);
    expect(noWs.stderr).toMatch(/No workspace with id or name "Nope"/);
  });

  it('exits 2 on bad usage', async () => {
    const h = home();
    const env = { UDASH_HOME: path.join(h, 'data'), UDASH_NO_SAMPLE: '1' };
    const file = path.join(h, 'a.csv');
    fs.writeFileSync(file, 'a\n1\n');
    for (const args of [
      ['import', file, '--dataset', 'A'],
      ['import', file, '--workspace', 'W', '--mode', 'merge'],
      ['import', file, '--workspace', 'W', '--type', 'a=money'],
      ['import'],
    ]) {
      const r = await udash(args, env);
      expect(r.code, args.join(' ')).toBe(2);
    }
    const help = await udash(['import', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--mode <mode>/);
  });
});
