/** One suite, two document stores: SQLite (embedded) and PostgreSQL. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backupWorkspace, restoreWorkspace } from '../../sync-server/backup.js';
import { mergeMany } from '../../sync-server/persistence/merge.js';
import { BACKENDS, freshLocation, openAt } from './helpers/stores.js';

function edits(n: number, prefix = 'k'): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap('widgets').set(`${prefix}${i % 7}`, `${prefix}-${i}`);
  return { doc, updates };
}

function stateOf(updates: Uint8Array[]): string {
  const d = new Y.Doc();
  for (const u of updates) Y.applyUpdate(d, u);
  return JSON.stringify(d.getMap('widgets').toJSON(), Object.keys(d.getMap('widgets').toJSON()).sort());
}

describe.each(BACKENDS)('document store: %s', (backend) => {
  it('appends batches across documents in one transaction and loads them back in order', async (ctx) => {
    const s = await openAt(await freshLocation(backend, ctx));
    expect(await s.docs.load('nothing-here')).toEqual([]);
    const a = edits(10, 'a');
    const b = edits(5, 'b');
    await s.docs.append([...a.updates.map((update) => ({ doc: 'ws-a', update })), ...b.updates.map((update) => ({ doc: 'ws-b', update }))]);
    const loaded = await s.docs.load('ws-a');
    expect(loaded.map((u) => Buffer.from(u).toString('hex'))).toEqual(a.updates.map((u) => Buffer.from(u).toString('hex')));
    expect(await s.docs.count('ws-b')).toBe(5);
    const list = await s.docs.list();
    expect(list.map((d) => [d.name, d.updates])).toEqual([
      ['ws-a', 10],
      ['ws-b', 5],
    ]);
    expect(list[0]!.bytes).toBe(a.updates.reduce((n, u) => n + u.byteLength, 0));
    expect(list[0]!.lastUpdateAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a failing batch stores nothing of it', async (ctx) => {
    const s = await openAt(await freshLocation(backend, ctx));
    const { updates } = edits(3);
    const bad = [{ doc: 'ws-a', update: updates[0]! }, { doc: null as unknown as string, update: updates[1]! }];
    await expect(s.docs.append(bad)).rejects.toThrow();
    expect(await s.docs.count('ws-a')).toBe(0);
  });

  it('compaction merges the log into one row with the same state, and later appends still count', async (ctx) => {
    const s = await openAt(await freshLocation(backend, ctx));
    const { doc, updates } = edits(300);
    await s.docs.append(updates.map((update) => ({ doc: 'ws-a', update })));
    const before = stateOf(await s.docs.load('ws-a'));
    expect(await s.docs.compact('ws-a')).toEqual({ before: 300, after: 1 });
    expect(await s.docs.count('ws-a')).toBe(1);
    expect(stateOf(await s.docs.load('ws-a'))).toBe(before);
    const more: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => more.push(u));
    doc.getMap('widgets').set('late', 'yes');
    await s.docs.append(more.map((update) => ({ doc: 'ws-a', update })));
    const after = new Y.Doc();
    for (const u of await s.docs.load('ws-a')) Y.applyUpdate(after, u);
    expect(after.getMap('widgets').get('late')).toBe('yes');
    expect(await s.docs.compact('nothing-here')).toEqual({ before: 0, after: 0 });
  });

  it('compaction by one process keeps rows another process appends meanwhile', async (ctx) => {
    const loc = await freshLocation(backend, ctx);
    const one = await openAt(loc);
    const two = await openAt(loc);
    const { updates } = edits(200);
    await one.docs.append(updates.slice(0, 150).map((update) => ({ doc: 'ws-a', update })));
    await Promise.all([two.docs.compact('ws-a'), ...updates.slice(150).map((update) => one.docs.append([{ doc: 'ws-a', update }]))]);
    expect(stateOf(await one.docs.load('ws-a'))).toBe(stateOf(updates));
  });

  it('backs up a workspace and restores it (as a merge) into another store', async (ctx) => {
    const src = await openAt(await freshLocation(backend, ctx));
    const dst = await openAt(await freshLocation(backend, ctx));
    const { updates } = edits(50);
    await src.docs.append(updates.map((update) => ({ doc: 'ws-a', update })));
    const backup = await backupWorkspace(src.docs, 'ws-a');
    expect(backup.storedUpdates).toBe(50);
    const other = edits(3, 'z');
    await dst.docs.append(other.updates.map((update) => ({ doc: 'ws-copy', update })));
    await restoreWorkspace(dst.docs, backup, 'ws-copy');
    const restored = new Y.Doc();
    for (const u of await dst.docs.load('ws-copy')) Y.applyUpdate(restored, u);
    const expected = new Y.Doc();
    for (const u of [...updates, ...other.updates]) Y.applyUpdate(expected, u);
    expect(restored.getMap('widgets').toJSON()).toEqual(expected.getMap('widgets').toJSON());
    await expect(backupWorkspace(src.docs, 'never-stored')).rejects.toThrow(/no document/);
  });
});

describe('mergeMany', () => {
  it('gives the same state as applying every update, for any grouping', () => {
    const { updates } = edits(500);
    const expected = stateOf(updates);
    for (const group of [2, 7, 32, 1000]) expect(stateOf([mergeMany(updates, group)])).toBe(expected);
  });
});
