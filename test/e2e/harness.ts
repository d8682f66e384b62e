/**
 * End-to-end harness: a real loopback host (the same code `udash serve` runs) on a fresh UDASH_HOME,
 * serving a snapshot of the built renderer, driven by real Chromium through playwright-core.
 *
 * The renderer bundle is copied to a temp folder first: other builds in the same checkout empty
 * dist/renderer while they run, and a test must not see its UI vanish halfway.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices, type Services } from '../../main/services.js';
import { startLoopbackHost, type Host } from '../../main/host/loopback-host.js';
import { launchChromium, tempDir } from '../helpers/browser.js';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');

/** Copies the built renderer (without source maps), waiting out a build that is rewriting it. */
export async function snapshotRenderer(): Promise<string> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      // A build writes index.html last; one that settled a moment ago is complete.
      if (Date.now() - fs.statSync(path.join(DIST, 'index.html')).mtimeMs < 1500) throw new Error('settling');
      const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      if (refs.length && refs.every((r) => fs.existsSync(path.join(DIST, r)))) {
        const out = tempDir('udash-renderer-');
        fs.cpSync(DIST, out, { recursive: true, filter: (src) => !src.endsWith('.map') });
        const copied = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        if (refs.every((r) => fs.existsSync(path.join(out, r))) && copied === html) return out;
      }
    } catch {
      // Mid-build: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No complete renderer build in ${DIST}: run node scripts/build.mjs --only=renderer`);
}

export interface App {
  svc: Services;
  host: Host;
  home: string;
  close(): Promise<void>;
}

export async function startApp(opts: { sample?: boolean; rendererDir: string; home?: string }): Promise<App> {
  const home = opts.home ?? tempDir('udash-e2e-home-');
  const svc = await createServices({ home, sample: opts.sample ?? false });
  const host = await startLoopbackHost(svc, { port: 0, rendererDir: opts.rendererDir });
  return {
    svc,
    host,
    home,
    async close() {
      await host.close();
      await svc.close();
    },
  };
}

/** A page that fails the test on any uncaught error or CSP violation in the UI. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // The machine running these is often busy; waits are generous, assertions are not.
  context.setDefaultTimeout(45_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

export { launchChromium };

/** Waits until the open dashboard has drawn every widget (the UI sets data-ready on it). */
export async function waitForDashboard(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForSelector('.dashboard[data-ready="true"]', { timeout });
}

/**
 * How many distinct colours a canvas has drawn: a blank chart canvas has 1 (or 0), a drawn chart
 * many. Read from the real pixels, so it proves ECharts painted something.
 */
export async function canvasColours(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] === 0) continue;
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      if (seen.size > 64) break;
    }
    return seen.size;
  });
}
