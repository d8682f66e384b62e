/**
 * The Analytics section in real Chromium on the sample workspace: a correlation whose heatmap cell
 * opens the scatter with its regression line (by mouse and by keyboard) and its report exported; a
 * regression table with residual plots (worked out in the page's Web Worker); a distribution with its
 * normality verdict; a trend with moving averages and decomposition; forecasts (auto with bands and
 * backtest accuracy, a chosen model with a named season and level, a neural network tried beside
 * auto) exported and saved as a revision compared with rows imported later; the forecast overlay on
 * every time-series widget; and the section hidden from a role without view_analytics. Every number
 * on screen is checked against main's own answer. With UDASH_UPDATE_SCREENSHOT=1 this also refreshes
 * docs/analytics.png (the README's picture of the forecast panel).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { screenshotPath } from '../helpers/browser.js';
import { setWorkspaceRole } from '../../main/permissions/workspace-role.js';
import { chartPalette } from '../../renderer/src/features/dashboards/charts/palette.js';
import { numericColumn } from '../../shared/analytics/column.js';
import { runAnalyticsJob } from '../../shared/analytics/run-job.js';
import type { DistributionResult } from '../../shared/contract/analytics.js';
import { setFields, startSession, stopSession, type Session } from './analytics-session.js';
import { canvasColours, waitForDashboard, type App } from './harness.js';

let session: Session;
let app: App;
let page: Page;
let errors: string[];

const panel = (name: string) => page.locator(`#analytics-panel-${name}`);
const rendered = (scope: Locator, kind: string) => scope.locator(`.analytics-chart[data-chart="${kind}"][data-rendered="true"]`).waitFor();

// The sample workspace and its Sales dataset (a day × region table of orders, units and revenue).
let workspaceId: string;
let salesId: string;
beforeAll(async () => {
  session = await startSession({ sample: true });
  ({ app, page, errors } = session);
  workspaceId = (await app.svc.dispatcher.call('workspaces.list', {}))[0]!.id;
  salesId = (await app.svc.dispatcher.call('datasets.list', { workspaceId })).find((d) => d.name === 'Sales')!.id;
  await waitForDashboard(page);
}, 120_000);
afterAll(() => stopSession(session));

/** Moves the mouse over the heatmap until the tooltip names an off-diagonal pair, then clicks there; answers [y, x]. */
async function clickOffDiagonalCell(chart: Locator): Promise<[string, string]> {
  const box = (await chart.boundingBox())!;
  for (let fy = 0.1; fy < 0.8; fy += 0.07) {
    for (let fx = 0.2; fx < 0.98; fx += 0.07) {
      const x = box.x + fx * box.width;
      const y = box.y + fy * box.height;
      await page.mouse.move(x, y);
      const tip = chart.locator('div').filter({ hasText: 'Click for the scatter plot' }).last();
      // The tooltip names the pair on a line of its own: "row × column".
      const pair = await tip.locator('[data-pair]').textContent({ timeout: 200 }).catch(() => null);
      if (pair) {
        await page.mouse.click(x, y);
        const [yName, xName] = pair.split(' × ');
        return [yName!, xName!];
      }
    }
  }
  throw new Error('no heatmap cell found under the mouse');
}

/**
 * How much of a chart shows the forecast colour as translucent fill. The chart's canvas is transparent
 * where nothing is drawn, so it is first laid over its card's background, as the page shows it. A
 * pixel counts when its colour lies on the line from the background to `colour` at a share between
 * 0.13 and 0.3 (`outer`: one band; a fainter fill is not plainly visible) or 0.3 and 0.7 (`inner`:
 * bands stacked); lines, text, grid and the history series fall off that line or outside those shares.
 */
