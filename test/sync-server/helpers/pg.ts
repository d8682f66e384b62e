import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.UDASH_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema per test run, so parallel runs never see each other's rows. */
export function uniqueSchema(): string {
  return `udash_sync_test_${randomBytes(5).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  if (!/^udash_sync_test_[0-9a-f]+$/.test(schema)) throw new Error(`refusing to drop ${schema}`);
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}
