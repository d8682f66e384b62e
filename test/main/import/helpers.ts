import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { readDatasetRows } from '../../../main/store/dataset-rows.js';
import type { Services } from '../../../main/services.js';
import { testServices } from '../../helpers/home.js';

/** A temp folder for input files, removed after the test. */
export function fileDir(): (name: string, content: string | Buffer) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-import-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
}

export async function importEnv(): Promise<{ svc: Services; workspaceId: string; write: (name: string, content: string | Buffer) => string }> {
  const svc = await testServices();
  const { id: workspaceId } = await svc.dispatcher.call('workspaces.create', { name: 'W' });
  return { svc, workspaceId, write: fileDir() };
}

/** Every stored row of a dataset, decoded the way the UI sees it. */
export function allRows(svc: Services, workspaceId: string, datasetId: string): unknown[][] {
  const c = svc.core();
  const rec = c.datasets.get(workspaceId, datasetId);
  return readDatasetRows(c.store.db, rec, 0, 1_000_000).rows;
}

/** Tables in the store whose name starts with ds_ (dataset tables, rollups, staging). */
export function dsTables(svc: Services): string[] {
  return (svc.core().store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[]);
}
