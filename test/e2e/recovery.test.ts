/** A store that cannot be opened: the UI explains why and recovers without losing the old file. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshotPath, tempDir } from '../helpers/browser.js';
import { createServices } from '../../main/services.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;
let home: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  home = tempDir('udash-e2e-corrupt-');
  // Not a SQLite file at all: the store refuses to open it.
  fs.writeFileSync(path.join(home, 'udash.sqlite'), Buffer.alloc(8192, 0x5a));
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir, home })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

describe('store recovery screen', { timeout: 120_000 }, () => {
  it('explains the failure, starts a fresh store on request and keeps the old file', async () => {
    expect(app.svc.storeError()).not.toBeNull();
    const { page, context, errors } = await openPage(browser, app.host.url);
    await page.waitForSelector('text=Your data store could not be opened');
    expect(await page.textContent('.recovery-reason')).toBe(app.svc.storeError()!.message);
    expect(await page.textContent('.recovery')).toContain(path.join(home, 'udash.sqlite'));
    await page.screenshot({ path: screenshotPath('recovery') });

    await page.getByRole('button', { name: 'Start a fresh store' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start fresh' }).click();
    await page.waitForSelector('nav[aria-label="Main"]');
    expect(app.svc.storeError()).toBeNull();
    const kept = fs.readdirSync(home).filter((f) => f.startsWith('udash.sqlite.broken-'));
    expect(kept.length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(home, kept.find((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))!))[0]).toBe(0x5a);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('restores a backup listed on the recovery screen', async () => {
    const home2 = tempDir('udash-e2e-restore-');
    // A healthy store with one workspace, backed up, then damaged.
    const first = await createServices({ home: home2, sample: false });
    await first.dispatcher.call('workspaces.create', { name: 'Saved in the backup' });
    await first.dispatcher.call('store.backup', {});
    await first.close();
    fs.writeFileSync(path.join(home2, 'udash.sqlite'), Buffer.alloc(8192, 0x5a));
    for (const s of ['-wal', '-shm']) fs.rmSync(path.join(home2, `udash.sqlite${s}`), { force: true });

    const app2 = await startApp({ rendererDir, home: home2 });
    try {
      const { page, context } = await openPage(browser, app2.host.url);
      await page.waitForSelector('text=Your data store could not be opened');
      await page.getByRole('list', { name: 'Backups' }).getByRole('button', { name: 'Restore' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
      await page.waitForSelector('.ws-title:has-text("Saved in the backup")');
      expect(app2.svc.storeError()).toBeNull();
      await context.close();
    } finally {
      await app2.close();
      fs.rmSync(home2, { recursive: true, force: true });
    }
  });
});
