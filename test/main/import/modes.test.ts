import { describe, expect, it } from 'vitest';
import { isUdashError, type UdashError } from '../../../shared/errors.js';
import type { DatasetWriteHook } from '../../../main/services.js';
import { ident } from '../../../main/store/datasets-repo.js';
import { allRows, dsTables, importEnv } from './helpers.js';

async function failure(p: Promise<unknown>): Promise<UdashError> {
  try {
    await p;
  } catch (e) {
    if (isUdashError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const csv = (rows: [string, number][]) => 'day,amount\n' + rows.map(([d, a]) => `${d},${a}`).join('\n') + '\n';

describe('import modes and the transaction', () => {
  it('create refuses an existing name; append adds rows; replace swaps them; hooks see each write inside the transaction', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const c = svc.core();
    const seen: { mode: string; firstNewRid: number; rows: number; inTx: boolean; registered: boolean }[] = [];
    const hook: DatasetWriteHook = (rec, change) => {
      const n = (c.store.db.prepare(`SELECT count(*) AS n FROM ${ident(rec.tableName)}`).get() as { n: number }).n;
      seen.push({ ...change, rows: n, inTx: c.store.db.inTransaction, registered: !!c.datasets.findByName(workspaceId, rec.name) });
    };
    c.datasetHooks.push(hook);

    const a = write('a.csv', csv([['2024-01-01', 1], ['2024-01-02', 2]]));
    const created = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: a }, name: 'Sales' });
    expect(created.dataset.rowCount).toBe(2);
    const conflict = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: a }, name: 'Sales' }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/already exists.*append or replace/);

    const b = write('b.csv', 'amount,day\n3,2024-01-03\n4,2024-01-04\n');
    const appended = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: b }, name: 'Sales', mode: 'append' });
    expect(appended.dataset.id).toBe(created.dataset.id);
    expect(appended.inserted).toBe(2);
    // Columns are matched by name, not position.
    expect(allRows(svc, workspaceId, created.dataset.id).map((r) => r[1])).toEqual([1, 2, 3, 4]);
    const decimals = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('d.csv', 'day,amount\n2024-01-05,3.5\n') }, name: 'Sales', mode: 'append' }));
    expect(decimals.message).toMatch(/holds integer values in dataset "Sales", but in d\.csv its values look like number/);

    const r = write('r.csv', 'day,amount,region\n2025-01-01,10,EU\n');
    const replaced = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: r }, name: 'Sales', mode: 'replace' });
    expect(replaced.dataset.id).toBe(created.dataset.id);
    expect(replaced.dataset.columns.map((col) => col.name)).toEqual(['day', 'amount', 'region']);
    expect(allRows(svc, workspaceId, created.dataset.id)).toEqual([['2025-01-01T00:00:00.000Z', 10, 'EU']]);

    expect(seen).toEqual([
      { mode: 'create', firstNewRid: 1, rows: 2, inTx: true, registered: true },
      { mode: 'append', firstNewRid: 3, rows: 4, inTx: true, registered: true },
      { mode: 'replace', firstNewRid: 1, rows: 1, inTx: true, registered: true },
    ]);
    const audit = c.audit.recent(workspaceId).map((e) => e.action);
    expect(audit.slice(0, 3)).toEqual(['dataset.import.replace', 'dataset.import.append', 'dataset.import.create']);
    // Only the dataset's table (and what hooks derive from it) remains; no staging table.
    expect(dsTables(svc).filter((t) => t.includes('staging'))).toEqual([]);
  });

  it('append names the column that does not match', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const a = write('a.csv', csv([['2024-01-01', 1], ['2024-01-02', 2]]));
    await svc.dispatcher.call('import.commit', { workspaceId, source: { path: a }, name: 'Sales' });
    const extra = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('x.csv', 'day,amount,region\n2024-01-03,3,EU\n') }, name: 'Sales', mode: 'append' }));
    expect([extra.code, extra.details.column]).toEqual(['BAD_DATA', 'region']);
    expect(extra.message).toMatch(/Column "region" of x\.csv is not in dataset "Sales"/);
    const missing = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('m.csv', 'day\n2024-01-03\n') }, name: 'Sales', mode: 'append' }));
    expect(missing.message).toMatch(/m\.csv has no column "amount", which dataset "Sales" has/);
    const type = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('t.csv', 'day,amount\n2024-01-03,lots\n2024-01-04,many\n') }, name: 'Sales', mode: 'append' }));
    expect(type.details.column).toBe('amount');
    expect(type.message).toMatch(/Column "amount" holds integer values in dataset "Sales", but in t\.csv its values look like text/);
    const none = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: a }, name: 'Nope', mode: 'append' }));
    expect(none.code).toBe('NOT_FOUND');
    expect(allRows(svc, workspaceId, svc.core().datasets.findByName(workspaceId, 'Sales')!.id)).toHaveLength(2);
  });

  it('a failure inside the final transaction (a hook throwing) keeps the previous data and leaves no table behind', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const c = svc.core();
    const a = write('a.csv', csv([['2024-01-01', 1]]));
    const first = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: a }, name: 'Sales' });
    // Its day rollup is built in the background; let it land so the table list is stable.
    await c.rollups.whenIdle();
    const before = dsTables(svc);
    c.datasetHooks.push(() => {
      throw new Error('rollup failed');
    });
    const r = write('r.csv', csv([['2025-01-01', 7], ['2025-01-02', 8]]));
    await expect(svc.dispatcher.call('import.commit', { workspaceId, source: { path: r }, name: 'Sales', mode: 'replace' })).rejects.toThrow();
    await expect(svc.dispatcher.call('import.commit', { workspaceId, source: { path: r }, name: 'Sales', mode: 'append' })).rejects.toThrow();
    await expect(svc.dispatcher.call('import.commit', { workspaceId, source: { path: r }, name: 'Other' })).rejects.toThrow();
    expect(allRows(svc, workspaceId, first.dataset.id)).toEqual([['2024-01-01T00:00:00.000Z', 1]]);
    expect(c.datasets.get(workspaceId, first.dataset.id).rowCount).toBe(1);
    expect(c.datasets.findByName(workspaceId, 'Other')).toBeUndefined();
    // The failed writes' build requests find the rolled-back rollup fresh and change nothing.
    await c.rollups.whenIdle();
    expect(dsTables(svc)).toEqual(before);
  });

  it('reports progress, emits dataset.changed, and can be cancelled with import.cancel leaving nothing', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const lines = ['id,value,at'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i},${i * 0.5},2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`);
    const file = write('many.csv', lines.join('\n'));
    const progress: { phase: string; done: number }[] = [];
    const changed: string[] = [];
    svc.events.on('progress', (p) => p.taskId === 't1' && progress.push(p));
    svc.events.on('dataset.changed', (e) => changed.push(e.kind));
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Many', taskId: 't1' });
    expect(r.inserted).toBe(60_000);
    expect(progress[0]!.phase).toBe('reading');
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 60_000 });
    expect(progress.some((p) => p.phase === 'finishing')).toBe(true);
    expect(changed).toEqual(['created']);

    // Cancel as soon as the first batch is being written.
    await svc.core().rollups.whenIdle();
    const before = dsTables(svc);
    const off = svc.events.on('progress', (p) => {
      if (p.taskId === 't2' && p.phase === 'importing') void svc.dispatcher.call('import.cancel', { taskId: 't2' });
    });
    const e = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Cancelled', taskId: 't2' }));
    off();
    expect(e.code).toBe('CANCELLED');
    expect(svc.core().datasets.findByName(workspaceId, 'Cancelled')).toBeUndefined();
    expect(dsTables(svc)).toEqual(before);
    // Cancelling an unknown or finished task is harmless.
    await expect(svc.dispatcher.call('import.cancel', { taskId: 't2' })).resolves.toEqual({ ok: true });
  });

  it('imports a file uploaded in base64 chunks, validating offsets', async () => {
    const { svc, workspaceId } = await importEnv();
    const content = Buffer.from('name,score\nAnn,1\nBob,2\n');
    const { uploadId } = await svc.dispatcher.call('uploads.begin', { name: 'scores.csv', size: content.length });
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    const part1 = content.subarray(0, 10).toString('base64');
    expect(await svc.dispatcher.call('uploads.chunk', { uploadId, offset: 0, data: part1 })).toEqual({ received: 10 });
    // A retry of the same chunk is accepted; a gap is not.
    expect(await svc.dispatcher.call('uploads.chunk', { uploadId, offset: 0, data: part1 })).toEqual({ received: 10 });
    const gap = await failure(svc.dispatcher.call('uploads.chunk', { uploadId, offset: 12, data: content.subarray(12).toString('base64') }));
    expect([gap.code, gap.details.expected]).toEqual(['BAD_INPUT', 10]);
    // Not complete yet: the import says so.
    const early = await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { uploadId } }));
    expect(early.message).toMatch(/incomplete: 10 of 23 bytes/);
    const tooMuch = await failure(svc.dispatcher.call('uploads.chunk', { uploadId, offset: 10, data: Buffer.concat([content.subarray(10), Buffer.from('extra')]).toString('base64') }));
    expect(tooMuch.code).toBe('LIMIT');
    expect(await svc.dispatcher.call('uploads.chunk', { uploadId, offset: 10, data: content.subarray(10).toString('base64') })).toEqual({ received: content.length });
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { uploadId } });
    expect(p.file).toBe('scores.csv');
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { uploadId }, name: 'Scores' });
    expect(r.dataset.source.file).toBe('scores.csv');
    expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
      ['Ann', 1],
      ['Bob', 2],
    ]);
    // A committed upload is removed.
    expect((await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { uploadId } }))).code).toBe('NOT_FOUND');
    expect((await failure(svc.dispatcher.call('uploads.begin', { name: 'huge.csv', size: 3 * 1024 ** 3 }))).code).toBe('LIMIT');
    expect((await failure(svc.dispatcher.call('uploads.chunk', { uploadId: '../../etc/passwd', offset: 0, data: '' }))).code).toBe('NOT_FOUND');
    expect((await failure(svc.dispatcher.call('uploads.chunk', { uploadId: (await svc.dispatcher.call('uploads.begin', { name: 'b.csv', size: 4 })).uploadId, offset: 0, data: 'not*base64' }))).code).toBe('BAD_INPUT');
  });
});
