import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportService } from '../../../main/import/import-service.js';
import { importWorkerFile, produceInWorker } from '../../../main/import/worker-producer.js';
import { isUdashError } from '../../../shared/errors.js';
import { allRows, dsTables, importEnv } from './helpers.js';

beforeAll(() => {
  // The worker runs the bundled dist/workers/import.worker.js: build it from the current sources.
  const r = spawnSync(process.execPath, [path.join(process.cwd(), 'scripts', 'build.mjs'), '--only=workers'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the workers failed: ${r.stderr}`);
});

function bigCsv(rows: number): string {
  const lines = ['ts,region,units,price,paid,note'];
  for (let i = 0; i < rows; i++) {
    const units = i % 997 === 5 ? 'n/a?' : String(i % 100);
    lines.push(`${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${['North', 'South', 'East'][i % 3]},${units},${(i % 1000) / 8},${i % 2 ? 'yes' : 'no'},"note ${i}, with comma"`);
  }
  return lines.join('\n') + '\n';
}

describe('import in a worker thread', () => {
  it('gives exactly the same dataset, issues and counts as parsing in the main thread', async () => {
    expect(importWorkerFile()).not.toBeNull();
    const { svc, workspaceId, write } = await importEnv();
    const rows = 20_000;
    const file = write('big.csv', bigCsv(rows));
    const inWorker = new ImportService(svc, 'always');
    const inline = new ImportService(svc, 'never');
    const base = { workspaceId, source: { path: file }, options: { hasHeader: true, types: {}, dateFormats: {} }, mode: 'create' as const, onError: 'skip' as const };
    const a = await inWorker.commit({ ...base, name: 'Worker', taskId: 'w' });
    const b = await inline.commit({ ...base, name: 'Inline', taskId: 'i' });
    const bad = Array.from({ length: rows }, (_, i) => i).filter((i) => i % 997 === 5).length;
    expect(a.inserted).toBe(rows - bad);
    expect([a.inserted, a.skipped, a.issueCount]).toEqual([b.inserted, b.skipped, b.issueCount]);
    expect(a.issues).toEqual(b.issues);
    expect(a.issues[0]).toMatchObject({ row: 7, column: 'units', value: 'n/a?' });
    expect(a.dataset.columns).toEqual(b.dataset.columns);
    expect(allRows(svc, workspaceId, a.dataset.id)).toEqual(allRows(svc, workspaceId, b.dataset.id));
  });

  it('passes typed errors back from the worker and can be cancelled', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const inWorker = new ImportService(svc, 'always');
    const base = { workspaceId, options: { hasHeader: true, types: {}, dateFormats: {} }, mode: 'create' as const, onError: 'abort' as const };
    const broken = write('broken.csv', 'a,b\n1,2\n3,"open\n');
    const err = await inWorker.commit({ ...base, source: { path: broken }, name: 'B', taskId: 'b' }).catch((e: unknown) => e);
    expect(isUdashError(err) && err.code).toBe('BAD_DATA');
    expect(isUdashError(err) && err.details.row).toBe(3);

    const file = write('big.csv', bigCsv(50_000).replace(/n\/a\?/g, '5'));
    const before = dsTables(svc);
    const off = svc.events.on('progress', (p) => p.taskId === 'c' && p.phase === 'importing' && inWorker.cancel('c'));
    const cancelled = await inWorker.commit({ ...base, source: { path: file }, name: 'C', taskId: 'c' }).catch((e: unknown) => e);
    off();
    expect(isUdashError(cancelled) && cancelled.code).toBe('CANCELLED');
    expect(dsTables(svc)).toEqual(before);
    expect(svc.core().datasets.findByName(workspaceId, 'C')).toBeUndefined();
  });

  it('falls back to parsing in this thread when the worker cannot start', async () => {
    const { write } = await importEnv();
    const file = write('small.csv', 'a,b\n1,x\n2,y\n');
    const logged: string[] = [];
    const kinds: string[] = [];
    let rows = 0;
    for await (const m of produceInWorker(path.join(process.cwd(), 'dist', 'workers', 'missing.worker.js'), { file, displayName: 'small.csv', options: { hasHeader: true, types: {}, dateFormats: {} } }, { error: (msg) => logged.push(msg) })) {
      kinds.push(m.kind);
      if (m.kind === 'batch') rows += m.batch.length;
    }
    expect(kinds).toEqual(['plan', 'batch', 'end']);
    expect(rows).toBe(2);
    expect(logged[0]).toMatch(/did not start/);
  });
});
