/**
 * Team sync end to end: two `udash serve` hosts (two data folders, as two colleagues' computers)
 * driven by two Chromium contexts share one workspace through a real sync server. A shares it from
 * the status bar with an owner token and invites B; B joins with the link; an edit in either browser
 * appears in the other, and each sees the other online on the dashboard.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath } from '../helpers/browser.js';
import { startTestServer } from '../sync-server/helpers/server.js';
import { launchChromium, openPage, snapshotRenderer, startApp, type App } from './harness.js';

// Tokens go to the encrypted vault file of each data folder, never a real keychain.
process.env.UDASH_VAULT_KEY = 'e2e sync vault passphrase';
process.env.UDASH_SECRETS = 'vault';

let browser: Browser;
let appA: App;
let appB: App;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  [browser, appA, appB] = await Promise.all([launchChromium(), startApp({ rendererDir }), startApp({ rendererDir })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await appA?.close();
  await appB?.close();
  for (const d of [rendererDir, appA?.home, appB?.home]) if (d) fs.rmSync(d, { recursive: true, force: true });
}, 60_000);

const syncStatus = (page: Page) => page.locator('.statusbar .sync-indicator');

describe('sync end to end', { timeout: 180_000 }, () => {
  it('two browsers on two hosts share a workspace through the sync server; edits cross both ways', async () => {
    const srv = await startTestServer();
    const ws = await appA.svc.dispatcher.call('workspaces.create', { name: 'Team board' });
    const dash = await appA.svc.dispatcher.call('dashboards.create', { workspaceId: ws.id, name: 'Weekly' });
    const owner = await srv.token('owner', ws.id);

    // A shares its workspace from the status bar.
    const a = await openPage(browser, `${appA.host.url}#/dashboards/${dash.id}`);
    await a.page.locator('h1.dash-title', { hasText: 'Weekly' }).waitFor();
    await expect.poll(() => syncStatus(a.page).getAttribute('data-sync-status')).toBe('local');
    await syncStatus(a.page).getByRole('button', { name: 'Share…' }).click();
    const share = a.page.getByRole('dialog', { name: 'Share this workspace' });
    await share.getByLabel('Sync server address').fill(srv.httpUrl);
    await share.getByLabel('Owner token').fill(owner.token);
    await share.getByRole('button', { name: 'Share workspace' }).click();
    await expect.poll(() => syncStatus(a.page).getAttribute('data-sync-status'), { timeout: 20_000 }).toBe('synced');
    expect(await syncStatus(a.page).getByRole('status').textContent()).toContain('Synced');

    // Still in the dialog (now "Sharing"): invite Bob as an editor and take the join link.
    const sharing = a.page.getByRole('dialog', { name: 'Sharing' });
    await sharing.getByRole('table', { name: 'Members of this workspace' }).waitFor();
    await sharing.getByLabel('Who (a label for the member list)').fill('Bob');
    await sharing.getByLabel('Role').selectOption('editor');
    await sharing.getByRole('button', { name: 'Create invitation' }).click();
    const link = await sharing.getByTestId('join-link').inputValue();
    expect(link).toMatch(/^udash:\/\/join\?/);
    await expect.poll(() => sharing.locator('tr[data-member]').count()).toBe(2);
    await a.page.screenshot({ path: screenshotPath('sync-sharing-dialog') });
    await sharing.getByRole('button', { name: 'Close' }).click();

    // B, on its own host and data folder, joins from the workspace switcher with the link.
    const b = await openPage(browser, appB.host.url);
    await b.page.getByRole('button', { name: 'Switch workspace' }).click();
    await b.page.getByRole('menuitem', { name: 'Join a shared workspace…' }).click();
    const join = b.page.getByRole('dialog', { name: 'Join a shared workspace' });
    await join.getByLabel('Join link').fill(link);
    await join.getByRole('button', { name: 'Join workspace' }).click();
    await join.waitFor({ state: 'detached' });
    await expect.poll(() => syncStatus(b.page).getAttribute('data-sync-status'), { timeout: 20_000 }).toBe('synced');
    expect(await b.page.locator('.ws-title').textContent()).toBe('Team board');
    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weekly' }).click();
    await b.page.locator('h1.dash-title', { hasText: 'Weekly' }).waitFor();

    // Each sees the other on the dashboard.
    await b.page.locator('.presence-avatars li.here').first().waitFor({ timeout: 20_000 });
    await a.page.locator('.presence-avatars li.here').first().waitFor({ timeout: 20_000 });

    // An edit in A (rename the dashboard) appears in B without a reload.
    await a.page.locator('h1.dash-title button').click();
    const rename = a.page.getByRole('dialog', { name: 'Rename dashboard' });
    await rename.getByLabel('Name').fill('Weekly (edited by A)');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await b.page.locator('h1.dash-title', { hasText: 'Weekly (edited by A)' }).waitFor({ timeout: 20_000 });

    // And the other way: B renames it back to its own title; A sees it.
    await b.page.locator('h1.dash-title button').click();
    const renameB = b.page.getByRole('dialog', { name: 'Rename dashboard' });
    await renameB.getByLabel('Name').fill('Weekly (B was here)');
    await renameB.getByRole('button', { name: 'Rename' }).click();
    await a.page.locator('h1.dash-title', { hasText: 'Weekly (B was here)' }).waitFor({ timeout: 20_000 });
    await b.page.screenshot({ path: screenshotPath('sync-joined') });

    // A widget on a dataset only A has: B is told the data is missing; A publishes a snapshot from
    // the widget menu; B fetches it and the chart draws. While A edits the widget, B sees a marker.
    const csv = `${appA.home}/orders.csv`;
    fs.writeFileSync(csv, 'region,amount\n' + Array.from({ length: 300 }, (_, i) => `${['north', 'south', 'east'][i % 3]},${i}`).join('\n') + '\n');
    const imported = await appA.svc.dispatcher.call('import.commit', { workspaceId: ws.id, source: { path: csv }, name: 'Orders' });
    const widget = await appA.svc.dispatcher.call('widgets.create', { workspaceId: ws.id, dashboardId: dash.id, widget: { title: 'Orders by region', type: 'bar', query: { datasetId: imported.dataset.id, x: { field: 'region' }, y: [{ field: 'amount', agg: 'sum' }] } } });
    const cardA = a.page.locator(`[data-widget-id="${widget.id}"]`);
    const cardB = b.page.locator(`[data-widget-id="${widget.id}"]`);
    await cardA.locator('.echart[data-rendered="true"]').waitFor({ timeout: 30_000 });
    await cardB.locator('.widget-missing-data[data-snapshot="none"]').waitFor({ timeout: 30_000 });
    await cardA.getByRole('button', { name: 'Actions for Orders by region' }).click();
    await a.page.getByRole('menuitem', { name: 'Publish data snapshot' }).click();
    const fetchButton = cardB.getByRole('button', { name: 'Fetch snapshot' });
    await fetchButton.waitFor({ timeout: 30_000 });
    await fetchButton.focus();
    await b.page.keyboard.press('Enter');
    await cardB.locator('.echart[data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(await cardB.locator('.echart').getAttribute('data-points')).toBe(await cardA.locator('.echart').getAttribute('data-points'));

    await cardA.getByRole('button', { name: 'Actions for Orders by region' }).click();
    await a.page.getByRole('menuitem', { name: 'Edit' }).click();
    await cardB.locator('.widget-editing').waitFor({ timeout: 20_000 });
    await b.page.screenshot({ path: screenshotPath('sync-colleague-editing') });
    await a.page.keyboard.press('Escape');
    await cardB.locator('.widget-editing').waitFor({ state: 'detached', timeout: 20_000 });

    // Both hosts' documents hold the same dashboard.
    const [da, db] = await Promise.all([appA.svc.dispatcher.call('dashboards.get', { workspaceId: ws.id, dashboardId: dash.id }), appB.svc.dispatcher.call('dashboards.get', { workspaceId: ws.id, dashboardId: dash.id })]);
    expect(db).toEqual(da);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
