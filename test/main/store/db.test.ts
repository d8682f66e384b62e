import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/db.js';
import { LATEST_VERSION } from '../../../main/store/migrations/index.js';
import { UdashError } from '../../../shared/errors.js';
import { tempHome } from '../../helpers/home.js';

describe('openStore', () => {
  it('creates a WAL store with foreign keys at the latest schema version', () => {
    const home = tempHome();
    const store = openStore({ file: path.join(home, 's.sqlite'), backupsDir: path.join(home, 'b') });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['workspaces', 'datasets', 'doc_updates', 'audit_log', 'settings']));
    store.close();
  });

  it('refuses a store written by a newer app and leaves it byte-for-byte unchanged', () => {
    const home = tempHome();
    const file = path.join(home, 's.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = fs.readFileSync(file);
    let err: unknown;
    try {
      openStore({ file, backupsDir: path.join(home, 'b') });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UdashError);
    expect((err as UdashError).code).toBe('STORE_TOO_NEW');
    expect((err as UdashError).message).toMatch(/newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database as STORE_CORRUPT', () => {
    const home = tempHome();
    const file = path.join(home, 's.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(() => openStore({ file, backupsDir: path.join(home, 'b') })).toThrowError(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('reports a store locked by another connection as STORE_LOCKED', () => {
    const home = tempHome();
    const file = path.join(home, 's.sqlite');
    const holder = new Database(file);
    holder.exec('CREATE TABLE t (x)');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openStore({ file, backupsDir: path.join(home, 'b'), busyTimeoutMs: 100 })).toThrowError(expect.objectContaining({ code: 'STORE_LOCKED' }));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