async function bandPixels(selector: string, colour: string): Promise<{ outer: number; inner: number }> {
  return page.$eval(
    `${selector} canvas`,
    (c, hex) => {
      const canvas = c as HTMLCanvasElement;
      const rgb = (s: string) => (s.startsWith('#') ? [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16)) : s.match(/\d+/g)!.slice(0, 3).map(Number));
      const bg = rgb(getComputedStyle(canvas.closest('.card')!).backgroundColor);
      const fc = rgb(hex);
      const flat = document.createElement('canvas');
      flat.width = canvas.width;
      flat.height = canvas.height;
      const ctx = flat.getContext('2d')!;
      ctx.fillStyle = `rgb(${bg.join(',')})`;
      ctx.fillRect(0, 0, flat.width, flat.height);
      ctx.drawImage(canvas, 0, 0);
      const { data } = ctx.getImageData(0, 0, flat.width, flat.height);
      // The share is read from the channels where background and colour differ most.
      const strong = [0, 1, 2].filter((k) => Math.abs(bg[k]! - fc[k]!) >= 60);
      let outer = 0;
      let inner = 0;
      for (let i = 0; i < data.length; i += 4) {
        const a = strong.reduce((sum, k) => sum + (bg[k]! - data[i + k]!) / (bg[k]! - fc[k]!), 0) / strong.length;
        if (a < 0.13 || a >= 0.7) continue;
        if (![0, 1, 2].every((k) => Math.abs(bg[k]! + a * (fc[k]! - bg[k]!) - data[i + k]!) <= 6)) continue;
        if (a < 0.3) outer++;
        else inner++;
      }
      return { outer, inner };
    },
    colour,
  );
}

/**
 * docs/analytics.png, the README's picture of the forecast panel: the window grown to show the whole
 * panel (the app scrolls inside its main area), scrolled to the top, then back to the usual size.
 */
async function readmeScreenshot(): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 1590 });
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await rendered(panel('forecast'), 'forecast');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.resolve('docs', 'analytics.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
}

