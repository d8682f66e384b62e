/**
 * Heavy libraries (exceljs, nodemailer, resvg, the keychain binding …) are required on first use, not
 * when the module graph loads: every `udash` command and the desktop start load the same bundle, and
 * `udash serve` must paint the first dashboard fast. The loaded modules are immutable library objects,
 * so caching them for the process is safe.
 */
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let cached: T | undefined;
  return () => (cached ??= requireFromHere(name) as T);
}
