import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the assets folder: UDASH_ASSETS, then Electron's resources folder when packaged, then the
 * nearest `assets/` above this file (works from the TypeScript sources and from dist bundles alike).
 */
export function assetsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UDASH_ASSETS) return path.resolve(env.UDASH_ASSETS);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && fs.existsSync(path.join(resources, 'assets'))) return path.join(resources, 'assets');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'assets');
    if (fs.existsSync(path.join(candidate, 'sample-data'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('The assets folder (with sample-data/) was not found; set UDASH_ASSETS');
}

/** The project root in a source checkout (where dist/ and package.json are). */
export function projectRoot(): string {
  return path.dirname(assetsDir());
}
