/**
 * Opens one of the server's SQLite files (WAL, busy timeout, numbered migrations). Several processes
 * may open the same file: the running server, the admin CLI, a second instance on the same host.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UdashError } from '../../shared/errors.js';

export type SqliteDb = Database.Database;

export interface SqliteOpenOptions {
  file: string;
  /** FULL survives power loss (fsync per commit); NORMAL survives a killed process. */
  synchronous: 'FULL' | 'NORMAL';
  migrations: readonly ((db: SqliteDb) => void)[];
}

export function openSqlite(opts: SqliteOpenOptions): SqliteDb {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  let db: SqliteDb | undefined;
  try {
    db = new Database(opts.file, { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.synchronous}`);
    const conn = db;
    const version = conn.pragma('user_version', { simple: true }) as number;
    if (version > opts.migrations.length)
      throw new UdashError('STORE_TOO_NEW', `${opts.file} was written by a newer sync server (schema ${version}; this one knows up to ${opts.migrations.length}); it was not changed.`, { file: opts.file });
    if (version < opts.migrations.length) {
      conn
        .transaction(() => {
          const current = conn.pragma('user_version', { simple: true }) as number;
          for (let v = current; v < opts.migrations.length; v++) opts.migrations[v]!(conn);
          conn.pragma(`user_version = ${opts.migrations.length}`);
        })
        .immediate();
    }
    return conn;
  } catch (e) {
    if (db?.open) db.close();
    if (e instanceof UdashError) throw e;
    throw new UdashError('STORE_UNAVAILABLE', `The sync server store ${opts.file} could not be opened: ${e instanceof Error ? e.message : String(e)}`, { file: opts.file });
  }
}
