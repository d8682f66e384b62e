/**
 * Comments and history in real Chromium against the loopback host. A colleague's comment (a Yjs update
 * from another replica, as sync delivers it) shows as unread; the user comments on a widget with an
 * @mention picked from the autocomplete, replies and resolves; then saves a named version, deletes a
 * widget, views the old version read-only with its charts and the diff, restores it (the widget is
 * back), undoes and redoes the restore; and after a reload and an app restart everything is still there.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addThread } from '../../main/collab/comments/comments-doc.js';
import { screenshotPath, tempDir } from '../helpers/browser.js';
import { canvasColours, launchChromium, openPage, snapshotRenderer, startApp, waitForDashboard, type App } from './harness.js';

let browser: Browser;
let app: App;
let rendererDir: string;
let files: string;
let home: string;
let context: BrowserContext;
let page: Page;
let errors: string[];
let workspaceId: string;
let dashboardId: string;
let kpiId: string;
let trendId: string;

const carol = { id: 'u-carol', name: 'Carol Diaz' };

function salesCsv(): string {
  const lines = ['date,region,revenue'];
  for (let i = 0; i < 120; i++) lines.push(`${new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},${i % 2 ? 'North' : 'South'},${100 + (i % 30) * 7}`);
  return lines.join('\n') + '\n';
}

async function openDashboard(): Promise<void> {
  await page.evaluate((id) => {
    location.hash = `#/dashboards/${id}`;
  }, dashboardId);
  await waitForDashboard(page);
}

const widget = (id: string) => page.locator(`.dashboard [data-widget-id="${id}"]`);

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  files = tempDir('udash-e2e-collab-');
  home = tempDir('udash-e2e-collab-home-');
  [browser, app] = await Promise.all([launchChromium(), startApp({ rendererDir, home })]);
  const call = app.svc.dispatcher.call;
  workspaceId = (await call('workspaces.create', { name: 'Team' })).id;
  await call('sync.profile.set', { name: 'Ann Lee', color: '#2563eb' });
  const file = path.join(files, 'sales.csv');
  fs.writeFileSync(file, salesCsv());
  const ds = (await call('import.commit', { workspaceId, source: { path: file }, name: 'Sales', mode: 'create', onError: 'abort' })).dataset;
  dashboardId = (await call('dashboards.create', { workspaceId, name: 'Sales review' })).id;
  trendId = (await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Revenue by day', type: 'line', query: { datasetId: ds.id, x: { field: 'date', bucket: 'day' }, y: [{ agg: 'sum', field: 'revenue' }] } } })).id;
  kpiId = (await call('widgets.create', { workspaceId, dashboardId, widget: { title: 'Total revenue', type: 'kpi', query: { datasetId: ds.id, y: [{ agg: 'sum', field: 'revenue' }] }, options: { compare: 'none' } } })).id;

  // Carol comments on the dashboard from her own replica; her update arrives as a remote one.
  const live = app.svc.core().docs.get(workspaceId);
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(live));
  const sv = Y.encodeStateVector(theirs);
  addThread(theirs, { dashboardId }, { body: 'Can we add last year for comparison?', mentions: [] }, carol, new Date().toISOString());
  Y.applyUpdate(live, Y.encodeStateAsUpdate(theirs, sv), 'remote');

  ({ context, page, errors } = await openPage(browser, app.host.url));
  await openDashboard();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
  for (const d of [rendererDir, files, home]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('comments', { timeout: 120_000 }, () => {
  it("shows a colleague's comment as unread, and the panel opens and closes from the keyboard", async () => {
    const toggle = page.locator('[data-collab-toggle="comments"]');
    expect(await toggle.getAttribute('aria-label')).toBe('Comments, 1 new');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.comments-panel');
    await panel.waitFor();
    // Focus lands in the new-comment box.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('New comment on the dashboard');
    const thread = panel.locator('.thread', { hasText: 'Can we add last year' });
    await thread.waitFor();
    expect(await thread.locator('.comment-unread').count()).toBe(1);
    // Having been on screen, it is recorded as seen.
    await expect.poll(async () => (await app.svc.dispatcher.call('comments.list', { workspaceId, dashboardId })).unread, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => toggle.getAttribute('aria-label')).toBe('Comments');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Focus goes back to the toggle on the next animation frame after the panel closes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-collab-toggle'))).toBe('comments');
  });

  it('comments on a widget with an @mention picked from the autocomplete, replies and resolves', async () => {
    await widget(kpiId).hover();
    await widget(kpiId).getByRole('button', { name: /^Comments on Total revenue/ }).click();
    const panel = page.locator('.comments-panel');
    const box = panel.getByLabel('New comment on Total revenue');
    await box.waitFor();
    await box.pressSequentially('Is this net of returns? @ca');
    const option = panel.getByRole('option', { name: 'Carol Diaz' });
    await option.waitFor();
    await page.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('Is this net of returns? @Carol Diaz ');
    await box.pressSequentially('can you check?');
    await panel.getByRole('button', { name: 'Comment', exact: true }).click();

    const thread = panel.locator('.thread', { hasText: 'Is this net of returns?' });
    await thread.waitFor();
    expect(await thread.locator('.mention').textContent()).toBe('@Carol Diaz');
    expect(await thread.locator('.thread-about').textContent()).toBe('Total revenue');
    await expect.poll(() => widget(kpiId).locator('.comment-badge').getAttribute('data-comment-count')).toBe('1');

    await thread.getByRole('button', { name: 'Reply' }).click();
    const reply = thread.getByLabel('Reply');
    await reply.fill('Also check the tax.');
    await page.keyboard.press('Control+Enter');
    await thread.locator('.comment', { hasText: 'Also check the tax.' }).waitFor();
    await page.screenshot({ path: screenshotPath('collab-comments') });

    await thread.getByRole('button', { name: 'Resolve' }).click();
    await thread.waitFor({ state: 'detached' });
    await expect.poll(() => widget(kpiId).locator('.comment-badge').getAttribute('data-comment-count')).toBe('0');
    await panel.getByLabel(/Show resolved/).check();
    const resolved = panel.locator('.thread-resolved', { hasText: 'Is this net of returns?' });
    await resolved.waitFor();
    expect(await resolved.locator('.badge-success').textContent()).toContain('Resolved by Ann Lee');

    // Main holds exactly that, in the workspace document.
    const list = await app.svc.dispatcher.call('comments.list', { workspaceId, dashboardId });
    const t = list.threads.find((x) => x.anchor.widgetId === kpiId)!;
    expect(t.resolved).toBe(true);
    expect(t.root.mentions).toEqual([{ name: 'Carol Diaz', userId: 'u-carol' }]);
    expect(t.replies.map((r) => r.body)).toEqual(['Also check the tax.']);
    await panel.getByRole('button', { name: 'Close comments' }).click();
  });
});

describe('history', { timeout: 180_000 }, () => {
  it('saves a named version, views it after a change with its charts and the diff, restores it, and undoes and redoes', async () => {
    await page.locator('[data-collab-toggle="history"]').click();
    const panel = page.locator('.history-panel');
    await panel.getByRole('button', { name: 'Save version' }).click();
    const prompt = page.getByRole('dialog', { name: 'Save a version' });
    await prompt.getByLabel('Version name').fill('Before cleanup');
    await prompt.getByRole('button', { name: 'Save' }).click();
    const item = panel.locator('.version-item', { hasText: 'Before cleanup' });
    await item.waitFor();

    // Change the dashboard: delete the KPI through its menu.
    await widget(kpiId).hover();
    await widget(kpiId).getByRole('button', { name: 'Actions for Total revenue' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await widget(kpiId).waitFor({ state: 'detached' });

    // The old version, read-only, with both widgets drawn from today's data.
    await item.locator('.version-open').click();
    const viewer = page.locator('dialog.version-viewer');
    await viewer.waitFor();
    const kpiThen = viewer.locator(`[data-version-widget-id="${kpiId}"]`);
    const trendThen = viewer.locator(`[data-version-widget-id="${trendId}"]`);
    await kpiThen.locator('.kpi[data-rendered="true"]').waitFor();
    await trendThen.locator('.echart[data-rendered="true"]').waitFor();
    expect(await canvasColours(page, `dialog.version-viewer [data-version-widget-id="${trendId}"] .echart`)).toBeGreaterThan(2);
    expect(await viewer.locator('.widget-menu, [aria-label^="Actions for"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('collab-version-view') });

    await viewer.getByRole('tab', { name: /Changes since/ }).click();
    const removed = viewer.locator(`[data-widget-change="removed"][data-widget-id="${kpiId}"]`);
    await removed.waitFor();
    expect(await removed.textContent()).toContain('Total revenue');

    await viewer.getByRole('button', { name: 'Restore this version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await viewer.waitFor({ state: 'detached' });
    await widget(kpiId).waitFor();
    expect(await widget(kpiId).locator('.widget-title').textContent()).toBe('Total revenue');
    const toast = page.locator('.toast', { hasText: 'Restored' });
    await toast.waitFor();

    // The restore is one edit: the toast's Undo takes it back, Ctrl+Shift+Z brings it again.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await widget(kpiId).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Z');
    await widget(kpiId).waitFor();
    const dash = await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId });
    expect(dash.widgets.map((w) => w.title).sort()).toEqual(['Revenue by day', 'Total revenue']);
    await page.keyboard.press('Escape');
  });

  it('keeps comments and versions across a reload and an app restart', async () => {
    await page.reload();
    await waitForDashboard(page);
    await widget(kpiId).waitFor();
    expect(errors).toEqual([]);

    // Restart main on the same data folder and open a fresh page on the new host.
    await context.close();
    await app.close();
    app = await startApp({ rendererDir, home });
    ({ context, page, errors } = await openPage(browser, `${app.host.url}#/dashboards/${dashboardId}`));
    await waitForDashboard(page);
    await widget(kpiId).waitFor();
    await page.locator('[data-collab-toggle="history"]').click();
    await page.locator('.history-panel .version-item', { hasText: 'Before cleanup' }).waitFor();
    await page.locator('[data-collab-toggle="comments"]').click();
    const panel = page.locator('.comments-panel');
    await panel.getByLabel(/Show resolved/).check();
    await panel.locator('.thread-resolved', { hasText: 'Is this net of returns?' }).waitFor();
    await panel.locator('.thread', { hasText: 'Can we add last year' }).waitFor();
    expect(errors).toEqual([]);
  });
});
