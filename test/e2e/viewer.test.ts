/**
 * The table viewer over a 1,000,000-row dataset: only the visible rows exist in the page, the end of
 * the dataset is one scroll away, and sorting asks main for rows in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshotPath, tempDir } from '../helpers/browser.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

const ROWS = 1_000_000;
let browser: Browser;
let app: App;
let rendererDir: string;
let files: string;
let workspaceId: string;
let datasetId: string;
let bigFile: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  files = tempDir('udash-e2e-big-');
  const file = (bigFile = path.join(files, 'events.csv'));
  const out = fs.createWriteStream(file);
  out.write('id,ts,value,kind\n');
  const kinds = ['click', 'view', 'buy'];
  const t0 = Date.UTC(2020, 0, 1);
  let chunk = '';
  for (let i = 1; i <= ROWS; i++) {
    // value runs backwards so that sorting by it visibly reverses the order.
    chunk += `${i},${new Date(t0 + i * 60_000).toISOString()},${ROWS - i},${kinds[i % 3]}\n`;
    if (i % 50_000 === 0) {
      out.write(chunk);
      chunk = '';
    }
  }
  await new Promise<void>((r) => out.end(r));
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir })]);
  workspaceId = (await app.svc.dispatcher.call('workspaces.create', { name: 'Big data' })).id;
  const r = await app.svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Events', onError: 'abort' });
  expect(r.inserted).toBe(ROWS);
  datasetId = r.dataset.id;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const d of [rendererDir, files]) fs.rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('table viewer', { timeout: 120_000 }, () => {
  it('scrolls a million rows to the last one while keeping only the visible rows in the page', async () => {
    const { page, context, errors } = await openPage(browser, `${app.host.url}#/data/${datasetId}`);
    const viewer = page.locator('[data-testid="dataset-viewer"]');
    await viewer.locator('.viewer-row .viewer-td:nth-child(2):not(:has(.cell-loading))').first().waitFor();
    expect(await viewer.getAttribute('aria-rowcount')).toBe(String(ROWS + 1));
    expect(await viewer.locator('.viewer-row').first().textContent()).toContain('view');

    // Jump to the end, as dragging the scrollbar does.
    await viewer.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = viewer.locator(`.viewer-row[aria-rowindex="${ROWS + 1}"]`);
    await last.waitFor();
    await expect.poll(async () => (await last.locator('.viewer-td').nth(1).textContent())?.replace(/\D/g, '')).toBe(String(ROWS));
    expect(await page.locator('.viewer-row').count()).toBeLessThan(150);
    await page.screenshot({ path: screenshotPath('viewer-end') });

    // The middle, then sort by value (descending order of id).
    await viewer.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect.poll(async () => Number((await viewer.locator('.viewer-row').nth(5).locator('.viewer-td').nth(1).textContent())?.replace(/\D/g, ''))).toBeGreaterThan(400_000);
    await page.getByRole('columnheader', { name: /value/ }).click();
    const first = viewer.locator('.viewer-row[aria-rowindex="2"]');
    await expect.poll(async () => (await first.locator('.viewer-td').nth(1).textContent())?.replace(/\D/g, '')).toBe(String(ROWS));
    expect(await page.getByRole('columnheader', { name: /value/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uploads a 30 MB file in chunks, shows the import in the status bar, and cancels it leaving nothing behind', async () => {
    const { page, context } = await openPage(browser, `${app.host.url}#/data/import`);
    await page.setInputFiles('[data-testid="import-file"]', bigFile);
    await page.waitForSelector('[data-testid="preview-rows"]', { timeout: 90_000 });
    await page.getByLabel('Dataset name').fill('Events again');
    // A user's click can lose the race with an import that finishes fast; so the page itself presses
    // Cancel as soon as the status bar shows the running import, and remembers that it saw it.
    await page.evaluate(() => {
      const w = window as unknown as { sawTask?: boolean };
      const watch = new MutationObserver(() => {
        const task = [...document.querySelectorAll('.statusbar [data-task]')].some((el) => el.textContent?.includes('Importing events.csv'));
        const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel import');
        if (task && cancel) {
          w.sawTask = true;
          watch.disconnect();
          cancel.click();
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('text=Import cancelled; nothing was imported.', { timeout: 90_000 });
    expect(await page.evaluate(() => (window as unknown as { sawTask?: boolean }).sawTask)).toBe(true);
    const names = (await app.svc.dispatcher.call('datasets.list', { workspaceId })).map((d) => d.name);
    expect(names).toEqual(['Events']);
    await context.close();
  });
});
