/**
 * The report as a deck (pptxgenjs): a title slide, a summary slide (headline figures and the main
 * insights), then one slide per widget with a native, editable chart (a table for table and heatmap
 * widgets, a big number for KPIs); each widget slide's speaker notes carry its insights.
 */
import type PptxGenJS from 'pptxgenjs';
import { lazyPptx } from '../lazy-modules.js';
import { formatCell, formatDate, formatNumber, isIsoDate } from '../model/format.js';
import type { ReportModel, WidgetData } from '../model/types.js';
import { seriesOf } from '../model/widget-data.js';
import { hasChart } from '../charts/chart-option.js';
import { columnLabel, isMeasure } from './html-util.js';
import { headlineMetric, kpiTiles } from './kpi-tiles.js';

const W = 13.333;
const FONT = 'Calibri';
const MAX_TABLE_ROWS = 14;
const MAX_POINTS = 1000;

const hex = (c: string) => c.replace('#', '').toUpperCase();

function chartColors(m: ReportModel): string[] {
  return [hex(m.branding.primaryColor), hex(m.branding.accentColor), 'E67E22', '27AE60', '8E44AD', 'C0392B', '16A085', '7F8C8D', 'D4AC0D', '2C3E50'];
}

function titleBar(pptx: PptxGenJS, slide: PptxGenJS.Slide, m: ReportModel, title: string): void {
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: W, h: 0.9, fill: { color: hex(m.branding.primaryColor) }, line: { color: hex(m.branding.primaryColor) } });
  slide.addText(title, { x: 0.4, y: 0.12, w: W - 0.8, h: 0.66, fontFace: FONT, fontSize: 24, bold: true, color: 'FFFFFF' });
  slide.addText(`${m.report.name} · ${m.report.period}`, { x: 0.4, y: 7.05, w: W - 0.8, h: 0.3, fontFace: FONT, fontSize: 10, color: '6B7280' });
}

function titleSlide(pptx: PptxGenJS, m: ReportModel): void {
  const s = pptx.addSlide();
  s.background = { color: hex(m.branding.primaryColor) };
  if (m.branding.logo && !m.branding.logo.startsWith('data:image/svg')) s.addImage({ data: m.branding.logo.slice('data:'.length), x: 0.6, y: 0.5, w: 1.6, h: 0.8, sizing: { type: 'contain', w: 1.6, h: 0.8 } });
  s.addText(m.cover.title || m.report.name, { x: 0.6, y: 2.4, w: W - 1.2, h: 1.2, fontFace: FONT, fontSize: 40, bold: true, color: 'FFFFFF' });
  s.addText(m.cover.subtitle || m.report.period, { x: 0.6, y: 3.6, w: W - 1.2, h: 0.6, fontFace: FONT, fontSize: 20, color: 'E5E7EB' });
  s.addText([m.branding.companyName, `Generated ${m.report.generatedAtText} from "${m.report.dashboardName}"`].filter(Boolean).join('  ·  '), { x: 0.6, y: 6.4, w: W - 1.2, h: 0.4, fontFace: FONT, fontSize: 12, color: 'E5E7EB' });
}

