#!/usr/bin/env node
/**
 * `npm run bench`: bundles each bench/**\/*.bench.ts with esbuild and runs it under Node, one after
 * another (two cores: benchmarks must not compete). Each prints `BENCH <name>=<value> <unit>` lines.
 *   node bench/run.mjs [filter]    only benchmarks whose path contains `filter`
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const outDir = path.join(root, 'dist', 'bench');

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? find(path.join(dir, e.name)) : e.name.endsWith('.bench.ts') ? [path.join(dir, e.name)] : []));
}

const files = find(path.join(root, 'bench')).filter((f) => f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no benchmarks match "${filter}"`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const rel = path.relative(path.join(root, 'bench'), file);
  const out = path.join(outDir, rel.replace(/\.ts$/, '.mjs'));
  await esbuild.build({ entryPoints: [file], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'warning' });
  console.error(`\n# ${rel}`);
  const r = spawnSync(process.execPath, ['--expose-gc', out], { stdio: 'inherit', cwd: root, env: { ...process.env, UDASH_ASSETS: path.join(root, 'assets') } });
  if (r.status !== 0) {
    failed++;
    console.error(`# ${rel} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