describe('analytics on the sample workspace', { timeout: 180_000 }, () => {
  it('opens Analytics on a dataset with its numeric columns ready to correlate', async () => {
    await page.click('a.nav-item[href="#/analytics"]');
    await page.waitForSelector('h1:has-text("Analytics")');
    expect(await page.getByLabel('Dataset').inputValue()).toBe(salesId);
    const checked = await panel('correlation').locator('.column-checklist input:checked').count();
    expect(checked).toBe(3);
  });

  it('runs a correlation, lists the strongest pairs and opens the scatter from a heatmap cell', async () => {
    await panel('correlation').getByRole('button', { name: 'Run correlation' }).click();
    await rendered(panel('correlation'), 'correlation-heatmap');
    const expected = await app.svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId: salesId, columns: ['orders', 'units', 'revenue'], method: 'pearson', strongest: 10 });
    const rows = panel('correlation').locator('[data-testid="strongest-pairs"] tbody tr');
    expect(await rows.count()).toBe(expected.strongest.length);
    expect(await rows.first().locator('th').textContent()).toBe(`${expected.strongest[0]!.a} × ${expected.strongest[0]!.b}`);
    expect(await panel('correlation').locator('.insight-card').first().textContent()).toContain('are strongly correlated');

    const [yName, xName] = await clickOffDiagonalCell(panel('correlation').locator('.analytics-chart[data-chart="correlation-heatmap"]'));
    expect(['orders', 'units', 'revenue']).toContain(yName);
    expect(['orders', 'units', 'revenue']).toContain(xName);
    expect(yName).not.toBe(xName);
    const scatter = page.locator('[data-testid="pair-scatter"]');
    await rendered(scatter, 'pair-scatter');
    expect(await scatter.locator('h3').textContent()).toBe(`${yName} against ${xName}`);
    const fit = await app.svc.dispatcher.call('analytics.regress', { workspaceId, datasetId: salesId, y: yName, x: [xName] });
    const equation = await scatter.locator('[data-testid="regression-equation"]').textContent();
    expect(equation).toContain(`${yName} = `);
    expect(equation).toContain(`R² = ${new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 }).format(fit.rSquared)}`);
    expect(await canvasColours(page, '[data-testid="pair-scatter"] .analytics-chart')).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('analytics-correlation'), fullPage: true });
  });

  it('runs a regression and shows its coefficient table and residual plots', async () => {
    await page.getByRole('tab', { name: 'Regression' }).click();
    const p = panel('regression');
    await setFields(p, [['Response (y)', 'revenue'], ['orders', true], ['units', false]]);
    await p.getByRole('button', { name: 'Run regression' }).click();
    await p.locator('[data-testid="coefficients"]').waitFor();
    const expected = await app.svc.dispatcher.call('analytics.regress', { workspaceId, datasetId: salesId, y: 'revenue', x: ['orders'] });
    const terms = await p.locator('[data-testid="coefficients"] tbody th').allTextContents();
    expect(terms).toEqual(expected.terms.map((t) => t.term));
    const estimate = await p.locator('[data-testid="coefficients"] tbody tr').nth(1).locator('td').first().textContent();
    expect(estimate).toBe(new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 }).format(expected.terms[1]!.estimate));
    await rendered(p, 'residuals');
    // The residuals' QQ plot, histogram and normality verdict come from the page's Web Worker; the
    // engine run here on main's residuals must say the same.
    await rendered(p, 'residual-qq');
    await rendered(p, 'residual-histogram');
    const shown = await app.svc.dispatcher.call('analytics.regress', { workspaceId, datasetId: salesId, y: 'revenue', x: ['orders'], maxPoints: 2000 });
    const residuals = runAnalyticsJob({ kind: 'distribution', column: numericColumn('residual', shown.points.map((q) => q.residual)), options: { qqPoints: 400 } }) as DistributionResult;
    expect(await p.locator('[data-testid="residual-normality"]').textContent()).toBe(residuals.normality.verdict);
    expect(page.workers().some((w) => /analytics\.worker/.test(w.url()))).toBe(true);
    await page.screenshot({ path: screenshotPath('analytics-regression'), fullPage: true });
  });

  it('shows a distribution: histogram, box plot, QQ plot and the normality verdict in words', async () => {
    await page.getByRole('tab', { name: 'Distribution' }).click();
    const p = panel('distribution');
    await p.getByText('Fixed', { exact: true }).click();
    await setFields(p, [['Column', 'revenue'], ['Bins', '24']]);
    await p.getByRole('button', { name: 'Analyse distribution' }).click();
    await rendered(p, 'histogram');
    await rendered(p, 'boxplot');
    await rendered(p, 'qq');
    const expected = await app.svc.dispatcher.call('analytics.distribution', { workspaceId, datasetId: salesId, column: 'revenue', binMethod: 'fixed', bins: 24 });
    expect(await p.locator('[data-testid="normality-verdict"] .banner-text span').textContent()).toBe(expected.normality.verdict);
    expect(expected.normality.verdict).toMatch(/normal/);
    expect(await p.getByText(`${expected.histogram.bins.length} bins of width`).count()).toBe(1);
    expect(expected.histogram.bins.length).toBe(24);
    expect(await p.locator('.analytics-chart[data-chart="boxplot"]').getAttribute('data-series')).toBe('box outliers');
    expect(await canvasColours(page, '#analytics-panel-distribution .analytics-chart[data-chart="histogram"]')).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('analytics-distribution'), fullPage: true });
  });

  it('shows a trend with moving averages, its projection and the seasonal decomposition', async () => {
    await page.getByRole('tab', { name: 'Trend' }).click();
    const p = panel('trend');
    await setFields(p, [['Value', 'orders'], ['Seasonality', 'custom'], ['Period (observations)', '7']]);
    await p.getByRole('button', { name: 'Analyse trend' }).click();
    await rendered(p, 'trend');
    await rendered(p, 'stl');
    const expected = await app.svc.dispatcher.call('analytics.trend', { workspaceId, datasetId: salesId, timeColumn: 'date', valueColumn: 'orders', seasonality: 7, maxPoints: 3000 });
    const trend = p.locator('.analytics-chart[data-chart="trend"]');
    expect(await trend.getAttribute('data-series')).toBe('value sma linear projection');
    await p.getByLabel('Exponential moving average').check();
    await p.getByLabel('Weighted moving average').check();
    await expect.poll(() => trend.getAttribute('data-series')).toBe('value sma wma ema linear projection');
    expect(await p.locator('.analytics-chart[data-chart="stl"]').getAttribute('data-series')).toBe('stl-value stl-trend stl-seasonal stl-remainder');
    expect(await p.getByRole('heading', { name: /^Decomposition/ }).textContent()).toBe(`Decomposition (STL, period ${expected.decomposition!.period})`);
    expect(await p.locator('[data-testid="seasonality"]').textContent()).toContain(`Seasonal period${expected.seasonality.period ?? 'none found'}`);
    await rendered(p, 'trend');
    await page.screenshot({ path: screenshotPath('analytics-trend'), fullPage: true });
  });

  it('forecasts revenue with auto: bands, backtest accuracy, the chosen model and plain-language insights', async () => {
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const p = panel('forecast');
    await p.getByLabel('Value').selectOption('revenue');
    expect(await p.getByLabel('Rows in one period').inputValue()).toBe('sum');
    expect(await p.getByLabel('Model').inputValue()).toBe('auto');
    await p.getByRole('button', { name: 'Run forecast' }).click();
    await p.locator('[data-testid="run-status"]').waitFor();
    await rendered(p, 'forecast');
    const expected = await app.svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId: salesId, timeColumn: 'date', valueColumn: 'revenue', horizon: '30d', aggregate: 'sum', levels: [80, 95] });
    expect(await p.locator('[data-testid="forecast-model"] strong').first().textContent()).toBe(expected.model.name);
    expect(await p.locator('[data-testid="candidates"] tbody tr').count()).toBe(expected.candidates.length);
    expect(await p.locator('[data-testid="candidates"] tr[aria-current="true"] th').textContent()).toContain(expected.model.name);
    const accuracy = await p.locator('[data-testid="forecast-accuracy"] dl').textContent();
    expect(accuracy).toContain(`MASE${new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 }).format(expected.backtest!.mase!)}`);
    expect(accuracy).toContain('MAPE');
    // The headline joins the quick trend reading (renderer worker) with the forecast.
    await p.locator('.insight-card[data-insight="summary"]').filter({ hasText: 'seasonality' }).waitFor();
    const forecastCard = await p.locator('.insight-card[data-insight="forecast"] p').textContent();
    expect(forecastCard).toMatch(/^The next 30 days are forecast to total [\d.]+[kMB]? ± [\d.]+[kMB]? \(95%\)\.$/);
    // Shaded bands, counted in the pixels as a reader sees them: the 95% band alone (light) and the
    // 80% band over it (stronger), each a large area of the forecast colour.
    const bands = await bandPixels('#analytics-panel-forecast .analytics-chart[data-chart="forecast"]', chartPalette('light').series[3]!);
    expect(bands.outer).toBeGreaterThan(3000);
    expect(bands.inner).toBeGreaterThan(3000);
    await p.locator('.analytics-chart[data-chart="forecast"]').screenshot({ path: screenshotPath('analytics-forecast-chart') });
    if (process.env.UDASH_UPDATE_SCREENSHOT === '1') await readmeScreenshot();
  });

  it('saves the forecast as a revision and compares it with rows imported afterwards', async () => {
    const p = panel('forecast');
    await p.getByRole('button', { name: 'Save as revision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as a revision' });
    await dialog.getByLabel('Name').fill('December plan');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Revisions' }).click();
    const row = panel('revisions').locator('[data-testid="revisions-table"] tbody tr', { hasText: 'December plan' });
    await row.waitFor();
    expect(await row.locator('[data-col="matched"]').textContent()).toBe('0');

    // Ten more days of sales arrive for every region.
    const last = Date.parse(`${(await app.svc.dispatcher.call('forecastRuns.list', { workspaceId }))[0]!.lastHistoryTime}T00:00:00Z`);
    const lines = ['date,region,orders,units,revenue'];
    for (let d = 1; d <= 10; d++) for (const region of ['North America', 'Europe', 'Asia Pacific', 'Latin America']) lines.push(`${new Date(last + d * 86_400_000).toISOString().slice(0, 10)},${region},400,700,${30_000 + d * 100}`);
    const file = path.join(session.files, 'later.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    await app.svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Sales', mode: 'append' });

    await row.locator('[data-col="matched"]', { hasText: '10' }).waitFor();
    const cmp = await app.svc.dispatcher.call('forecastRuns.compare', { workspaceId, datasetId: salesId });
    expect(cmp.revisions[0]!.error.matched).toBe(10);
    expect(await row.locator('[data-col="mae"]').textContent()).toBe(new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 }).format(cmp.revisions[0]!.error.mae!));
    await rendered(panel('revisions'), 'revisions');
    await row.getByRole('button', { name: 'December plan', exact: true }).click();
    const detail = page.locator('[data-testid="revision-detail"] tbody tr');
    expect(await detail.count()).toBe(cmp.revisions[0]!.points.length);
    await page.screenshot({ path: screenshotPath('analytics-revisions'), fullPage: true });
  });

  it('forecasts with a chosen model, a named season length and a 90% interval, and exports it as CSV and Excel', async () => {
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const p = panel('forecast');
    await setFields(p, [
      ['Model', 'holt-winters-additive'],
      ['Horizon amount', '8'],
      ['Horizon unit', 'w'],
      ['Seasonality', 'custom'],
      ['Season length (periods)', '7'],
      ['80%', false],
      ['95%', false],
      ['90%', true],
    ]);
    await p.getByRole('button', { name: 'Run forecast' }).click();
    await p.getByRole('heading', { name: 'revenue: 56 daily periods ahead' }).waitFor();
    await rendered(p, 'forecast');
    const expected = await app.svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId: salesId, timeColumn: 'date', valueColumn: 'revenue', horizon: '8w', model: 'holt-winters-additive', season: 7, levels: [90], aggregate: 'sum', fill: 'linear' });
    expect(expected.forecast.length).toBe(56);
    expect(await p.locator('[data-testid="forecast-model"] strong').first().textContent()).toBe(expected.model.name);
    const accuracy = await p.locator('[data-testid="forecast-accuracy"] dl').textContent();
    expect(accuracy).toContain('90% interval held');
    expect(accuracy).not.toContain('95% interval held');
    expect(await p.getByText('Shaded: its 90% prediction interval.').count()).toBe(1);

    const [csv] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'CSV', exact: true }).click()]);
    const lines = fs.readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('time,kind,revenue,fitted,forecast,lower 90%,upper 90%');
    const ahead = lines.filter((l) => l.split(',')[1] === 'forecast');
    expect(ahead.length).toBe(56);
    expect(lines.length).toBe(1 + expected.history.length + 56);
    ahead.forEach((l, i) => {
      const [, , , , mean, lo, hi] = l.split(',').map(Number);
      const want = expected.forecast[i]!;
      expect(mean).toBeCloseTo(want.mean, 6);
      expect(lo).toBeCloseTo(want.lower['90']!, 6);
      expect(hi).toBeCloseTo(want.upper['90']!, 6);
    });

    const [xlsx] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'Excel', exact: true }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Forecast', 'Accuracy', 'Model', 'Candidates']);
    const sheet = wb.getWorksheet('Forecast')!;
    expect(sheet.rowCount).toBe(1 + expected.history.length + 56);
    expect(Number(sheet.getRow(sheet.rowCount).getCell(5).value)).toBeCloseTo(expected.forecast[55]!.mean, 6);
    await page.screenshot({ path: screenshotPath('analytics-forecast-manual'), fullPage: true });
  });

  it('tries a neural network beside auto on request, and offers it only if it beat the choice on the backtest', async () => {
    const p = panel('forecast');
    const neural = p.getByLabel('Also try a neural network (slower)');
    expect(await neural.isDisabled()).toBe(true);
    await p.getByLabel('Model').selectOption('auto');
    await neural.check();
    await p.getByRole('button', { name: 'Run forecast' }).click();
    await p.getByRole('row', { name: /^NNAR/ }).waitFor({ timeout: 90_000 });
    const expected = await app.svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId: salesId, timeColumn: 'date', valueColumn: 'revenue', horizon: '8w', model: 'auto', season: 7, levels: [90], aggregate: 'sum', fill: 'linear', neural: true });
    const nnar = expected.candidates.find((c) => c.family === 'neural')!;
    expect(await p.getByRole('row', { name: /^NNAR/ }).locator('th').textContent()).toBe(nnar.name);
    expect(await p.locator('[data-testid="forecast-model"] strong').first().textContent()).toBe(expected.model.name);
    const verdict = await p.locator('[data-testid="neural-offer"]').textContent();
    if (expected.offer) expect(verdict).toContain(expected.offer.message);
    else expect(verdict).toBe(`A neural network (${nnar.name}) was tried too (MASE ${new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 }).format(nnar.mase!)}); it did not beat ${expected.model.name} on the backtest, so nothing is offered.`);
  });

  it('works from the keyboard: tabs, method, run, heatmap cells and Enter for the scatter; exports the correlation report', async () => {
    const correlationTab = page.getByRole('tab', { name: 'Correlation' });
    await correlationTab.click();
    await correlationTab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Regression' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await correlationTab.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Correlation');

    const p = panel('correlation');
    await p.getByRole('radio', { name: 'Pearson' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await p.getByRole('radio', { name: 'Spearman' }).isChecked()).toBe(true);
    await p.getByRole('button', { name: 'Run correlation' }).focus();
    await page.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'Spearman correlation of 3 columns' }).waitFor();
    await rendered(p, 'correlation-heatmap');
    const expected = await app.svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId: salesId, columns: ['orders', 'units', 'revenue'], method: 'spearman', strongest: 10 });

    const live = p.locator('[data-testid="heatmap-cell"]');
    await p.locator('.analytics-chart[data-chart="correlation-heatmap"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await live.textContent()).toBe(`orders × units: ρ = ${expected.matrix[0]![1]!.toFixed(3)}, p < 0.0001, n = ${expected.n[0]![1]}. Enter opens the scatter plot.`);
    await page.keyboard.press('ArrowDown');
    expect(await live.textContent()).toBe(`units × units: ρ = 1.000, p —, n = ${expected.n[1]![1]}`);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="pair-scatter"]').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const scatter = page.locator('[data-testid="pair-scatter"]');
    await rendered(scatter, 'pair-scatter');
    expect(await scatter.locator('h3').textContent()).toBe('units against revenue');
    await scatter.getByRole('button', { name: 'Close the scatter plot' }).press('Enter');
    await scatter.waitFor({ state: 'detached' });
    // The strongest-pairs table is a second keyboard route to the same scatter.
    await p.getByRole('button', { name: `${expected.strongest[0]!.a} × ${expected.strongest[0]!.b}` }).press('Enter');
    await rendered(scatter, 'pair-scatter');

    const [csv] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'Report as CSV' }).click()]);
    const rows = fs.readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('column A,column B,Spearman rho,p-value,n,strength,direction');
    expect(rows.length).toBe(4);
    const top = rows[1]!.split(',');
    expect(`${top[0]} × ${top[1]}`).toBe(`${expected.strongest[0]!.a} × ${expected.strongest[0]!.b}`);
    expect(Number(top[2])).toBeCloseTo(expected.strongest[0]!.r!, 12);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), p.getByRole('button', { name: 'Report as Excel' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Pairs', 'Spearman rho', 'p-values', 'n']);
    expect(Number(wb.getWorksheet('Spearman rho')!.getRow(2).getCell(3).value)).toBeCloseTo(expected.matrix[0]![1]!, 12);
  });

  it('toggles a forecast overlay on a dashboard widget and draws it, also after a reload', async () => {
    await page.click('a.nav-sub-item:has-text("Business overview")');
    await waitForDashboard(page);
    const widget = page.locator('[data-widget-id]', { has: page.locator('.widget-title', { hasText: 'Revenue by day' }) });
    const before = Number(await widget.locator('.echart').getAttribute('data-points'));
    await widget.getByRole('button', { name: /Actions for Revenue by day/ }).click();
    await page.getByRole('menuitem', { name: 'Show forecast' }).click();
    const caption = widget.locator('.forecast-caption[data-forecast="ready"]');
    await caption.waitFor({ timeout: 60_000 });
    expect(await caption.getAttribute('data-forecast-horizon')).toBe('30');
    expect(await caption.textContent()).toMatch(/^Forecast 30 days ahead · .+ · 80% and 95% intervals/);
    await expect.poll(async () => Number(await widget.locator('.echart').getAttribute('data-points'))).toBeGreaterThan(before + 30);
    await page.screenshot({ path: screenshotPath('analytics-overlay') });

    const saved = await app.svc.dispatcher.call('dashboards.get', { workspaceId, dashboardId: (await widget.getAttribute('data-widget-id')) ? page.url().split('#/dashboards/')[1]! : '' });
    expect(saved.widgets.find((w) => w.title === 'Revenue by day')!.options.forecastOverlay).toBe(true);
    await page.reload();
    await waitForDashboard(page);
    await widget.locator('.forecast-caption[data-forecast="ready"]').waitFor({ timeout: 60_000 });

    await widget.getByRole('button', { name: /Actions for Revenue by day/ }).click();
    await page.getByRole('menuitem', { name: 'Hide forecast' }).click();
    await widget.locator('.forecast-caption').waitFor({ state: 'detached' });
  });

  it('offers the forecast overlay on every time-series widget and no other; a stacked chart forecasts its total', async () => {
    // The sample dashboard's time-series charts: a line by day and a stacked area by week. The pie,
    // KPIs, the category bar, the month × category heatmap and the table have no time axis to extend.
    const timeSeries = ['Revenue by day', 'Sessions by channel per week'];
    const titles = await page.locator('[data-widget-id] .widget-title').allTextContents();
    expect(titles.length).toBeGreaterThan(6);
    for (const title of titles) {
      await page.getByRole('button', { name: `Actions for ${title}` }).click();
      const offered = await page.getByRole('menuitem', { name: 'Show forecast' }).count();
      await page.keyboard.press('Escape');
      expect(`${title}: ${offered}`).toBe(`${title}: ${timeSeries.includes(title) ? 1 : 0}`);
    }
    const widget = page.locator('[data-widget-id]', { has: page.locator('.widget-title', { hasText: 'Sessions by channel per week' }) });
    await widget.getByRole('button', { name: /Actions for Sessions by channel per week/ }).click();
    await page.getByRole('menuitem', { name: 'Show forecast' }).click();
    const caption = widget.locator('.forecast-caption[data-forecast="ready"]');
    await caption.waitFor({ timeout: 60_000 });
    expect(await caption.getAttribute('data-forecast-series')).toBe('1');
    expect(await caption.getAttribute('data-forecast-horizon')).toBe('12');
    expect(await caption.textContent()).toMatch(/^Forecast 12 weeks ahead · .+ · 80% and 95% intervals · Stacked: the forecast continues the total$/);
    await widget.getByRole('button', { name: /Actions for Sessions by channel per week/ }).click();
    await page.getByRole('menuitem', { name: 'Hide forecast' }).click();
    await caption.waitFor({ state: 'detached' });
  });

  it('hides Analytics from a role without view_analytics, and main refuses its calls', async () => {
    const link = page.locator('a.nav-item[href="#/analytics"]');
    setWorkspaceRole(app.svc.core().settings, workspaceId, 'viewer');
    app.svc.events.emit('workspaces.changed', {});
    await link.waitFor({ state: 'detached' });
    await page.evaluate(() => (location.hash = '#/analytics'));
    await page.getByText('Analytics is not available to your role').waitFor();
    expect(await page.locator('#analytics-panel-correlation').count()).toBe(0);
    await expect(app.svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId: salesId, columns: ['orders', 'units'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId: salesId, timeColumn: 'date', valueColumn: 'revenue', horizon: 7 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    setWorkspaceRole(app.svc.core().settings, workspaceId, 'local');
    app.svc.events.emit('workspaces.changed', {});
    await link.waitFor();
    await page.locator('#analytics-panel-correlation').waitFor();
    expect(errors).toEqual([]);
  });
});