function summarySlide(pptx: PptxGenJS, m: ReportModel): void {
  const s = pptx.addSlide();
  titleBar(pptx, s, m, 'Summary');
  const tiles = kpiTiles(m, m.widgets.filter((w) => w.type === 'kpi').length ? m.widgets.filter((w) => w.type === 'kpi') : m.widgets).slice(0, 6);
  const tileW = (W - 0.8 - 0.25 * (Math.max(tiles.length, 1) - 1)) / Math.max(tiles.length, 1);
  tiles.forEach((t, i) => {
    const x = 0.4 + i * (tileW + 0.25);
    s.addShape(pptx.ShapeType.rect, { x, y: 1.2, w: tileW, h: 1.5, fill: { color: 'F3F4F6' }, line: { color: 'E5E7EB' } });
    s.addText(
      [
        { text: t.label, options: { fontSize: 11, color: '4B5563', breakLine: true } },
        { text: t.value, options: { fontSize: 22, bold: true, color: '111827', breakLine: true } },
        ...(t.change ? [{ text: t.change, options: { fontSize: 10, color: t.direction === 'down' ? 'B91C1C' : t.direction === 'up' ? '15803D' : '6B7280' } }] : []),
      ],
      { x: x + 0.1, y: 1.25, w: tileW - 0.2, h: 1.4, fontFace: FONT, valign: 'middle' },
    );
  });
  const insights = m.insights.slice(0, 7);
  s.addText(
    insights.length ? insights.map((i) => ({ text: i.text, options: { bullet: true, breakLine: true, color: i.severity === 'anomaly' ? '9A3412' : '1F2937', bold: i.severity === 'anomaly' } })) : [{ text: 'Nothing notable in this period.', options: {} }],
    { x: 0.4, y: 3.0, w: W - 0.8, h: 3.9, fontFace: FONT, fontSize: 14, valign: 'top', paraSpaceAfter: 6 },
  );
  s.addNotes(m.insights.map((i) => i.text).join('\n') || 'No insights for this period.');
}

function chartSlide(pptx: PptxGenJS, s: PptxGenJS.Slide, m: ReportModel, w: WidgetData): void {
  const { xs, series } = seriesOf(w);
  const labels = xs.slice(0, MAX_POINTS).map((x) => (isIsoDate(x) ? formatDate(x, w.bucket) : String(x)));
  const data = series.map((sr) => ({ name: sr.name, labels, values: sr.values.slice(0, MAX_POINTS).map((v) => v ?? 0) }));
  const box = { x: 0.4, y: 1.1, w: W - 0.8, h: 5.8 };
  const common = { ...box, chartColors: chartColors(m), showLegend: series.length > 1, legendPos: 'b' as const, legendFontSize: 11, catAxisLabelFontSize: 10, valAxisLabelFontSize: 10, catAxisLabelFontFace: FONT, valAxisLabelFontFace: FONT };
  const valFmt = w.options.format === 'currency' ? '$#,##0' : w.options.format === 'percent' ? '0%' : '#,##0';
  switch (w.type) {
    case 'pie':
      s.addChart(w.options.donut ? pptx.ChartType.doughnut : pptx.ChartType.pie, data.slice(0, 1), { ...common, showLegend: true, legendPos: 'r', showPercent: true, dataLabelFontSize: 11 });
      return;
    case 'bar':
      s.addChart(pptx.ChartType.bar, data, { ...common, barDir: w.options.horizontal ? 'bar' : 'col', barGrouping: w.options.stacked ? 'stacked' : 'clustered', valAxisLabelFormatCode: valFmt });
      return;
    case 'area':
      s.addChart(pptx.ChartType.area, data, { ...common, barGrouping: w.options.stacked ? 'stacked' : 'standard', valAxisLabelFormatCode: valFmt });
      return;
    case 'scatter':
      s.addChart(pptx.ChartType.line, data, { ...common, lineSize: 0, lineDataSymbol: 'circle', lineDataSymbolSize: 6, valAxisLabelFormatCode: valFmt });
      return;
    default:
      s.addChart(pptx.ChartType.line, data, { ...common, lineSize: 2, lineDataSymbol: labels.length > 40 ? 'none' : 'circle', valAxisLabelFormatCode: valFmt });
  }
}

