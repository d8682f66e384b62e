/**
 * The four renderers against a model built from fixture data, read back by real readers: poppler for
 * the PDF, exceljs for the workbook, a zip reader for the deck, the HTML as text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPrinter } from '../../../main/reports/pdf/chromium-printer.js';
import { readPdfOutline } from '../../../main/reports/pdf/outline.js';
import { chartRendererFor, generateReport } from '../../../main/reports/generate.js';
import { renderEmail } from '../../../main/reports/render/email-html.js';
import { fixtureModel, MONTHS } from './fixtures.js';
import { readPdf } from './pdf-helpers.js';
import { tempDir } from '../../helpers/browser.js';

const LOGO = `data:image/png;base64,${new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#c0392b"/></svg>').render().asPng().toString('base64')}`;

const printer = new ChromiumPrinter();
afterAll(() => printer.close());

describe('PDF (Chromium)', () => {
  it('has a cover, a table of contents with the right page numbers, bookmarks, selectable text and links', async () => {
    const model = { ...fixtureModel('builtin:detailed-analytics'), fullReportUrl: 'https://reports.example.com/full/abc' };
    const { files } = await generateReport(model, { formats: ['pdf'], fileBase: 'r', printer, maxBytes: 50e6 });
    const pdf = readPdf(files[0]!.content);
    expect(pdf.tagged).toBe(true);
    expect(pdf.pageSize).toMatch(/\(A4\)/);
    expect(Number(pdf.pageSize.split(" x ")[0])).toBeLessThan(600);
    expect(pdf.pages).toBeGreaterThanOrEqual(6);
    // Titles and KPI values are text, not pictures.
    expect(pdf.text).toContain('Sales overview');
    expect(pdf.text).toContain('$1,281,579');
    expect(pdf.text).toContain('unusually high');
    // Bookmarks: the cover title, Contents, every section, widget titles nested under them, the appendix.
    const titles = pdf.outline.map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(['Sales overview', 'Contents', '1. Overview', '2. Key figures', '3. Insights', '4. Charts', '5. Tables', '6. Comments', 'Appendix: data', 'Monthly revenue', 'Top products']));
    // Our own outline reader (used for the TOC) agrees with poppler's.
    expect(readPdfOutline(files[0]!.content).map((o) => [o.title, o.page])).toEqual(pdf.outline.map((o) => [o.title, o.page]));
    // Each TOC line's page number is the page poppler finds the heading on.
    const toc = pdf.pageText(2);
    for (const entry of pdf.outline.filter((o) => /^\d+\. |^Appendix/.test(o.title))) {
      const line = toc.split('\n').find((l) => l.trim().startsWith(entry.title));
      expect(line, entry.title).toBeDefined();
      expect(Number(/(\d+)\s*$/.exec(line!)![1]), entry.title).toBe(entry.page);
      expect(pdf.pageText(entry.page)).toContain(entry.title);
    }
    // Working links: the external link and the TOC's internal links are link annotations.
    expect(pdf.raw).toMatch(/\/URI \(https:\/\/reports\.example\.com\/full\/abc\)/);
    expect((pdf.raw.match(/\/Subtype \/Link/g) ?? []).length).toBeGreaterThanOrEqual(8);
    // Header and footer on inner pages, with page x of y.
    expect(pdf.pageText(3)).toMatch(new RegExp(`Page 3 of ${pdf.pages}`));
  });

  it('prints Letter landscape and Legal portrait, without a cover for Weekly Status', async () => {
    const landscape = fixtureModel('builtin:weekly-status', undefined, { page: { size: 'Letter', orientation: 'landscape' } });
    const a = readPdf((await generateReport(landscape, { formats: ['pdf'], fileBase: 'r', printer, maxBytes: 50e6 })).files[0]!.content);
    expect(a.pageSize).toMatch(/792 x 612/);
    expect(a.outline[0]!.title).toBe('Sales overview');
    expect(a.outline.map((o) => o.title)).not.toContain('Contents');
    const legal = fixtureModel('builtin:executive-summary', undefined, { page: { size: 'Legal', orientation: 'portrait' } });
    const b = readPdf((await generateReport(legal, { formats: ['pdf'], fileBase: 'r', printer, maxBytes: 50e6 })).files[0]!.content);
    expect(b.pageSize).toMatch(/612 x 1008/);
  });
});

describe('branding', () => {
  it('puts the logo on the cover and the title slide, the brand colour, and the header and footer on every inner page', async () => {
    const model = fixtureModel('builtin:executive-summary', undefined, {
      branding: { companyName: 'Acme Corp', logo: LOGO, primaryColor: '#c0392b', accentColor: '#16a085' },
      headerText: 'Confidential · {{report.name}}',
      footerText: '{{branding.companyName}} finance team',
    });
    const { files } = await generateReport(model, { formats: ['pdf', 'pptx'], fileBase: 'r', printer, maxBytes: 50e6 });
    const pdf = readPdf(files[0]!.content);
    const dir = tempDir('udash-logo-');
    const file = path.join(dir, 'r.pdf');
    fs.writeFileSync(file, files[0]!.content);
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    // Page 1 rasterised by poppler (PPM: a text header, then RGB bytes): the brand colour is on it.
    const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', file]);
    fs.rmSync(dir, { recursive: true, force: true });
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const pixels = ppm.subarray(header[0].length);
    let brand = 0;
    for (let i = 0; i + 2 < pixels.length; i += 3) if (Math.abs(pixels[i]! - 0xc0) < 6 && Math.abs(pixels[i + 1]! - 0x39) < 6 && Math.abs(pixels[i + 2]! - 0x2b) < 6) brand++;
    expect(brand).toBeGreaterThan(50);
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(pdf.pageText(2)).toContain('Confidential · Sales overview');
    expect(pdf.pageText(2)).toContain('Acme Corp finance team');
    expect(pdf.pageText(1)).not.toContain('Confidential');
    const zip = await JSZip.loadAsync(files[1]!.content);
    expect(Object.keys(zip.files).some((n) => /^ppt\/media\/image/.test(n))).toBe(true);
    expect(await zip.file('ppt/slides/slide1.xml')!.async('string')).toContain('C0392B');
  });
});

describe('Excel (exceljs)', () => {
  it('has a summary, a formatted sheet per widget with live totals and chart images, and a pivot', async () => {
    const model = fixtureModel();
    const { files } = await generateReport(model, { formats: ['xlsx'], fileBase: 'r', printer, maxBytes: 50e6 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[0]!.content as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Total revenue', 'Monthly revenue', 'Orders by region', 'Revenue by channel', 'Top products', 'Pivot']);

    const monthly = wb.getWorksheet('Monthly revenue')!;
    expect(monthly.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(monthly.autoFilter).toBe('A1:B25');
    expect(monthly.getCell('A1').value).toBe('date');
    expect(monthly.getCell('A2').value).toEqual(new Date(MONTHS[0]!));
    const total = monthly.getCell('B26').value as { formula: string; result: number };
    expect(total.formula).toBe('SUM(B2:B25)');
    const rows = model.widgets.find((w) => w.id === 'w-line')!.rows;
    expect(total.result).toBe(rows.reduce((a, r) => a + (r[1] as number), 0));
    expect(monthly.getCell('B2').numFmt).toContain('$');
    expect(monthly.getImages()).toHaveLength(1);
    expect(wb.getWorksheet('Top products')!.getCell('C32').value).toMatchObject({ formula: 'SUM(C2:C31)' });

    const summary = wb.getWorksheet('Summary')!;
    const kpiRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Total revenue')!;
    expect(kpiRow.getCell(2).value).toBe(1_281_579);

    const pivot = wb.getWorksheet('Pivot')!;
    expect((pivot.getRow(2).values as unknown[]).slice(1)).toEqual(['', 'North', 'South', 'East', 'West', 'Total']);
    const bar = model.widgets.find((w) => w.id === 'w-bar')!;
    const q1North = bar.rows.find((r) => r[0] === '2025-01-01T00:00:00.000Z' && r[1] === 'North')![2];
    expect(pivot.getCell('B3').value).toBe(q1North);
    expect(pivot.getCell('F3').value).toMatchObject({ formula: 'SUM(B3:E3)' });
    expect(pivot.getCell('B7').value).toMatchObject({ formula: 'SUM(B3:B6)' });
  });
});

describe('PowerPoint (pptxgenjs)', () => {
  it('has a title slide, a summary, one slide per widget with native charts, and insights as speaker notes', async () => {
    const model = fixtureModel();
    const { files } = await generateReport(model, { formats: ['pptx'], fileBase: 'r', printer, maxBytes: 50e6 });
    const zip = await JSZip.loadAsync(files[0]!.content);
    const names = Object.keys(zip.files);
    const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    // title + summary + 5 widgets + comments
    expect(slides).toHaveLength(2 + model.widgets.length + 1);
    // Native charts: line, stacked bar, doughnut, and the KPI's sparkline.
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBe(4);
    const chartXml = await Promise.all(charts.map((c) => zip.file(c)!.async('string')));
    expect(chartXml.some((x) => x.includes('<c:lineChart>'))).toBe(true);
    expect(chartXml.some((x) => x.includes('<c:barChart>') && x.includes('<c:grouping val="stacked"/>'))).toBe(true);
    expect(chartXml.some((x) => x.includes('<c:doughnutChart>'))).toBe(true);
    const slideXml = await Promise.all(slides.map((s) => zip.file(s)!.async('string')));
    for (const w of model.widgets) expect(slideXml.some((x) => x.includes(`>${w.title}<`)), w.title).toBe(true);
    const notes = await Promise.all(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(notes.some((n) => n.includes('is unusually high compared with the previous 23 months'))).toBe(true);
  });
});

describe('HTML email', () => {
  it('inlines styles, references each chart as a Content-ID PNG and carries figures and insights', async () => {
    const model = fixtureModel();
    const email = await renderEmail(model, chartRendererFor(model), { intro: 'Hello team,\n\nhere is the report.', imageMode: 'cid', fullReportUrl: 'https://x.example/full', attachments: ['Sales.pdf'] });
    expect(email.images.map((i) => i.cid)).toEqual(['chart-1@udash', 'chart-2@udash', 'chart-3@udash']);
    for (const i of email.images) {
      expect(email.html).toContain(`src="cid:${i.cid}"`);
      expect(i.content.subarray(1, 4).toString()).toBe('PNG');
    }
    expect(email.html).toMatch(/<h1 style="[^"]*color: ?#1f4e79/);
    expect(email.html).toContain('$1,281,579');
    expect(email.html).toContain('unusually high');
    expect(email.html).toContain('href="https://x.example/full"');
    expect(email.html).toContain('@media only screen and (max-width: 620px)');
    expect(email.text).toContain('Full report: https://x.example/full');
  });
});
