/**
 * A server process for tests that kill it: `node server-entry.mjs '<json StartConfig>'`. Logs JSON
 * lines on stdout (the "sync server listening" line carries the port); stops gracefully on SIGTERM.
 */
import { startSyncServer, type StartConfig } from '../../../sync-server/start.js';

const cfg = JSON.parse(process.argv[2] ?? '{}') as Partial<StartConfig> & { dataDir: string };
const running = await startSyncServer({ ...cfg, host: cfg.host ?? '127.0.0.1', port: cfg.port ?? 0 });
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
