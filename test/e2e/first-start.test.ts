/**
 * A first start lands on the sample workspace's "Business overview" with every widget drawn.
 * With UDASH_UPDATE_SCREENSHOT=1 this also refreshes docs/screenshot.png (the README's picture).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshotPath } from '../helpers/browser.js';
import { canvasColours, launchChromium, openPage, snapshotRenderer, startApp, waitForDashboard, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir, sample: true })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('first start', { timeout: 120_000 }, () => {
  it('opens the sample dashboard with every widget drawn', async () => {
    const { page, context, errors } = await openPage(browser, app.host.url);
    await waitForDashboard(page);
    expect(await page.textContent('.dash-title')).toBe('Business overview');
    expect(page.url()).toMatch(/#\/dashboards\/[\w-]+$/);
    const widgets = await page.$$eval('[data-widget-id]', (els) => els.map((e) => ({ type: e.getAttribute('data-widget-type'), state: e.getAttribute('data-state') })));
    expect(widgets.length).toBeGreaterThanOrEqual(4);
    expect(widgets.every((w) => w.state === 'loaded')).toBe(true);
    // Every chart drew real pixels and data points; KPIs show a number.
    for (const id of await page.$$eval('[data-widget-id] .echart', (els) => els.map((e) => e.closest('[data-widget-id]')!.getAttribute('data-widget-id')))) {
      const sel = `[data-widget-id="${id}"] .echart`;
      expect(Number(await page.getAttribute(sel, 'data-points'))).toBeGreaterThan(0);
      expect(await canvasColours(page, sel)).toBeGreaterThan(3);
    }
    for (const text of await page.$$eval('.kpi-value', (els) => els.map((e) => e.textContent ?? ''))) expect(text).toMatch(/\d/);
    expect(await page.evaluate(() => performance.getEntriesByName('udash:dashboard-painted').length)).toBe(1);
    await page.screenshot({ path: screenshotPath('first-start') });
    if (process.env.UDASH_UPDATE_SCREENSHOT === '1') await page.screenshot({ path: path.resolve('docs', 'screenshot.png') });
    // The whole dashboard (the app scrolls inside its main area, so grow the window instead).
    await page.setViewportSize({ width: 1400, height: 1500 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('first-start-full') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('can be driven from the keyboard: arrow keys in the navigation, Escape closes dialogs', async () => {
    const { page, context } = await openPage(browser, app.host.url);
    await waitForDashboard(page);
    await page.locator('a.nav-item[href="#/dashboards"]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Business overview');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#/settings');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Settings")');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.waitForSelector('h1:has-text("Dashboards")');
    // Open a dashboard's widget editor from the keyboard and close it with Escape.
    await page.locator('.dash-card-link').focus();
    await page.keyboard.press('Enter');
    await waitForDashboard(page);
    await page.getByRole('button', { name: 'Add widget' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add a widget' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Add a widget' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Add widget');
    await context.close();
  });

  it('creates and switches workspaces, and remembers the last one', async () => {
    const { page, context, errors } = await openPage(browser, app.host.url);
    await waitForDashboard(page);
    await page.getByRole('button', { name: 'Switch workspace' }).click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Team plans');
    await page.getByRole('dialog').getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForSelector('.ws-title:has-text("Team plans")');
    await page.waitForSelector('text=No dashboards yet');
    expect(await page.locator('.nav-sub-item').count()).toBe(0);
    // The next start opens the workspace used last.
    await page.reload();
    await page.waitForSelector('.ws-title:has-text("Team plans")');
    await page.getByRole('button', { name: 'Switch workspace' }).click();
    await page.getByRole('menuitem', { name: 'Sample workspace' }).click();
    await page.waitForSelector('.ws-title:has-text("Sample workspace")');
    await page.waitForSelector('.nav-sub-item:has-text("Business overview")');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('paints the same dashboard in the dark theme', async () => {
    const { page, context, errors } = await openPage(browser, app.host.url);
    await waitForDashboard(page);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForSelector('html[data-theme="dark"]');
    await waitForDashboard(page);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(245, 246, 248)');
    await page.setViewportSize({ width: 1400, height: 1500 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('first-start-dark') });
    // The choice is a setting: a new page opens dark.
    const again = await openPage(browser, app.host.url);
    await again.page.waitForSelector('html[data-theme="dark"]');
    await again.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
