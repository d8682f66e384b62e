/**
 * The main journey in real Chromium against the loopback host: import a CSV through the UI, build a
 * dashboard with two widgets in the editor, see both charts drawn, reload and find everything as it
 * was; then dashboard-wide date range and filters, keyboard layout moves, and undo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { screenshotPath, tempDir } from '../helpers/browser.js';
import { canvasColours, launchChromium, openPage, snapshotRenderer, startApp, waitForDashboard, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;
let files: string;
let workspaceId: string;
let context: BrowserContext;
let page: Page;
let errors: string[];
let dashboardId: string;

function salesCsv(rows: number): string {
  const regions = ['North', 'South', 'East', 'West'];
  const lines = ['date,region,revenue,units'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${d},${regions[i % 4]},${(500 + (i % 50) * 20 + i).toFixed(2)},${1 + (i % 9)}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  files = tempDir('udash-e2e-dash-');
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir })]);
  workspaceId = (await app.svc.dispatcher.call('workspaces.create', { name: 'Journey' })).id;
  ({ context, page, errors } = await openPage(browser, app.host.url));
}, 120_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
  for (const d of [rendererDir, files]) fs.rmSync(d, { recursive: true, force: true });
});

const widgetIds = () => page.$$eval('[data-widget-id]', (els) => els.map((e) => e.getAttribute('data-widget-id')!));
const widgetByTitle = (title: string) => page.locator('[data-widget-id]', { has: page.locator('.widget-title', { hasText: title }) });
const points = async (title: string) => Number(await widgetByTitle(title).locator('.echart').getAttribute('data-points'));

async function addWidget(configure: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a widget' });
  await dialog.waitFor();
  await configure();
  await dialog.locator('.editor-preview .echart[data-rendered="true"]').waitFor();
  await page.screenshot({ path: screenshotPath(`dashboard-editor-${(await widgetIds()).length + 1}`) });
  await dialog.getByRole('button', { name: 'Add to dashboard' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('building a dashboard', { timeout: 120_000 }, () => {
  it('imports a CSV through the UI', async () => {
    const file = path.join(files, 'regional_sales.csv');
    fs.writeFileSync(file, salesCsv(400));
    await page.click('a[href="#/data"]');
    await page.getByRole('button', { name: 'Import data' }).first().click();
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('[data-testid="preview-rows"]');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.textContent('[data-testid="import-done"] h2')).toContain('Imported 400 rows');
  });

  it('creates a dashboard and adds two widgets with the editor', async () => {
    await page.getByRole('button', { name: 'New dashboard' }).first().click();
    await page.getByRole('dialog').getByLabel('Name').fill('Regional sales');
    await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForSelector('.dash-title:has-text("Regional sales")');
    dashboardId = page.url().split('#/dashboards/')[1]!;

    await addWidget(async () => {
      await page.getByLabel('Title').fill('Revenue by week');
      await page.getByLabel('Time bucket').selectOption('week');
    });
    await addWidget(async () => {
      await page.locator('.type-option', { hasText: 'Bar' }).click();
      await page.getByLabel('X axis', { exact: true }).selectOption('region');
      await page.getByLabel('Title').fill('Revenue by region');
      await page.getByLabel('Horizontal').check();
    });
    // The dialog closes before the dashboard has re-read its widgets: wait for the second card.
    await expect.poll(async () => (await widgetIds()).length).toBe(2);
    await waitForDashboard(page);
  });

  it('draws both charts with the data main computed', async () => {
    const saved = await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId });
    for (const w of saved.widgets) {
      const data = await app.svc.dispatcher.call('widgets.data', { workspaceId, dashboardId, widgetId: w.id });
      const sel = `[data-widget-id="${w.id}"] .echart`;
      expect(await page.getAttribute(sel, 'data-rendered')).toBe('true');
      expect(Number(await page.getAttribute(sel, 'data-points'))).toBe(data.rows.length);
      expect(await canvasColours(page, sel)).toBeGreaterThan(3);
    }
    expect(await points('Revenue by region')).toBe(4);
    expect(await points('Revenue by week')).toBeGreaterThan(50);
    await page.screenshot({ path: screenshotPath('dashboard-two-widgets') });
  });

  it('highlights the control a query error names and shows the message', async () => {
    await page.getByRole('button', { name: 'Add widget' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a widget' });
    await dialog.locator('.editor-preview .echart[data-rendered="true"]').waitFor();
    await dialog.getByRole('button', { name: 'Add filter' }).click();
    await dialog.getByLabel('Field', { exact: true }).selectOption('date');
    await dialog.getByLabel('Operator').selectOption('eq');
    await dialog.getByLabel('Value').fill('yesterday');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    // main refuses the value; the filter it names is marked and the preview says why.
    await dialog.locator('[data-field="filters.0"] .chip-invalid').waitFor();
    expect(await dialog.locator('[data-field="filters.0"] .field-error').textContent()).toContain('yesterday');
    expect(await dialog.locator('.editor-preview [role="alert"]').textContent()).toContain('yesterday');
    expect(await dialog.getByRole('button', { name: 'Add to dashboard' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('dashboard-editor-error') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await widgetIds()).length).toBe(2);
  });

  it('finds everything as it was after a reload', async () => {
    const before = await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId });
    const ids = await widgetIds();
    await page.reload();
    await waitForDashboard(page);
    expect(page.url()).toContain(`#/dashboards/${dashboardId}`);
    expect(await page.textContent('.dash-title')).toBe('Regional sales');
    expect((await widgetIds()).sort()).toEqual([...ids].sort());
    expect(await page.$$eval('.widget-title', (els) => els.map((e) => e.textContent).sort())).toEqual(['Revenue by region', 'Revenue by week']);
    expect(await points('Revenue by region')).toBe(4);
    const after = await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId });
    expect(after.layout).toEqual(before.layout);
    expect(after.widgets.find((w) => w.title === 'Revenue by region')?.options).toMatchObject({ horizontal: true });
    // The last dashboard is remembered for the next start.
    expect((await app.svc.dispatcher.call('settings.get', {})).lastDashboardId).toBe(dashboardId);
  });

  it('applies the dashboard date range and filters to every widget, and keeps them', async () => {
    const weeksAll = await points('Revenue by week');
    await page.getByLabel('Date range preset').selectOption('last_30d');
    await page.waitForFunction((n) => Number(document.querySelector('[data-widget-id] .echart')?.getAttribute('data-points')) < n, weeksAll);
    await waitForDashboard(page);
    expect(await points('Revenue by week')).toBeLessThanOrEqual(6);

    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a dashboard filter' });
    await dialog.getByLabel('Field').selectOption('region');
    await dialog.getByLabel('Value').fill('North');
    await dialog.getByRole('button', { name: 'Add filter' }).click();
    await page.waitForSelector('.filter-bar .chip:has-text("region is North")');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-widget-id] .echart')].some((e) => e.getAttribute('data-points') === '1'));
    await waitForDashboard(page);
    expect(await points('Revenue by region')).toBe(1);

    await page.reload();
    await waitForDashboard(page);
    expect(await page.inputValue('select[aria-label="Date range preset"]')).toBe('last_30d');
    expect(await page.textContent('.filter-bar')).toContain('region is North');
    expect(await points('Revenue by region')).toBe(1);
    await page.screenshot({ path: screenshotPath('dashboard-filtered') });

    await page.getByRole('button', { name: 'Remove filter region is North' }).click();
    await page.getByLabel('Date range preset').selectOption('all');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-widget-id] .echart')].some((e) => e.getAttribute('data-points') === '4'));
  });

  it('moves and resizes a widget from the keyboard and saves the layout', async () => {
    const before = (await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout;
    const card = widgetByTitle('Revenue by region');
    const id = (await card.getAttribute('data-widget-id'))!;
    await card.focus();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(async () => (await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout[id]?.w).toBe(before[id]!.w - 1);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => (await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout[id]?.x).toBe(before[id]!.x + 1);
    // Down swaps with the widget below: put the other one underneath first, then move it back up.
    const other = (await widgetByTitle('Revenue by week').getAttribute('data-widget-id'))!;
    await widgetByTitle('Revenue by week').focus();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(async () => (await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout[id]?.y).toBeGreaterThan(0);
    await card.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout[id]?.y).toBe(0);
    expect((await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId })).layout[other]!.y).toBeGreaterThan(0);
  });

  it("exports a widget's data as CSV", async () => {
    await widgetByTitle('Revenue by region').getByRole('button', { name: 'Actions for Revenue by region' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export data as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('region');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['East', 'North', 'South', 'West']);
  });

  it('deletes a widget and brings it back with the undo toast and with Ctrl+Z', async () => {
    const remove = async (title: string) => {
      await widgetByTitle(title).getByRole('button', { name: `Actions for ${title}` }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await widgetByTitle(title).waitFor({ state: 'detached' });
    };
    await remove('Revenue by week');
    await page.locator('.toast', { hasText: 'Removed “Revenue by week”' }).getByRole('button', { name: 'Undo' }).click();
    await widgetByTitle('Revenue by week').waitFor();

    await remove('Revenue by region');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await widgetByTitle('Revenue by region').waitFor();
    await waitForDashboard(page);
    expect((await widgetIds()).length).toBe(2);
    // Shift+Ctrl+Z redoes the delete.
    await page.keyboard.press('Control+Shift+z');
    await widgetByTitle('Revenue by region').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await widgetByTitle('Revenue by region').waitFor();
  });

  it('duplicates, renames and deletes the dashboard, with undo', async () => {
    await page.getByRole('button', { name: 'Dashboard actions' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.waitForSelector('.dash-title:has-text("Regional sales (copy)")');
    await waitForDashboard(page);
    expect((await widgetIds()).length).toBe(2);

    await page.getByRole('button', { name: 'Dashboard actions' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Sales copy');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await page.waitForSelector('.dash-title:has-text("Sales copy")');
    await page.waitForSelector('.nav-sub-item:has-text("Sales copy")');

    const copyId = page.url().split('#/dashboards/')[1]!;
    await page.getByRole('button', { name: 'Dashboard actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.waitForSelector('.nav-sub-item:has-text("Sales copy")', { state: 'detached' });
    expect((await app.svc.dispatcher.call('dashboards.list', { workspaceId })).some((d) => d.id === copyId)).toBe(false);
    await page.locator('.toast', { hasText: 'Deleted “Sales copy”' }).getByRole('button', { name: 'Undo' }).click();
    await page.waitForSelector('.dash-title:has-text("Sales copy")');
    expect(page.url()).toContain(copyId);
    expect(errors).toEqual([]);
  });
});
