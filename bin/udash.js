#!/usr/bin/env node
// The `udash` command. Builds the CLI bundle first when it is missing or older than the sources
// (a fresh checkout, or after editing), so `npx udash …` always runs the code you have.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'udash.js');
if (fs.existsSync(path.join(root, 'scripts', 'build.mjs')) && fs.existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale', '--only=cli,workers'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(bundle).href);
