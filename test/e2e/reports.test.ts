/**
 * The Reports UI in real Chromium against the loopback host on the sample workspace, with a real SMTP
 * server on loopback that requires a login: Email settings (the password goes to the vault and is
 * never shown again; a test email arrives), a report created on the sample dashboard through the whole
 * flow (next runs computed by main, an invalid address refused inline, a preview of the email and
 * files), a template syntax error refused at save with its line, "Run now" delivering to the SMTP
 * server, the history viewer following the run live, delivery analytics, and pause, resume and delete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { reportsOf } from '../../main/reports/module.js';
import { createSecretStore } from '../../main/vault/secrets.js';
import { screenshotPath } from '../helpers/browser.js';
import { launchChromium, openPage, snapshotRenderer, startApp, waitForDashboard, type App } from './harness.js';
import { startAuthSmtpPeer, type AuthPeer } from './smtp-auth-peer.js';

const SMTP_USER = 'reports';
const SMTP_PASSWORD = 'correct horse battery staple';
const NAME = 'Weekly business review';

let browser: Browser;
let app: App;
let rendererDir: string;
let smtp: AuthPeer;
let context: BrowserContext;
let page: Page;
let errors: string[];
let workspaceId: string;
let dashboardId: string;

beforeAll(async () => {
  rendererDir = await snapshotRenderer();
  [browser, app, smtp] = await Promise.all([launchChromium(), startApp({ rendererDir, sample: true }), startAuthSmtpPeer(SMTP_USER, SMTP_PASSWORD)]);
  // The machine has no keychain: secrets go to the encrypted vault file under this home (as on a headless Linux desktop).
  reportsOf(app.svc, { secrets: createSecretStore({ home: app.home, platform: app.svc.platform, env: { UDASH_VAULT_KEY: 'e2e vault passphrase', UDASH_SECRETS: 'vault' } }), mailRetry: { attempts: 2, baseDelayMs: 50 } });
  workspaceId = (await app.svc.dispatcher.call('workspaces.list', {}))[0]!.id;
  dashboardId = (await app.svc.dispatcher.call('dashboards.list', { workspaceId })).find((d) => d.name === 'Business overview')!.id;
  ({ context, page, errors } = await openPage(browser, app.host.url));
  await waitForDashboard(page);
}, 120_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
  await smtp?.close();
  if (rendererDir) fs.rmSync(rendererDir, { recursive: true, force: true });
});

const step = (name: string) => page.locator(`.step-card[data-step="${name}"]`);
const row = () => page.locator('tr[data-report-id]', { hasText: NAME });
const next = () => page.getByRole('button', { name: /^Next:/ });

describe('reports in the UI', { timeout: 240_000 }, () => {
  it('sets up email in Settings: the password is stored in the vault, never shown, and a test email arrives', async () => {
    await page.click('a.nav-item[href="#/settings"]');
    const panel = page.getByTestId('email-settings');
    await panel.getByLabel('SMTP server').fill('127.0.0.1');
    await panel.getByLabel('Port').fill(String(smtp.port));
    await panel.getByLabel('User name (optional)').fill(SMTP_USER);
    await panel.getByLabel('Password', { exact: true }).fill(SMTP_PASSWORD);
    await panel.getByLabel('From address').fill('reports@acme.test');
    await panel.getByLabel('From name').fill('Acme Reports');
    await panel.getByRole('button', { name: 'Save email settings' }).click();
    await panel.getByText('A password is stored').waitFor();
    expect(await panel.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(SMTP_PASSWORD);
    const view = await app.svc.dispatcher.call('mail.settings.get', {});
    expect(view).toMatchObject({ hasPassword: true, secretsLocation: 'vault:env', smtp: { host: '127.0.0.1', port: smtp.port, user: SMTP_USER } });
    expect(JSON.stringify(view)).not.toContain(SMTP_PASSWORD);
    // Not in the settings store in plain text either: only in the encrypted vault.
    expect(fs.readFileSync(path.join(app.home, 'secrets.vault.json'), 'utf8')).not.toContain(SMTP_PASSWORD);

    await panel.getByLabel('Send a test email to').fill('me@acme.test');
    await panel.getByRole('button', { name: 'Send test email' }).click();
    await panel.getByTestId('test-email-result').waitFor();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.user).toBe(SMTP_USER);
    expect(mail!.envelope).toEqual(['me@acme.test']);
    expect(mail!.mail.subject).toBe('Universal Dashboard: test email');

    // Tracking is off unless the workspace turns it on, and the panel quotes what the email would then say.
    const tracking = page.getByTestId('tracking-settings');
    const toggle = tracking.getByLabel(/Track when this workspace/);
    expect(await toggle.isChecked()).toBe(false);
    expect(await tracking.getByTestId('tracking-notice').textContent()).toContain('small tracking image');
    await toggle.check();
    await expect.poll(async () => (await app.svc.dispatcher.call('reports.settings.get', { workspaceId })).workspace.trackingEnabled).toBe(true);
    await toggle.uncheck();
    await expect.poll(async () => (await app.svc.dispatcher.call('reports.settings.get', { workspaceId })).workspace.trackingEnabled).toBe(false);
  });

  it('creates a report on the sample dashboard through the whole flow', async () => {
    await page.click('a.nav-item[href="#/reports"]');
    await page.getByRole('heading', { name: 'No reports yet' }).waitFor();
    await page.getByRole('button', { name: 'New report' }).first().click();

    // 1. Content
    await step('content').waitFor();
    await page.getByLabel('Report name').fill(NAME);
    await page.getByLabel('Dashboard', { exact: true }).selectOption(dashboardId);
    await page.getByLabel('Automated insights in words (trends, anomalies, forecasts)').check();
    await page.screenshot({ path: screenshotPath('reports-content') });
    await next().click();

    // 2. Schedule: weekly on Monday and Friday at 08:30 New York time, plus a monthly run on the last day in London on business days.
    await step('schedule').waitFor();
    const s1 = page.getByRole('region', { name: 'Schedule 1' });
    await s1.getByLabel('Time zone').selectOption('America/New_York');
    await s1.getByLabel('Time', { exact: true }).fill('08:30');
    await s1.getByLabel('Friday').check();
    await page.getByRole('button', { name: 'Add a schedule' }).click();
    const s2 = page.getByRole('region', { name: 'Schedule 2' });
    await s2.getByLabel('Repeats').selectOption('monthly');
    await s2.getByLabel('Runs on', { exact: true }).selectOption('last');
    await s2.getByLabel('Time zone').selectOption('Europe/London');
    await s2.getByLabel('Time', { exact: true }).fill('17:00');
    await s2.getByLabel('Business days only').check();
    await s2.getByLabel('Skip public holidays of').selectOption('GB');
    await s2.getByLabel('Region').selectOption('ENG');
    await s2.getByLabel('A run on a day off').selectOption('next');
    // The next runs shown are main's, computed with the same rule the scheduler fires by.
    const weekly = { recurrence: { kind: 'weekly' as const, time: '08:30', days: [1, 5] }, timezone: 'America/New_York' };
    const monthly = { recurrence: { kind: 'monthly' as const, time: '17:00', on: { type: 'last' as const } }, timezone: 'Europe/London', businessDaysOnly: true, holidays: { country: 'GB', region: 'ENG' }, nonBusinessDay: 'next' as const };
    for (const [card, schedule] of [[s1, weekly], [s2, monthly]] as const) {
      const expected = await app.svc.dispatcher.call('reports.nextRuns', { schedule, count: 5 });
      await expect.poll(() => card.locator('[data-testid="next-runs"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-run'))), { timeout: 15_000 }).toEqual(expected.runs);
      expect(await card.getByTestId('next-runs').textContent()).toContain(expected.description);
    }
    await page.screenshot({ path: screenshotPath('reports-schedule') });
    await next().click();

    // 3. Recipients: an invalid address is refused inline (checked with the schema main saves with).
    await step('recipients').waitFor();
    const add = page.getByLabel('To', { exact: true });
    await add.fill('not-an-address');
    await add.press('Enter');
    expect(await page.getByTestId('address-error').textContent()).toMatch(/not-an-address.*not a valid email address/);
    expect(await page.locator('.recipient-chip').count()).toBe(0);
    await add.fill('ann@acme.test, Bob Partner <bob@partner.test>');
    await add.press('Enter');
    await expect.poll(() => page.locator('.recipient-chip').count()).toBe(2);
    expect(await page.getByTestId('address-error').count()).toBe(0);
    await page.getByLabel('bob@partner.test is external').check();
    // A recipient group, kept in the workspace for other reports too.
    await page.getByLabel('Add a recipient group').selectOption('__new');
    const groupDialog = page.getByRole('dialog', { name: 'New recipient group' });
    await groupDialog.getByLabel('Group name').fill('Leadership');
    await groupDialog.getByLabel(/^Members/).fill('ceo@acme.test\ncfo@@acme.test');
    await groupDialog.getByRole('button', { name: 'Create group' }).click();
    expect(await groupDialog.locator('.field-error').textContent()).toContain('cfo@@acme.test');
    await groupDialog.getByLabel(/^Members/).fill('ceo@acme.test\ncfo@acme.test');
    await groupDialog.getByRole('button', { name: 'Create group' }).click();
    await groupDialog.waitFor({ state: 'detached' });
    await page.locator('.recipient-chip[data-kind="group"]', { hasText: 'Leadership (2)' }).waitFor();
    await page.getByLabel('Cc', { exact: true }).fill('boss@acme.test');
    await page.getByLabel('Cc', { exact: true }).press('Enter');
    await page.getByLabel('Text above the charts').fill('Good morning: this week in numbers.');
    await page.screenshot({ path: screenshotPath('reports-recipients') });
    await next().click();

    // 4. Template and format
    await step('format').waitFor();
    await page.locator('.template-card', { hasText: 'Weekly Status' }).click();
    await page.getByLabel('Excel (XLSX)').first().check();
    await page.locator('[data-field="delivery.attach"]').getByLabel('Excel (XLSX)').check();
    await page.getByLabel('Page header').fill('{{report.name}} · internal');
    await page.screenshot({ path: screenshotPath('reports-format'), fullPage: true });
    await next().click();

    // 5. Preview: exactly what would be sent.
    await step('preview').waitFor();
    const preview = page.getByTestId('report-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getByTestId('preview-subject').textContent()).toContain(NAME);
    expect(await preview.getByTestId('preview-to').textContent()).toMatch(/ann@acme\.test.*bob@partner\.test.*external.*ceo@acme\.test.*cfo@acme\.test/);
    expect(await preview.getByTestId('preview-cc').textContent()).toContain('boss@acme.test');
    const email = page.frameLocator('iframe.email-frame');
    await email.locator('body').getByText('Good morning: this week in numbers.').waitFor();
    expect(await email.locator('img[src^="data:image/png"]').count()).toBeGreaterThan(0);
    expect(await page.locator('iframe.email-frame').getAttribute('sandbox')).toBe('');
    const formats = await preview.locator('.preview-files li').evaluateAll((els) => els.map((e) => e.getAttribute('data-format')));
    expect(formats).toEqual(['pdf', 'xlsx', 'html']);
    const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: 'Download PDF' }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await preview.locator('.preview-files li[data-format="html"]').getByRole('button', { name: 'Show' }).click();
    await page.frameLocator('iframe.file-frame').locator('body').getByText(NAME).first().waitFor();
    await page.screenshot({ path: screenshotPath('reports-preview') });

    // Save: back to the list, which shows the next run main computed.
    await page.getByRole('button', { name: 'Save report' }).click();
    await row().waitFor();
    const [saved] = await app.svc.dispatcher.call('reports.list', { workspaceId });
    expect(saved).toMatchObject({ name: NAME, templateId: 'builtin:weekly-status', formats: ['pdf', 'xlsx', 'html'], headerText: '{{report.name}} · internal' });
    expect(saved!.schedules).toHaveLength(2);
    const [group] = await app.svc.dispatcher.call('recipientGroups.list', { workspaceId });
    expect(group).toMatchObject({ name: 'Leadership', members: [{ address: 'ceo@acme.test' }, { address: 'cfo@acme.test' }] });
    expect(saved!.delivery.to).toEqual([
      { kind: 'address', address: 'ann@acme.test', external: false },
      { kind: 'address', address: 'bob@partner.test', external: true },
      { kind: 'group', groupId: group!.id },
    ]);
    expect(saved!.nextRunAt).not.toBeNull();
    const owner = saved!.schedules.find((s) => s.nextRunAt === saved!.nextRunAt)!;
    const cell = await row().getByTestId('next-run').textContent();
    expect(cell).toContain(owner.recurrence.kind === 'weekly' ? '08:30' : '17:00');
    expect(cell).toContain(owner.timezone);
  });

  it('refuses a template syntax error at save, naming its line, and saves once it is fixed', async () => {
    await row().getByRole('button', { name: `Edit: ${NAME}` }).click();
    await page.getByRole('button', { name: 'Recipients', exact: true }).click();
    await page.getByLabel('Text above the charts').fill('Good morning,\nthis week: {{metric.revenue.totalText}');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const banner = page.getByTestId('save-error');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/line 2/);
    expect(await page.locator('[data-field="delivery.body"] .field-error').textContent()).toMatch(/syntax error on line 2/);
    expect(await step('recipients').count()).toBe(1);
    expect((await app.svc.dispatcher.call('reports.list', { workspaceId }))[0]!.delivery.body).toBe('Good morning: this week in numbers.');
    await page.getByLabel('Text above the charts').fill('Good morning,\nthis week: {{metric.revenue.totalText}}');

    // A custom template started from Weekly Status, with an unclosed block on line 2 of a section.
    await page.getByRole('button', { name: 'Template and format', exact: true }).click();
    await page.locator('.template-card', { hasText: 'Custom…' }).click();
    const section = page.locator('[data-field="template.sections.0"]');
    const text = section.getByRole('textbox', { name: /^(Text|Introduction)/ });
    await text.fill('Before the numbers:\n{{#if insights.hasAnomaly}}Something unusual happened.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/line 2/);
    expect(await section.locator('.field-error').first().textContent()).toMatch(/sections\.0\.body\) has a syntax error on line 2/);
    expect((await app.svc.dispatcher.call('reportTemplates.list', { workspaceId })).filter((t) => !t.builtin)).toEqual([]);
    await text.fill('Before the numbers:\n{{#if insights.hasAnomaly}}Something unusual happened.{{/if}}');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await row().waitFor();
    const [saved] = await app.svc.dispatcher.call('reports.list', { workspaceId });
    expect(saved!.delivery.body).toBe('Good morning,\nthis week: {{metric.revenue.totalText}}');
    const custom = (await app.svc.dispatcher.call('reportTemplates.list', { workspaceId })).find((t) => t.id === saved!.templateId)!;
    expect(custom).toMatchObject({ builtin: false, name: 'Weekly Status (custom)' });
    expect(custom.sections[0]!.body).toBe('Before the numbers:\n{{#if insights.hasAnomaly}}Something unusual happened.{{/if}}');
    expect(await row().textContent()).toContain('Weekly Status (custom)');
  });

  it('runs now: the SMTP server receives the report and the history shows it sent, with size and deliveries', async () => {
    const before = smtp.received.length;
    await row().getByRole('button', { name: `Run now: ${NAME}` }).click();
    await page.locator('.toast', { hasText: `“${NAME}” sent to` }).waitFor({ timeout: 90_000 });
    const got = await smtp.waitFor(before + 1);
    const mails = got.slice(before);
    const all = mails.flatMap((m) => m.envelope).sort();
    expect(all).toEqual(['ann@acme.test', 'bob@partner.test', 'boss@acme.test', 'ceo@acme.test', 'cfo@acme.test']);
    expect(mails.every((m) => m.user === SMTP_USER)).toBe(true);
    const internal = mails.find((m) => m.envelope.includes('ann@acme.test'))!.mail;
    expect(internal.subject).toContain(NAME);
    expect(internal.attachments.filter((a) => a.contentDisposition === 'attachment').map((a) => a.filename!.split('.').pop()).sort()).toEqual(['pdf', 'xlsx']);
    // The external recipient gets only the email: attachments were not allowed for externals.
    const external = mails.find((m) => m.envelope.includes('bob@partner.test'))!.mail;
    expect(external.attachments.filter((a) => a.contentDisposition === 'attachment')).toEqual([]);

    const [run] = await app.svc.dispatcher.call('reports.history', { workspaceId });
    expect(run).toMatchObject({ status: 'sent', delivered: 5, failed: 0 });
    await row().getByRole('button', { name: `History: ${NAME}` }).click();
    const runRow = page.locator(`tr[data-run-id="${run!.id}"]`);
    await runRow.waitFor();
    expect(await runRow.getAttribute('data-status')).toBe('sent');
    expect(await runRow.locator('.status-pill').textContent()).toBe('Sent');
    expect(await runRow.getByTestId('run-delivered').textContent()).toBe('5');
    expect(await runRow.getByTestId('run-size').textContent()).toMatch(/\d+(\.\d)? (KB|MB)/);
    await runRow.getByRole('button').click();
    const detail = page.getByTestId('run-detail');
    await detail.locator('tr[data-address]').first().waitFor();
    expect(await detail.locator('tr[data-address]').count()).toBe(5);
    await page.screenshot({ path: screenshotPath('reports-history') });
    expect(await detail.locator('tr[data-address="bob@partner.test"] .badge').textContent()).toBe('external');
  });

  it('follows runs live: a run started elsewhere appears and turns to sent without a reload', async () => {
    const before = await page.locator('tr[data-run-id]').count();
    const reportId = (await app.svc.dispatcher.call('reports.list', { workspaceId }))[0]!.id;
    const done = app.svc.dispatcher.call('reports.runNow', { workspaceId, reportId, send: true });
    // While main is still generating, the new run is already on screen.
    await expect.poll(() => page.locator('tr[data-run-id]').count(), { timeout: 30_000 }).toBe(before + 1);
    const run = await done;
    expect(run.status).toBe('sent');
    await expect.poll(() => page.locator(`tr[data-run-id="${run.id}"]`).getAttribute('data-status'), { timeout: 30_000 }).toBe('sent');
  });

  it('shows delivery analytics', async () => {
    await page.getByRole('tab', { name: 'Delivery analytics' }).click();
    await page.getByTestId('stat-success').waitFor();
    expect(await page.getByTestId('stat-success').locator('.stat-value').textContent()).toBe('100%');
    expect(await page.getByTestId('stat-delivered').locator('.stat-value').textContent()).toBe('10');
    await expect.poll(() => page.locator('.chart-card .echart[data-rendered="true"]').count(), { timeout: 20_000 }).toBe(3);
    expect(Number(await page.locator('.chart-card[aria-label="Most popular reports"] .echart').getAttribute('data-points'))).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('reports-analytics') });
  });

  it('flags a report whose dashboard was deleted, and shows a paused one as paused', async () => {
    await page.getByRole('tab', { name: 'Reports', exact: true }).click();
    await row().waitFor();
    const doomed = await app.svc.dispatcher.call('dashboards.create', { workspaceId, name: 'Regional digest' });
    const flagged = await app.svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Regional digest', content: { dashboardId: doomed.id } }, schedules: [{ recurrence: { kind: 'daily', time: '07:00' }, timezone: 'Europe/Berlin', businessDaysOnly: true }] });
    const paused = await app.svc.dispatcher.call('reports.create', { workspaceId, report: { name: 'Quarterly board pack', content: { dashboardId }, templateId: 'builtin:quarterly-board-report', formats: ['pdf', 'pptx'] }, schedules: [{ recurrence: { kind: 'quarterly', time: '10:00', on: { type: 'nth', nth: 1, weekday: 1 } }, timezone: 'America/Chicago' }] });
    await app.svc.dispatcher.call('reports.pause', { workspaceId, reportId: paused.id, paused: true });
    await page.locator(`tr[data-report-id="${paused.id}"][data-paused="true"]`).waitFor();
    // Deleting the dashboard elsewhere flags the report here, without a reload.
    await app.svc.dispatcher.call('dashboards.delete', { workspaceId, dashboardId: doomed.id });
    const flaggedRow = page.locator(`tr[data-report-id="${flagged.id}"]`);
    await flaggedRow.locator('[data-state="flagged"]').waitFor();
    expect(await flaggedRow.locator('[data-state="flagged"]').getAttribute('title')).toMatch(/dashboard of this report was deleted/);
    expect(await flaggedRow.getByTestId('next-run').textContent()).toContain('Stopped');
    expect(await page.locator(`tr[data-report-id="${paused.id}"]`).getByTestId('next-run').textContent()).toContain('Paused');
    // A clean picture: the toasts of earlier actions expire on their own.
    await expect.poll(() => page.locator('.toast').count(), { timeout: 20_000 }).toBe(0);
    await page.setViewportSize({ width: 1400, height: 640 });
    await page.screenshot({ path: screenshotPath('reports-list') });
    if (process.env.UDASH_UPDATE_SCREENSHOT === '1' || !fs.existsSync(path.resolve('docs', 'reports.png'))) await page.screenshot({ path: path.resolve('docs', 'reports.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const id of [flagged.id, paused.id]) await app.svc.dispatcher.call('reports.delete', { workspaceId, reportId: id });
    await flaggedRow.waitFor({ state: 'detached' });
  });

  it('pauses, resumes and deletes a report from the keyboard-accessible list', async () => {
    await row().waitFor();

    // Keyboard: focus the report's name and use its row's buttons with Tab and Enter.
    await row().getByRole('button', { name: `${NAME}: edit` }).focus();
    await row().getByRole('button', { name: `Pause: ${NAME}` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row().getAttribute('data-paused')).toBe('true');
    expect(await row().getByTestId('next-run').textContent()).toContain('Paused');
    expect(await row().locator('[data-state="paused"]').count()).toBe(1);
    expect((await app.svc.dispatcher.call('reports.list', { workspaceId }))[0]!.nextRunAt).toBeNull();

    await row().getByRole('button', { name: `Resume: ${NAME}` }).click();
    await expect.poll(() => row().getAttribute('data-paused')).toBe('false');
    expect((await app.svc.dispatcher.call('reports.list', { workspaceId }))[0]!.nextRunAt).not.toBeNull();

    await row().getByRole('button', { name: `Delete: ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${NAME}”?` });
    await dialog.getByRole('button', { name: 'Delete report' }).click();
    await row().waitFor({ state: 'detached' });
    expect(await app.svc.dispatcher.call('reports.list', { workspaceId })).toEqual([]);
    // History is kept.
    expect((await app.svc.dispatcher.call('reports.history', { workspaceId })).length).toBe(2);
    expect(errors).toEqual([]);
  });
});
