/**
 * Opens the server's persistent state from its configuration: documents and tokens in SQLite files
 * under the data folder by default, or both in PostgreSQL tables with `postgres`. The PostgreSQL
 * modules load only when asked for, so the embedded setup never loads `pg`.
 */
import type { TokenStore } from './auth/token-store.js';
import type { DocStore } from './persistence/doc-store.js';

export interface StorageConfig {
  dataDir: string;
  postgres?: string | undefined;
  pgSchema?: string | undefined;
  /** SQLite only: FULL (default) survives a power cut; NORMAL only a killed process. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Follow revocations made by other processes (the server does; one-shot CLI commands need not). */
  watchRevocations?: boolean;
}

export interface ServerStorage {
  docs: DocStore;
  tokens: TokenStore;
  /** Where the data lives, without secrets, for logs. */
  description: string;
  close(): Promise<void>;
}

export async function openStorage(cfg: StorageConfig): Promise<ServerStorage> {
  if (cfg.postgres) {
    const [{ openPg, redactUrl }, { PgDocStore }, { PgTokenStore }] = await Promise.all([import('./persistence/pg-context.js'), import('./persistence/pg-doc-store.js'), import('./auth/pg-token-store.js')]);
    const pgc = await openPg(cfg.postgres, cfg.pgSchema);
    const docs = new PgDocStore(pgc);
    const tokens = await PgTokenStore.open(pgc, { watch: !!cfg.watchRevocations }).catch(async (e) => {
      await pgc.close();
      throw e;
    });
    return {
      docs,
      tokens,
      description: `postgres ${redactUrl(cfg.postgres)} schema ${pgc.schema}`,
      close: async () => {
        await tokens.close();
        await docs.close();
        await pgc.close();
      },
    };
  }
  const [{ SqliteDocStore }, { SqliteTokenStore }] = await Promise.all([import('./persistence/sqlite-doc-store.js'), import('./auth/sqlite-token-store.js')]);
  const docs = new SqliteDocStore({ dataDir: cfg.dataDir, synchronous: cfg.synchronous ?? 'FULL' });
  const tokens = new SqliteTokenStore(cfg.dataDir);
  return {
    docs,
    tokens,
    description: `sqlite ${cfg.dataDir}`,
    close: async () => {
      await tokens.close();
      await docs.close();
    },
  };
}
