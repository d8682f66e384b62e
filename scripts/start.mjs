#!/usr/bin/env node
/**
 * `npm start`: build if needed, make sure Electron and an Electron-ABI build of better-sqlite3 exist,
 * then start the desktop app.
 *
 * Why two builds of better-sqlite3: Node (tests, CLI, `udash serve`) and Electron have different
 * native ABIs. node_modules keeps the Node build; the Electron build goes to
 * .cache/electron-native/<electron version>-<platform>-<arch>/better_sqlite3.node and the app loads it
 * through better-sqlite3's `nativeBinding` option. Neither path ever sees the other's binary, so no
 * NODE_MODULE_VERSION error, and switching between `npm test` and `npm start` never rebuilds twice.
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

// 1. Bundles.
run(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale']);

// 2. The Electron binary (skipped at install when ELECTRON_SKIP_BINARY_DOWNLOAD was set).
const electronPkg = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronPkg, 'package.json'), 'utf8')).version;
if (!fs.existsSync(path.join(electronPkg, 'path.txt'))) {
  console.log('Downloading the Electron binary (first start only)…');
  run(process.execPath, [path.join(electronPkg, 'install.js')], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
}
const electronBin = require('electron');

// 3. better-sqlite3 for Electron's ABI, built once per Electron version into .cache.
const nativeDir = path.join(root, '.cache', 'electron-native', `${electronVersion}-${process.platform}-${process.arch}`);
const binding = path.join(nativeDir, 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first start only, about two minutes)…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-native-'));
  const src = path.join(root, 'node_modules', 'better-sqlite3');
  fs.cpSync(src, path.join(work, 'better-sqlite3'), { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), root, path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
  run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: path.join(work, 'better-sqlite3'),
  });
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  fs.rmSync(work, { recursive: true, force: true });
}

// 4. Start.
const child = spawn(electronBin, [root, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, UDASH_NATIVE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
