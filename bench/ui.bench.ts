/**
 * ui.first_dashboard_ms: from spawning `udash serve` on a fresh UDASH_HOME (which creates the sample
 * workspace on start) to the sample dashboard painted in Chromium, i.e. every widget drawn: the UI
 * sets data-ready="true" on the dashboard and the performance mark "udash:dashboard-painted" then.
 *
 * Chromium is launched before the clock starts (a user's browser is already running); each run uses
 * a new browser context, so nothing is cached. The CLI bundle is built once up front and spawned
 * directly (node dist/cli/udash.js), so a stale-source rebuild is never timed.
 *
 * Baseline, same run, same path: a blank page (a renderer folder holding only an empty index.html)
 * served by the same `udash serve` start, so ui.ratio_to_blank_page is what the app adds on top of
 * starting the server and loading a page at all.
 *
 * The machine is shared by other engineers while this runs: treat the figures as pessimistic.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { bench } from './lib/report.js';

const ROOT = process.cwd();
const CLI = path.join(ROOT, 'dist', 'cli', 'udash.js');
const RUNS = Number(process.env.UI_BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Starts `udash serve --port 0 --json`; resolves with its URL once it prints it. */
function serve(home: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json'], { env: { ...process.env, UDASH_HOME: home, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`udash serve exited with ${code}: ${err.trim()}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Run {
  total: number;
  serveStart: number;
  inPage: number;
}

async function run(browser: Browser, opts: { blank?: string }): Promise<Run> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-bench-ui-'));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const t0 = performance.now();
  const { child, url } = await serve(home, opts.blank ? { UDASH_RENDERER_DIR: opts.blank } : {});
  const tServe = performance.now();
  try {
    await page.goto(url, { waitUntil: opts.blank ? 'load' : 'commit' });
    let inPage = 0;
    if (!opts.blank) {
      await page.waitForSelector('.dashboard[data-ready="true"]', { timeout: 60_000 });
      const tDone = performance.now();
      inPage = await page.evaluate(() => performance.getEntriesByName('udash:dashboard-painted')[0]?.startTime ?? -1);
      const widgets = await page.$$eval('.dashboard [data-widget-id]', (els) => els.length);
      if (widgets === 0) throw new Error('The sample dashboard has no widgets: nothing was painted');
      return { total: tDone - t0, serveStart: tServe - t0, inPage };
    }
    return { total: performance.now() - t0, serveStart: tServe - t0, inPage };
  } finally {
    await context.close();
    await stop(child);
    fs.rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const blank = fs.mkdtempSync(path.join(os.tmpdir(), 'udash-bench-blank-'));
  fs.writeFileSync(path.join(blank, 'index.html'), '<!doctype html><title>blank</title><p>blank</p>');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    await run(browser, {}); // warm the OS file cache and V8's code cache for node itself
    const app: Run[] = [];
    const base: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await run(browser, { blank }));
      app.push(await run(browser, {}));
    }
    const total = median(app.map((r) => r.total));
    const baseline = median(base.map((r) => r.total));
    bench('ui.first_dashboard_ms', total, 'ms');
    bench('ui.serve_start_ms', median(app.map((r) => r.serveStart)), 'ms');
    bench('ui.dashboard_paint_in_page_ms', median(app.map((r) => r.inPage)), 'ms');
    bench('ui.blank_page_ms', baseline, 'ms');
    bench('ui.ratio_to_blank_page', total / baseline, 'x');
  } finally {
    await browser.close();
    fs.rmSync(blank, { recursive: true, force: true });
  }
}

await main();
