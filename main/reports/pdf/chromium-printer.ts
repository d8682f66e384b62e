/**
 * Headless Chromium (playwright-core, never a downloaded browser) as the PDF printer. One browser per
 * process is launched on first use and reused for every report (launch ~1 s, a page ~0.2 s). Prints
 * happen in pages of one context with JavaScript disabled, offline and with every request refused, so
 * a template can neither run code nor fetch anything; without scripts or network, pages of one
 * context cannot see each other, so the context is shared to save its set-up on every print.
 *
 * Where Chromium is: UDASH_CHROMIUM, else the `reports.chromiumPath` setting, else /usr/bin/chromium
 * (and friends) on Linux, else playwright's own lookup and the installed Chrome or Edge channels.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, LaunchOptions } from 'playwright-core';
import { lazyPlaywright } from '../lazy-modules.js';
import { UdashError } from '../../../shared/errors.js';
import type { PdfPrinter, PdfPrintOptions } from './printer.js';

/** The same flags the e2e tests use (test/helpers/browser.ts): headless, no GPU, no background traffic. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const LINUX_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Launch attempts in order; the first that starts wins. */
export function chromiumLaunchPlans(env: NodeJS.ProcessEnv = process.env, configured?: string, platform: NodeJS.Platform = process.platform): LaunchOptions[] {
  const explicit = env.UDASH_CHROMIUM || configured;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new UdashError('UNAVAILABLE', `Chromium was not found at ${explicit} (${env.UDASH_CHROMIUM ? 'UDASH_CHROMIUM' : 'the reports.chromiumPath setting'}). Fix the path or unset it.`, { file: explicit });
    return [{ executablePath: explicit }];
  }
  if (platform === 'linux') {
    const found = LINUX_CANDIDATES.find((p) => fs.existsSync(p));
    if (found) return [{ executablePath: found }];
  }
  return [{}, { channel: 'chrome' }, { channel: 'msedge' }];
}

export class ChromiumPrinter implements PdfPrinter {
  readonly name = 'chromium';
  private browser: Promise<Browser> | null = null;

  constructor(private readonly opts: { env?: NodeJS.ProcessEnv; configuredPath?: string } = {}) {}

  private async launch(): Promise<Browser> {
    const plans = chromiumLaunchPlans(this.opts.env, this.opts.configuredPath);
    let last: unknown;
    for (const plan of plans) {
      try {
        const b = await lazyPlaywright().chromium.launch({ headless: true, args: CHROMIUM_FLAGS, ...plan });
        b.on('disconnected', () => {
          this.browser = null;
          this.context = null;
        });
        return b;
      } catch (e) {
        last = e;
      }
    }
    throw new UdashError(
      'UNAVAILABLE',
      `Chromium could not be started to print the PDF (${last instanceof Error ? last.message.split('\n')[0] : String(last)}). Install Chromium or Google Chrome, or set UDASH_CHROMIUM to its executable.`,
    );
  }

  private context: Promise<BrowserContext> | null = null;

  private getContext(): Promise<BrowserContext> {
    if (!this.context) {
      const made = (async () => {
        if (!this.browser) {
          this.browser = this.launch();
          this.browser.catch(() => (this.browser = null));
        }
        const browser = await this.browser;
        const ctx = await browser.newContext({ javaScriptEnabled: false, offline: true });
        await ctx.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        ctx.on('close', () => (this.context = null));
        return ctx;
      })();
      this.context = made;
      made.catch(() => (this.context = null));
    }
    return this.context;
  }

  async print(html: string, opts: PdfPrintOptions = {}): Promise<Buffer> {
    opts.signal?.throwIfAborted();
    const context = await this.getContext();
    const page = await context.newPage();
    const abort = () => void page.close().catch(() => undefined);
    opts.signal?.addEventListener('abort', abort, { once: true });
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
      opts.signal?.throwIfAborted();
      return pdf;
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason instanceof Error ? opts.signal.reason : new UdashError('CANCELLED', 'PDF printing was stopped');
      throw e;
    } finally {
      opts.signal?.removeEventListener('abort', abort);
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.context = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  }
}
