/**
 * Heavy optional dependencies (prom-client, ioredis, pg, the AWS SDK) are required on first use, not
 * when the module graph loads: the `udash` CLI bundles this server, and every command (`udash serve`
 * included) would otherwise pay for libraries only a running sync server with those options needs.
 * The loaded modules are immutable library objects, so caching them for the process is safe.
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let cached: T | undefined;
  return () => (cached ??= requireFromHere(name) as T);
}
