#!/usr/bin/env node
/**
 * Builds every bundle: the CLI and the Electron main process (esbuild, Node ESM, dependencies left
 * external so native modules load from node_modules), the sandboxed preload (CommonJS: sandboxed
 * preloads cannot be ESM), the main-process workers, and the renderer (vite).
 *
 *   node scripts/build.mjs              build everything
 *   node scripts/build.mjs --if-stale   only when a source is newer than the last build
 *   node scripts/build.mjs --only=cli   one target (cli | main | preload | workers | renderer)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const SOURCES = ['main', 'shared', 'preload', 'renderer', 'sync-server', 'package.json', 'scripts/build.mjs'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

export function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Main-process worker entry points (worker_threads), built next to the bundles that start them. */
function workerEntries() {
  const dir = path.join(root, 'main', 'workers');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.worker.ts')).map((f) => path.join(dir, f));
}

async function build() {
  const esbuild = await import('esbuild');
  const node = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
  const targets = {
    cli: () => esbuild.build({ ...node, entryPoints: { udash: 'main/cli/main.ts' }, outdir: 'dist/cli' }),
    main: () => esbuild.build({ ...node, entryPoints: { electron: 'main/electron/main.ts' }, outdir: 'dist/main', external: ['electron'] }),
    preload: () => esbuild.build({ bundle: true, platform: 'node', target: 'chrome130', format: 'cjs', entryPoints: { preload: 'preload/index.ts' }, outdir: 'dist/preload', outExtension: { '.js': '.cjs' }, external: ['electron'], logLevel: 'warning', absWorkingDir: root }),
    workers: async () => {
      const entries = workerEntries();
      if (entries.length) await esbuild.build({ ...node, entryPoints: entries, outdir: 'dist/workers' });
    },
    renderer: async () => {
      const { build: viteBuild } = await import('vite');
      await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    },
  };
  const names = only ? [only] : Object.keys(targets);
  for (const n of names) {
    if (!targets[n]) throw new Error(`unknown target ${n}`);
    const t0 = performance.now();
    await targets[n]();
    process.stderr.write(`built ${n} in ${Math.round(performance.now() - t0)} ms\n`);
  }
  if (!only) {
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(stamp, new Date().toISOString());
  }
}

if (args.includes('--if-stale') && !isStale()) process.exit(0);
await build();
