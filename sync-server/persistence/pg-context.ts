/**
 * One PostgreSQL pool and schema shared by the document store and the token store. The schema name
 * is an identifier, so it is validated against a strict pattern and quoted; every value is a parameter.
 */
import type pg from 'pg';
import { UdashError } from '../../shared/errors.js';
import { lazyRequire } from '../lazy-require.js';

/** pg, required on first connection (see lazy-require.ts). */
export const loadPg = lazyRequire<typeof pg>('pg');

export const DEFAULT_PG_SCHEMA = 'udash_sync';
const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgContext {
  pool: pg.Pool;
  url: string;
  schema: string;
  /** A schema-qualified, quoted table name. */
  table(name: 'doc_updates' | 'tokens'): string;
  close(): Promise<void>;
}

/** The connection string without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export async function openPg(url: string, schema = DEFAULT_PG_SCHEMA): Promise<PgContext> {
  if (!SCHEMA_RE.test(schema)) throw new UdashError('BAD_INPUT', `PostgreSQL schema "${schema}" must be lower-case letters, digits and "_" (at most 63)`, { field: 'pg-schema' });
  const pool = new (loadPg().Pool)({ connectionString: url, max: 6, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => undefined);
  try {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`udash_sync_schema:${schema}`]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await c.query(`CREATE TABLE IF NOT EXISTS "${schema}".doc_updates (seq BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL, created_at BIGINT NOT NULL)`);
      await c.query(`CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON "${schema}".doc_updates (doc, seq)`);
      await c.query(
        `CREATE TABLE IF NOT EXISTS "${schema}".tokens (id TEXT PRIMARY KEY, workspace TEXT, role TEXT NOT NULL, label TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT, created_by TEXT)`,
      );
      await c.query(`CREATE INDEX IF NOT EXISTS tokens_by_workspace ON "${schema}".tokens (workspace)`);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof UdashError) throw e;
    throw new UdashError('UNAVAILABLE', `PostgreSQL at ${redactUrl(url)} could not be used: ${e instanceof Error ? e.message : String(e)}`);
  }
  let closed = false;
  return {
    pool,
    url,
    schema,
    table: (name) => `"${schema}".${name}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
