import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services.js';
import { readDatasetRows } from '../../../main/store/dataset-rows.js';

/**
 * A process killed (SIGKILL) in the middle of an import must leave the store as it was: the import
 * runs in a child `udash import`, the test watches the store until rows are being written, kills
 * the child, and opens the store again.
 */
const root = process.cwd();
const homes: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
}, 300_000);

function bigCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'day,amount,label\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()},${i % 1000},row ${i}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

/** Waits until the child's staging table holds rows, then kills it. Returns how many rows were staged. */
async function killMidImport(child: ChildProcess, store: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the import finished (exit ${child.exitCode}) before it could be killed`);
    if (fs.existsSync(store)) {
      const db = new Database(store, { readonly: true, fileMustExist: true });
      try {
        const staging = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?").pluck().get(`ds_*_staging_p${child.pid}`) as string | undefined;
        if (staging) {
          const n = (db.prepare(`SELECT count(*) AS n FROM "${staging}"`).get() as { n: number }).n;
          if (n > 0) {
            child.kill('SIGKILL');
            await new Promise((r) => child.once('exit', r));
            return n;
          }
        }
      } catch {
        // The table may vanish or be mid-creation between the two statements; look again.
      } finally {
        db.close();
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no import rows appeared in time');
}

describe('an import killed mid-way', { timeout: 300_000 }, () => {
  it('leaves no dataset, no table and the previous rows of a replaced dataset intact', async () => {
    const h = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-crash-'));
    homes.push(h);
    const data = path.join(h, 'data');
    const small = path.join(h, 'small.csv');
    fs.writeFileSync(small, 'day,amount,label\n2024-01-01,1,a\n2024-01-02,2,b\n2024-01-03,3,c\n');
    const setup = await createServices({ home: data, sample: false });
    const ws = await setup.dispatcher.call('workspaces.create', { name: 'W' });
    const keep = await setup.dispatcher.call('import.commit', { workspaceId: ws.id, source: { path: small }, name: 'Keep' });
    // Its day rollup is built in the background: let it land before taking the list of tables.
    await setup.core().rollups.whenIdle();
    const tablesBefore = setup.core().store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
    await setup.close();

    const big = path.join(h, 'big.csv');
    bigCsv(big, 600_000);
    for (const [mode, name] of [
      ['replace', 'Keep'],
      ['create', 'Fresh'],
    ] as const) {
      const child = spawn(process.execPath, [path.join(root, 'bin', 'udash.js'), 'import', big, '--workspace', 'W', '--dataset', name, '--mode', mode], {
        cwd: root,
        env: { ...process.env, UDASH_HOME: data, UDASH_NO_SAMPLE: '1' },
        stdio: 'ignore',
      });
      children.push(child);
      const staged = await killMidImport(child, path.join(data, 'udash.sqlite'));
      expect(staged).toBeGreaterThan(0);
      expect(staged).toBeLessThan(600_000);
    }

    const svc = await createServices({ home: data, sample: false });
    try {
      const c = svc.core();
      const datasets = c.datasets.list(ws.id);
      expect(datasets.map((d) => [d.name, d.rowCount])).toEqual([['Keep', 3]]);
      const rec = c.datasets.get(ws.id, keep.dataset.id);
      expect(readDatasetRows(c.store.db, rec, 0, 10).rows.map((r) => r[2])).toEqual(['a', 'b', 'c']);
      // Opening the store swept the dead process's staging tables.
      const tablesAfter = c.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
      expect(tablesAfter).toEqual(tablesBefore);
      expect(c.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await svc.close();
    }
  });
});
