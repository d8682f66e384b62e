/**
 * The report as one HTML document for printing to PDF: cover, table of contents, sections with KPI
 * tiles, vector charts (inline ECharts SVG), tables and insights, an appendix of data. Headings are
 * real h1/h2/h3 so Chromium turns them into the PDF outline (bookmarks); the page header and footer
 * are CSS @page margin boxes (with page x of y). The TOC's page numbers come from a first printing
 * (see pdf/print-report.ts) and are passed back in `pageNumbers`.
 *
 * No script runs in this document: the printer disables JavaScript and blocks every network request.
 */
import type { ReportModel, ResolvedSection, WidgetData } from '../model/types.js';
import type { ChartRenderer } from '../charts/chart-renderer.js';
import { hasChart } from '../charts/chart-option.js';
import { filterInsights } from '../templates/resolve.js';
import { cssString, dataTable, esc, paragraphs } from './html-util.js';
import { kpiTiles } from './kpi-tiles.js';
import { chartSize, MARGIN_MM } from './page-geometry.js';

export interface DocumentOptions {
  /** Page of each heading anchor ("sec-2", "appendix"); omitted in the first printing. */
  pageNumbers?: Map<string, number>;
  maxTableRows?: number;
  maxAppendixRows?: number;
}

export const APPENDIX_ANCHOR = 'appendix';
export const TOC_TITLE = 'Contents';

/** The exact heading text of a section (the outline entry the TOC is matched against). */
export function sectionHeading(s: Pick<ResolvedSection, 'number' | 'title'>): string {
  return `${s.number}. ${s.title || 'Section'}`;
}

function styles(m: ReportModel): string {
  const { primaryColor: primary, accentColor: accent } = m.branding;
  const size = `${m.page.size} ${m.page.orientation}`;
  const header = m.headerText || `${m.report.name} · ${m.report.period}`;
  const footer = m.footerText || m.branding.companyName || 'Universal Dashboard';
  const box = (content: string) => `content: ${content}; font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #666;`;
  return `
@page { size: ${size}; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.side}mm;
  @top-left { ${box(cssString(header))} }
  @bottom-left { ${box(cssString(footer))} }
  @bottom-right { ${box('"Page " counter(page) " of " counter(pages)')} }
}
${m.cover.enabled ? '@page :first { @top-left { content: none } @bottom-left { content: none } @bottom-right { content: none } }' : ''}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #1d2430; margin: 0; line-height: 1.45; }
h1, h2, h3 { color: ${primary}; line-height: 1.2; break-after: avoid; }
h1 { font-size: 26pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 18pt 0 8pt; padding-bottom: 4pt; border-bottom: 2px solid ${accent}; }
h3 { font-size: 11pt; margin: 10pt 0 6pt; }
a { color: ${accent}; }
p { margin: 0 0 7pt; }
.muted { color: #6b7280; font-size: 8.5pt; }
.cover { height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; border-left: 10px solid ${primary}; padding-left: 18mm; }
.cover .logo { max-height: 28mm; max-width: 70mm; margin-bottom: 14mm; }
.cover .subtitle { font-size: 14pt; color: #374151; margin-bottom: 24pt; }
.cover .meta { color: #4b5563; }
.title-block { margin-bottom: 10pt; }
.title-block .subtitle { font-size: 12pt; color: #374151; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li a { display: flex; text-decoration: none; color: #1d2430; padding: 3pt 0; }
.toc li .t { flex: 0 0 auto; }
.toc li .dots { flex: 1 1 auto; border-bottom: 1px dotted #9ca3af; margin: 0 6pt 4pt; }
.toc li .pg { flex: 0 0 auto; font-variant-numeric: tabular-nums; }
.section.break { break-before: page; }
.kpis { display: flex; flex-wrap: wrap; gap: 8pt; margin: 6pt 0 10pt; }
.kpi { flex: 1 1 150px; max-width: 240px; border: 1px solid #e5e7eb; border-top: 4px solid ${primary}; border-radius: 4px; padding: 8pt 10pt; break-inside: avoid; }
.kpi .label { font-size: 8.5pt; color: #4b5563; }
.kpi .value { font-size: 17pt; font-weight: bold; color: #111827; font-variant-numeric: tabular-nums; }
.kpi .delta { font-size: 8.5pt; }
.delta.up { color: #15803d; } .delta.down { color: #b91c1c; } .delta.flat { color: #6b7280; }
.grid { display: grid; gap: 16px; }
.grid.cols-1 { grid-template-columns: 1fr; } .grid.cols-2 { grid-template-columns: 1fr 1fr; } .grid.cols-3 { grid-template-columns: 1fr 1fr 1fr; }
figure { margin: 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4pt 0 8pt; }
table.data th { background: ${primary}; color: #fff; text-align: left; padding: 3pt 5pt; }
table.data td { border-bottom: 1px solid #e5e7eb; padding: 2.5pt 5pt; }
table.data tr { break-inside: avoid; }
table.data thead { display: table-header-group; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.insights { padding-left: 14pt; }
ul.insights li { margin-bottom: 4pt; }
ul.insights li.anomaly { color: #9a3412; font-weight: bold; }
.widget-error { border: 1px dashed #b91c1c; color: #b91c1c; padding: 8pt; }
${m.template.css}
`;
}

function tiles(m: ReportModel, widgets: WidgetData[]): string {
  const list = kpiTiles(m, widgets);
  if (list.length === 0) return '';
  return `<div class="kpis">${list
    .map(
      (t) =>
        `<div class="kpi"><div class="label">${esc(t.label)}</div><div class="value">${esc(t.value)}</div>${t.change ? `<div class="delta ${t.direction}">${t.direction === 'up' ? '▲' : t.direction === 'down' ? '▼' : '■'} ${esc(t.change)}</div>` : ''}</div>`,
    )
    .join('')}</div>`;
}

