/**
 * Runs the server in a child process (so a test can SIGKILL it): the entry is bundled once with
 * esbuild into .cache/ (node_modules resolve from there), then started with a JSON configuration.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import * as esbuild from 'esbuild';
import { onTestFinished } from 'vitest';
import type { StartConfig } from '../../../sync-server/start.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let bundled: Promise<string> | null = null;

/** Named by content hash: parallel test files share one file, and a changed server gets a new one. */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const r = await esbuild.build({ entryPoints: [path.join(ROOT, 'test/sync-server/helpers/server-entry.ts')], write: false, outfile: 'entry.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
    const code = r.outputFiles[0]!.contents;
    const dir = path.join(ROOT, '.cache', 'sync-server-test');
    const out = path.join(dir, `server-entry-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!fs.existsSync(out)) {
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, out);
    }
    return out;
  })();
  return bundled;
}

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  url: string;
  httpUrl: string;
  /** Every stdout line so far (JSON logs). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnServer(cfg: Partial<StartConfig> & { dataDir: string }): Promise<ChildServer> {
  const entry = await bundle();
  const proc = spawn(process.execPath, [entry, JSON.stringify({ logLevel: 'info', ...cfg })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  onTestFinished(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  const port = await new Promise<number>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.on('line', (line) => {
      lines.push(line);
      try {
        const rec = JSON.parse(line) as { msg?: string; port?: number };
        if (rec.msg === 'sync server listening' && rec.port) resolve(rec.port);
      } catch {
        // not a log line
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { proc, port, url: `ws://127.0.0.1:${port}`, httpUrl: `http://127.0.0.1:${port}`, lines, exited };
}
