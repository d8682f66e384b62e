/** Both storage backends behind one factory, so each suite runs unchanged against SQLite and PostgreSQL. */
import { onTestFinished } from 'vitest';
import { openStorage, type ServerStorage } from '../../../sync-server/storage.js';
import { requireService } from '../../helpers/services.js';
import { PG_URL, dropSchema, uniqueSchema } from './pg.js';
import { tempDir } from './server.js';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

export interface StoreLocation {
  backend: Backend;
  dataDir: string;
  pgSchema?: string;
}

/** A fresh location (temp folder, and a fresh schema for PostgreSQL), removed after the test. */
export async function freshLocation(backend: Backend, ctx: { skip: (note?: string) => void }): Promise<StoreLocation> {
  const dataDir = tempDir();
  if (backend === 'sqlite') return { backend, dataDir };
  await requireService('postgres', ctx);
  const pgSchema = uniqueSchema();
  onTestFinished(() => dropSchema(pgSchema));
  return { backend, dataDir, pgSchema };
}

/** Opens storage at a location; closed after the test (a second open simulates another process). */
export async function openAt(loc: StoreLocation, watch = true): Promise<ServerStorage> {
  const s = await openStorage({ dataDir: loc.dataDir, postgres: loc.backend === 'postgres' ? PG_URL : undefined, pgSchema: loc.pgSchema, watchRevocations: watch });
  let closed = false;
  const close = s.close.bind(s);
  s.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  onTestFinished(() => s.close());
  return s;
}
