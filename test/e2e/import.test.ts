/** Importing files through the UI: upload, preview with detection and overrides, commit, and bad rows. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath, tempDir } from '../helpers/browser.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;
let files: string;
let workspaceId: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  files = tempDir('udash-e2e-files-');
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir })]);
  workspaceId = (await app.svc.dispatcher.call('workspaces.create', { name: 'Imports' })).id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  for (const d of [rendererDir, files]) fs.rmSync(d, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
  const p = path.join(files, name);
  fs.writeFileSync(p, text);
  return p;
}

/** A semicolon-separated sales file: the delimiter must be detected, not assumed. */
function salesCsv(rows: number): string {
  const regions = ['North', 'South', 'East', 'West'];
  const lines = ['date;region;revenue;units'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${d};${regions[i % 4]};${(1000 + i * 3.25).toFixed(2)};${10 + (i % 7)}`);
  }
  return lines.join('\n') + '\n';
}

async function startImport(page: Page, file: string): Promise<void> {
  await page.click('a[href="#/data"]');
  await page.getByRole('button', { name: 'Import data' }).first().click();
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-review"] [data-testid="preview-rows"]');
}

describe('import wizard', { timeout: 120_000 }, () => {
  it('uploads a CSV, shows what it detected, lets the user override a type and imports it', async () => {
    const file = writeFile('sales_2024.csv', salesCsv(400));
    const { page, context, errors } = await openPage(browser, app.host.url);
    await startImport(page, file);
    expect(await page.textContent('[data-testid="detected-delimiter"]')).toContain('Semicolon');
    expect(await page.$$eval('[data-testid="preview-rows"] tbody tr', (r) => r.length)).toBeGreaterThan(10);
    expect(await page.inputValue('select[aria-label="Type of revenue"]')).toBe('number');
    expect(await page.inputValue('select[aria-label="Type of date"]')).toBe('datetime');
    expect(await page.getByLabel('Time column').inputValue()).toBe('date');
    // Units are codes here: keep them as text.
    await page.selectOption('select[aria-label="Type of units"]', 'text');
    await page.waitForFunction(() => (document.querySelector('select[aria-label="Type of units"]') as HTMLSelectElement).value === 'text');
    expect(await page.getByLabel('Dataset name').inputValue()).toBe('sales 2024');
    await page.getByLabel('Dataset name').fill('Sales 2024');
    await page.screenshot({ path: screenshotPath('import-review') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.textContent('[data-testid="import-done"] h2')).toContain('Imported 400 rows into “Sales 2024”');
    await page.screenshot({ path: screenshotPath('import-done') });

    const [ds] = (await app.svc.dispatcher.call('datasets.list', { workspaceId })).filter((d) => d.name === 'Sales 2024');
    expect(ds?.rowCount).toBe(400);
    expect(ds?.columns.find((c) => c.name === 'units')?.type).toBe('text');

    await page.getByRole('button', { name: 'View the data' }).click();
    await page.waitForSelector('[data-testid="dataset-viewer"] .viewer-row .viewer-td:not(:empty)');
    expect(await page.textContent('[data-testid="dataset-viewer"] .viewer-row')).toContain('North');
    await page.click('a[href="#/data"]');
    await page.waitForSelector('tr[data-dataset="Sales 2024"]');
    expect(await page.textContent('tr[data-dataset="Sales 2024"] td.num')).toBe((400).toLocaleString('en-US'));

    // Export it back as CSV: the same 400 rows come out.
    await page.getByRole('button', { name: 'Actions for Sales 2024' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Export as CSV' }).click()]);
    const exported = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(exported[0]).toMatch(/date.region.revenue.units/);
    expect(exported).toHaveLength(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the row-level problems of a bad CSV, refuses it with "stop", and imports the good rows with "skip"', async () => {
    const good = Array.from({ length: 30 }, (_, i) => `2024-02-${String((i % 28) + 1).padStart(2, '0')},Widget ${i},${i * 2}.5,${i}`);
    const bad = ['2024-03-01,Gadget,not-a-number,5', '2024-03-02,Gizmo,17.5,many', 'yesterday,Thing,3.5,2'];
    const file = writeFile('orders_bad.csv', ['day,item,price,qty', ...good.slice(0, 10), bad[0], ...good.slice(10, 20), bad[1], bad[2], ...good.slice(20)].join('\n') + '\n');
    const { page, context } = await openPage(browser, app.host.url);
    await startImport(page, file);

    await page.waitForSelector('[data-testid="import-issues"] table tbody tr');
    const issues = await page.$$eval('[data-testid="import-issues"] table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const byColumn = new Map(issues.map(([row, column, value, reason]) => [column, { row, value, reason }]));
    expect(byColumn.get('price')).toMatchObject({ row: '12', value: 'not-a-number' });
    expect(byColumn.get('qty')?.value).toBe('many');
    expect(byColumn.get('day')?.value).toBe('yesterday');
    for (const i of issues) expect(i[3]!.length).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('import-bad-rows') });

    // "Stop" is the default: nothing is imported and the row that stopped it is named.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.banner-error');
    expect(await page.textContent('.banner-error')).toMatch(/row \d+, column "(price|qty|day)"/);
    expect((await app.svc.dispatcher.call('datasets.list', { workspaceId })).some((d) => d.name === 'orders bad')).toBe(false);
    await page.screenshot({ path: screenshotPath('import-bad-aborted') });

    await page.getByLabel('Skip them and import the rest (they are listed afterwards)').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.textContent('[data-testid="import-done"] h2')).toContain('Imported 30 rows');
    expect(await page.textContent('[data-testid="import-done"]')).toContain('3 rows skipped');
    expect(await page.$$eval('[data-testid="import-done"] table tbody tr', (r) => r.length)).toBe(3);
    await context.close();
  });

  it('appends a file to an existing dataset', async () => {
    const file = writeFile('more_sales.csv', salesCsv(400));
    const { page, context } = await openPage(browser, app.host.url);
    await startImport(page, file);
    await page.getByLabel('Append to a dataset').check();
    await page.getByLabel('Dataset', { exact: true }).selectOption('Sales 2024');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="import-done"]');
    const [ds] = (await app.svc.dispatcher.call('datasets.list', { workspaceId })).filter((d) => d.name === 'Sales 2024');
    expect(ds?.rowCount).toBe(800);
    await context.close();
  });

  it('lets the user pick the sheet of an Excel workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const q1 = wb.addWorksheet('Q1');
    q1.addRow(['month', 'amount']);
    for (let m = 1; m <= 3; m++) q1.addRow([new Date(Date.UTC(2024, m - 1, 1)), m * 100]);
    const q2 = wb.addWorksheet('Q2');
    q2.addRow(['month', 'amount', 'note']);
    for (let m = 4; m <= 6; m++) q2.addRow([new Date(Date.UTC(2024, m - 1, 1)), m * 100, `note ${m}`]);
    const file = path.join(files, 'quarters.xlsx');
    await wb.xlsx.writeFile(file);

    const { page, context } = await openPage(browser, app.host.url);
    await startImport(page, file);
    const sheet = page.getByLabel('Sheet');
    expect(await sheet.locator('option').allTextContents()).toEqual(['Q1', 'Q2']);
    expect(await page.$$eval('[data-testid="preview-rows"] thead th', (ths) => ths.map((t) => t.textContent))).not.toContain('note');
    await sheet.selectOption('Q2');
    await page.waitForSelector('[data-testid="preview-rows"] thead th:has-text("note")');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('[data-testid="import-done"]');
    const ds = (await app.svc.dispatcher.call('datasets.list', { workspaceId })).find((d) => d.name === 'quarters');
    expect(ds).toMatchObject({ rowCount: 3, source: { kind: 'xlsx', sheet: 'Q2' } });
    await context.close();
  });

  it('renames a dataset and deletes it after confirmation', async () => {
    const { page, context } = await openPage(browser, `${app.host.url}#/data`);
    await page.getByRole('button', { name: 'Actions for quarters' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Quarterly amounts');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await page.waitForSelector('tr[data-dataset="Quarterly amounts"]');
    await page.getByRole('button', { name: 'Actions for Quarterly amounts' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Quarterly amounts”?' });
    expect(await confirm.textContent()).toContain('All 3 rows are deleted');
    await confirm.getByRole('button', { name: 'Delete dataset' }).click();
    await page.waitForSelector('tr[data-dataset="Quarterly amounts"]', { state: 'detached' });
    expect((await app.svc.dispatcher.call('datasets.list', { workspaceId })).some((d) => d.name === 'Quarterly amounts')).toBe(false);
    await context.close();
  });

  it('explains why an empty file cannot be imported', async () => {
    const file = writeFile('empty.csv', '');
    const { page, context } = await openPage(browser, app.host.url);
    await page.click('a[href="#/data"]');
    await page.getByRole('button', { name: 'Import data' }).first().click();
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForSelector('.banner-error');
    expect(await page.textContent('.banner-error')).toContain('empty.csv is empty');
    await context.close();
  });
});
