#!/usr/bin/env node
/**
 * Builds every bundle: the CLI and the Electron main process (esbuild, Node ESM, dependencies left
 * external so native modules load from node_modules), the sandboxed preload (CommonJS: sandboxed
 * preloads cannot be ESM), the main-process workers, and the renderer (vite).
 *
 *   node scripts/build.mjs                      build everything
 *   node scripts/build.mjs --if-stale           only targets whose sources are newer than their last build
 *   node scripts/build.mjs --only=cli,workers   some targets (cli | main | preload | workers | renderer)
 * Each target keeps its own stamp, so the CLI never waits for a renderer rebuild.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const COMMON = ['shared', 'package.json', 'package-lock.json', 'scripts/build.mjs'];
/** The sources each target is built from (its staleness check). */
const SOURCES = {
  cli: [...COMMON, 'main', 'sync-server'],
  main: [...COMMON, 'main', 'sync-server'],
  preload: [...COMMON, 'preload'],
  workers: [...COMMON, 'main'],
  renderer: [...COMMON, 'renderer'],
};
const stampOf = (target) => path.join(dist, '.stamps', target);

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

function isStale(target) {
  const stamp = stampOf(target);
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES[target].some((s) => newestMtime(s) > built);
}

/** Main-process worker entry points (worker_threads), built next to the bundles that start them. */
function workerEntries() {
  const dir = path.join(root, 'main', 'workers');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.worker.ts')).map((f) => path.join(dir, f));
}

/**
 * Pure-JavaScript packages every `udash` command loads at start, bundled into the CLI instead of left
 * external: resolving, reading and (for CommonJS) lexing each of them from node_modules took about a
 * third of `udash serve`'s start. Everything else stays external (native modules, and the heavy
 * libraries that load lazily on first use: main/lazy-require.ts). The Yjs family is bundled together,
 * so the process holds one copy of Yjs (two copies break its instanceof checks).
 */
const CLI_BUNDLED = ['zod', 'yjs', 'lib0', 'y-protocols', 'y-websocket', 'commander', 'ws', 'papaparse', 'iconv-lite', 'safer-buffer', 'chardet', 'croner', 'simple-statistics', 'ml-matrix', 'comlink'];
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const bundleOnly = (names) => ({
  name: 'bundle-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (names.includes(packageName(args.path)) ? undefined : { path: args.path, external: true }));
  },
});
// CommonJS packages inside an ESM bundle call require() for Node's built-ins: give them one.
const REQUIRE_BANNER = "import { createRequire as __udashCreateRequire } from 'node:module'; const require = __udashCreateRequire(import.meta.url);";

async function build(names) {
  const esbuild = await import('esbuild');
  // Outputs are written to a temp name and renamed into place: a process starting a worker while a
  // build runs never loads a half-written bundle.
  const emit = async (options) => {
    const result = await esbuild.build({ ...options, write: false });
    for (const f of result.outputFiles) {
      fs.mkdirSync(path.dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, f.contents);
      fs.renameSync(tmp, f.path);
    }
  };
  const node = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
  const targets = {
    cli: () => {
      const { packages: _external, ...cli } = node;
      return emit({ ...cli, entryPoints: { udash: 'main/cli/main.ts' }, outdir: 'dist/cli', plugins: [bundleOnly(CLI_BUNDLED)], banner: { js: REQUIRE_BANNER } });
    },
    main: () => emit({ ...node, entryPoints: { electron: 'main/electron/main.ts' }, outdir: 'dist/main', external: ['electron'] }),
    preload: () => emit({ bundle: true, platform: 'node', target: 'chrome130', format: 'cjs', entryPoints: { preload: 'preload/index.ts' }, outdir: 'dist/preload', outExtension: { '.js': '.cjs' }, external: ['electron'], logLevel: 'warning', absWorkingDir: root }),
    workers: async () => {
      const entries = workerEntries();
      if (entries.length) await emit({ ...node, entryPoints: entries, outdir: 'dist/workers' });
    },
    renderer: async () => {
      const { build: viteBuild } = await import('vite');
      await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    },
  };
  for (const n of names) {
    // The stamp carries the time the build started, so a source edited during the build stays stale.
    const started = new Date();
    const t0 = performance.now();
    await targets[n]();
    fs.mkdirSync(path.dirname(stampOf(n)), { recursive: true });
    fs.writeFileSync(stampOf(n), started.toISOString());
    fs.utimesSync(stampOf(n), started, started);
    process.stderr.write(`built ${n} in ${Math.round(performance.now() - t0)} ms\n`);
  }
}

/**
 * Several processes may ask for a build at once (parallel test files spawning bin/udash.js): one
 * builds while the others wait, then re-check staleness. mkdir is atomic; a lock older than two
 * minutes is a crashed build and is taken over.
 */
async function withBuildLock(fn) {
  const lock = path.join(root, '.cache', 'build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // The holder just released it.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const requested = only ?? Object.keys(SOURCES);
for (const n of requested) if (!SOURCES[n]) throw new Error(`unknown target ${n}; use ${Object.keys(SOURCES).join(', ')}`);
const todo = () => (args.includes('--if-stale') ? requested.filter(isStale) : requested);
if (todo().length > 0) await withBuildLock(() => build(todo()));