function tableSlide(s: PptxGenJS.Slide, m: ReportModel, w: WidgetData): void {
  const header = w.columns.map((_c, i) => ({ text: columnLabel(w, i), options: { bold: true, color: 'FFFFFF', fill: { color: hex(m.branding.primaryColor) } } }));
  const rows = w.rows.slice(0, MAX_TABLE_ROWS).map((r) => r.map((v, i) => ({ text: formatCell(v, { format: w.options.format ?? 'number', ...(w.bucket ? { bucket: w.bucket } : {}), isMeasure: isMeasure(w, i) }), options: { align: isMeasure(w, i) ? ('right' as const) : ('left' as const) } })));
  s.addTable([header, ...rows], { x: 0.4, y: 1.1, w: W - 0.8, fontFace: FONT, fontSize: 11, border: { type: 'solid', color: 'E5E7EB', pt: 0.5 }, autoPage: false });
  if (w.rows.length > MAX_TABLE_ROWS) s.addText(`First ${MAX_TABLE_ROWS} of ${w.rows.length} rows; the Excel file has them all.`, { x: 0.4, y: 6.7, w: W - 0.8, h: 0.3, fontFace: FONT, fontSize: 10, color: '6B7280' });
}

function kpiSlide(pptx: PptxGenJS, s: PptxGenJS.Slide, m: ReportModel, w: WidgetData): void {
  const metric = headlineMetric(m, w);
  s.addText(metric?.totalText ?? '–', { x: 0.4, y: 2.2, w: W - 0.8, h: 1.8, fontFace: FONT, fontSize: 72, bold: true, color: hex(m.branding.primaryColor), align: 'center' });
  if (metric?.changePct !== null && metric?.changePct !== undefined)
    s.addText(`${metric.changePctText} versus the previous period (${formatNumber(metric.previous, metric.format)})`, { x: 0.4, y: 4.1, w: W - 0.8, h: 0.6, fontFace: FONT, fontSize: 20, color: metric.changePct < 0 ? 'B91C1C' : '15803D', align: 'center' });
  if (w.kpi && w.kpi.sparkline.length > 1) {
    const labels = w.kpi.sparklineX.map((x) => formatDate(x, w.kpi?.sparklineBucket ?? undefined));
    s.addChart(pptx.ChartType.line, [{ name: w.title, labels, values: w.kpi.sparkline.map((v) => v ?? 0) }], { x: 2.5, y: 4.9, w: W - 5, h: 1.9, chartColors: chartColors(m), showLegend: false, lineDataSymbol: 'none', catAxisHidden: true, valAxisHidden: true, valGridLine: { style: 'none' } });
  }
}

export async function renderPptx(m: ReportModel, signal?: AbortSignal): Promise<Buffer> {
  const pptx = new (lazyPptx())();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = m.report.name;
  pptx.company = m.branding.companyName || 'Universal Dashboard';
  pptx.author = 'Universal Dashboard';
  titleSlide(pptx, m);
  summarySlide(pptx, m);
  for (const w of m.widgets) {
    signal?.throwIfAborted();
    const s = pptx.addSlide();
    titleBar(pptx, s, m, w.title);
    if (w.error) s.addText(`This widget could not be shown: ${w.error}`, { x: 0.4, y: 3, w: W - 0.8, h: 1, fontFace: FONT, fontSize: 18, color: 'B91C1C' });
    else if (w.type === 'kpi') kpiSlide(pptx, s, m, w);
    else if (w.type === 'table' || w.type === 'heatmap') tableSlide(s, m, w);
    else if (hasChart(w)) chartSlide(pptx, s, m, w);
    else s.addText('No data for this period.', { x: 0.4, y: 3, w: W - 0.8, h: 1, fontFace: FONT, fontSize: 18, color: '6B7280' });
    const notes = m.insights.filter((i) => i.widgetId === w.id).map((i) => i.text);
    s.addNotes(notes.length ? notes.join('\n') : `${w.title}: no notable changes in ${m.report.period}.`);
  }
  if (m.report.comments) {
    const s = pptx.addSlide();
    titleBar(pptx, s, m, 'Comments');
    s.addText(m.report.comments, { x: 0.4, y: 1.2, w: W - 0.8, h: 5.6, fontFace: FONT, fontSize: 16, valign: 'top' });
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
