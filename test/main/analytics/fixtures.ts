/** Test datasets written straight into a fresh store, and the worker bundle built from the current sources. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnType } from '../../../shared/model/dataset.js';
import { ident } from '../../../main/store/datasets-repo.js';
import type { Services } from '../../../main/services.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/**
 * Builds dist/workers/*.worker.js (the handlers and the CLI start analytics.worker.js from there) when
 * the bundle is older than its sources; rebuilding only then keeps parallel test files from rewriting
 * a bundle another one is loading.
 */
export function buildWorkers(): void {
  const bundle = path.join(ROOT, 'dist', 'workers', 'analytics.worker.js');
  const sources = ['shared', 'main/analytics', 'main/workers/analytics.worker.ts'].map((p) => newestMtime(path.join(ROOT, p)));
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs > Math.max(...sources)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--only=workers'], { cwd: ROOT, stdio: 'ignore' });
}

/** Creates workspace + dataset with the given typed columns and rows; returns their ids. */
export function addDataset(svc: Services, name: string, columns: { name: string; type: ColumnType }[], rows: (number | string | null)[][], timeColumn: string | null = null): { workspaceId: string; datasetId: string } {
  const c = svc.core();
  const ws = c.workspaces.create(`ws-${name}`);
  const db = c.store.db;
  let datasetId = '';
  db.transaction(() => {
    const rec = c.datasets.create({ workspaceId: ws.id, name, source: { kind: 'csv' }, columns, timeColumn });
    const insert = db.prepare(`INSERT INTO ${ident(rec.tableName)} (${rec.columns.map((col) => ident(col.key)).join(', ')}) VALUES (${rec.columns.map(() => '?').join(', ')})`);
    for (const r of rows) insert.run(...r);
    c.datasets.updateAfterWrite(rec);
    datasetId = rec.id;
  })();
  return { workspaceId: ws.id, datasetId };
}
