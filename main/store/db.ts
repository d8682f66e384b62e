/**
 * Opens the local SQLite store: WAL, foreign keys, busy timeout, numbered migrations in one
 * transaction. A store written by a newer app is refused before anything is written to it; a corrupt
 * or locked file becomes a typed error so the app can still open and offer recovery.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UdashError } from '../../shared/errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

export type Db = Database.Database;

export interface OpenStoreOptions {
  file: string;
  backupsDir: string;
  /** Path to a better_sqlite3.node built for Electron's ABI (set by the desktop shell when unpackaged). */
  nativeBinding?: string;
  /** How long to wait for another process's lock, in ms. */
  busyTimeoutMs?: number;
}

export interface Store {
  db: Db;
  file: string;
  schemaVersion: number;
  close(): void;
}

function classify(e: unknown, file: string): UdashError {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new UdashError('STORE_CORRUPT', `The data store ${file} is damaged or is not a Universal Dashboard store (${msg}). Start a fresh store (the damaged file is kept aside) or restore a backup.`, { file });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new UdashError('STORE_LOCKED', `The data store ${file} is locked by another process. Close the other Universal Dashboard window or command and try again.`, { file });
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM')
    return new UdashError('STORE_UNAVAILABLE', `The data store ${file} cannot be opened for writing (${msg}).`, { file });
  if (e instanceof UdashError) return e;
  return new UdashError('STORE_UNAVAILABLE', `The data store ${file} could not be opened: ${msg}`, { file });
}

export function openStore(opts: OpenStoreOptions): Store {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(opts.file, { timeout: opts.busyTimeoutMs ?? 5000, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    // Reading user_version touches the header: a non-SQLite file fails here, before we write anything.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new UdashError(
        'STORE_TOO_NEW',
        `The data store ${opts.file} was written by a newer version of Universal Dashboard (schema ${version}; this app knows up to ${LATEST_VERSION}). Update the app; the store was not changed.`,
        { file: opts.file, storeVersion: version, appVersion: LATEST_VERSION },
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (version > 0 && version < LATEST_VERSION) backupBeforeMigration(db, opts.backupsDir, version);
    migrate(db, version);
    const store: Store = {
      db,
      file: opts.file,
      schemaVersion: LATEST_VERSION,
      close: () => {
        if (db?.open) db.close();
      },
    };
    return store;
  } catch (e) {
    if (db?.open) db.close();
    throw classify(e, opts.file);
  }
}

function migrate(db: Db, from: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  // IMMEDIATE takes the write lock up front, so two processes starting at once migrate one after the other.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const m of pending) {
      if (m.version <= current) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

function backupBeforeMigration(db: Db, dir: string, version: number): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `before-migration-v${version}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
}

/** A consistent copy of a live store (VACUUM INTO is transactional and compacts). */
export function backupStore(db: Db, dir: string, label = 'backup'): { file: string; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  return { file, bytes: fs.statSync(file).size };
}

export function listBackups(dir: string): { file: string; bytes: number; createdAt: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => {
      const st = fs.statSync(path.join(dir, f));
      return { file: path.join(dir, f), bytes: st.size, createdAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