function widgetError(w: WidgetData): string {
  return `<div class="widget-error">${esc(w.title)} could not be shown: ${esc(w.error)}</div>`;
}

function figure(m: ReportModel, charts: ChartRenderer, w: WidgetData, columns: number, withData: boolean, maxRows: number): string {
  if (w.error) return `<figure><h3>${esc(w.title)}</h3>${widgetError(w)}</figure>`;
  if (!hasChart(w)) return `<figure><h3>${esc(w.title)}</h3><p class="muted">No data for this period.</p></figure>`;
  const svg = charts.svg(w, chartSize(m.page, columns)) ?? '';
  return `<figure><h3>${esc(w.title)}</h3>${svg}${withData ? dataTable(w, Math.min(maxRows, 40)) : ''}</figure>`;
}

function insightList(m: ReportModel, s: ResolvedSection): string {
  const list = filterInsights(m.insights, s.insightFilter, s.widgets.length ? s.widgets : undefined);
  if (list.length === 0) return '<p class="muted">Nothing notable in this period.</p>';
  return `<ul class="insights">${list.map((i) => `<li class="${i.severity}">${esc(i.text)}</li>`).join('')}</ul>`;
}

function sectionBody(m: ReportModel, charts: ChartRenderer, s: ResolvedSection, maxRows: number): string {
  switch (s.kind) {
    case 'text':
      return '';
    case 'comments':
      return paragraphs(m.report.comments);
    case 'insights':
      return insightList(m, s);
    case 'kpis':
      return tiles(m, s.widgets);
    case 'tables':
      return s.widgets.map((w) => `<h3>${esc(w.title)}</h3>${w.error ? widgetError(w) : dataTable(w, maxRows)}`).join('\n');
    case 'charts':
      return `<div class="grid cols-${s.columns}">${s.widgets.map((w) => figure(m, charts, w, s.columns, s.withData, maxRows)).join('\n')}</div>`;
    case 'widgets': {
      const kpis = s.widgets.filter((w) => w.type === 'kpi');
      const rest = s.widgets.filter((w) => w.type !== 'kpi');
      return (
        tiles(m, kpis) +
        rest
          .map((w) => (w.type === 'table' ? `<h3>${esc(w.title)}</h3>${w.error ? widgetError(w) : dataTable(w, maxRows)}` : `<div class="grid cols-${s.columns}">${figure(m, charts, w, s.columns, s.withData, maxRows)}</div>`))
          .join('\n')
      );
    }
  }
}

function tocEntries(m: ReportModel): { anchor: string; title: string }[] {
  const list = m.sections.map((s) => ({ anchor: s.anchor, title: sectionHeading(s) }));
  if (m.appendix.enabled) list.push({ anchor: APPENDIX_ANCHOR, title: m.appendix.title || 'Appendix' });
  return list;
}

export function renderDocumentHtml(m: ReportModel, charts: ChartRenderer, opts: DocumentOptions = {}): string {
  const maxRows = opts.maxTableRows ?? 200;
  const parts: string[] = [];
  const logo = m.cover.showLogo && m.branding.logo ? `<img class="logo" src="${esc(m.branding.logo)}" alt="${esc(m.branding.companyName || 'Logo')}">` : '';
  if (m.cover.enabled) {
    parts.push(`<section class="cover">${logo}<h1>${esc(m.cover.title)}</h1><p class="subtitle">${esc(m.cover.subtitle)}</p>
<p class="meta">${m.branding.companyName ? `${esc(m.branding.companyName)} · ` : ''}Generated ${esc(m.report.generatedAtText)} from the dashboard “${esc(m.report.dashboardName)}”</p>
${m.report.description ? paragraphs(m.report.description, 'meta') : ''}
${m.fullReportUrl ? `<p class="meta"><a href="${esc(m.fullReportUrl)}">Open the full report</a></p>` : ''}</section>`);
  } else {
    parts.push(`<div class="title-block"><h1>${esc(m.cover.title)}</h1><p class="subtitle">${esc(m.cover.subtitle)}</p></div>`);
  }
  if (m.toc) {
    const entries = tocEntries(m)
      .map((e) => `<li><a href="#${e.anchor}"><span class="t">${esc(e.title)}</span><span class="dots"></span><span class="pg">${opts.pageNumbers?.get(e.anchor) ?? '00'}</span></a></li>`)
      .join('\n');
    parts.push(`<nav class="toc"><h2>${TOC_TITLE}</h2><ol>${entries}</ol></nav>`);
  }
  for (const s of m.sections) {
    parts.push(`<section id="${s.anchor}" class="section kind-${s.kind}${s.pageBreakBefore ? ' break' : ''}"><h2>${esc(sectionHeading(s))}</h2>${paragraphs(s.text)}${sectionBody(m, charts, s, maxRows)}</section>`);
  }
  if (m.appendix.enabled) {
    const tables = m.appendix.dataTables
      ? m.widgets
          .filter((w) => !w.error)
          .map((w) => `<h3>${esc(w.title)}</h3>${dataTable(w, opts.maxAppendixRows ?? 500)}`)
          .join('\n')
      : '';
    parts.push(`<section id="${APPENDIX_ANCHOR}" class="section break"><h2>${esc(m.appendix.title || 'Appendix')}</h2>${paragraphs(m.appendix.text)}${tables}</section>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(m.report.name)}</title><style>${styles(m)}</style></head><body>${parts.join('\n')}</body></html>`;
}

export { tocEntries };
