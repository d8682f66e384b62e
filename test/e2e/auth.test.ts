/** The loopback host refuses everything without its per-start token, in the browser as on the wire. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshotPath } from '../helpers/browser.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('access token', { timeout: 120_000 }, () => {
  it('answers 401 to a browser that opens the address without the token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`http://127.0.0.1:${app.host.port}/`);
    expect(res?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('Unauthorized');
    await page.screenshot({ path: screenshotPath('auth-401') });
    const asset = await page.request.get(`http://127.0.0.1:${app.host.port}/index.html`);
    expect(asset.status()).toBe(401);
    await context.close();
  });

  it('refuses an RPC WebSocket opened without the token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('about:blank');
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      `ws://127.0.0.1:${app.host.port}/rpc`,
    );
    expect(outcome).toBe('refused');
    await context.close();
  });

  it('serves the UI with the token, then keeps the session through a cookie (a reload without ?token works)', async () => {
    const { page, context, errors } = await openPage(browser, app.host.url);
    await page.waitForSelector('[data-connection="open"]');
    await page.goto(`http://127.0.0.1:${app.host.port}/#/settings`);
    await page.waitForSelector('text=Appearance');
    await page.waitForSelector('[data-connection="open"]');
    expect(errors).toEqual([]);
    await context.close();
  });
});
