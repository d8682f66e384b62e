/**
 * The report as an HTML email: a 600-pixel, table-based layout (what email clients render reliably)
 * with a narrow-screen media query, styles inlined by juice, charts as inline PNG images referenced by
 * Content-ID (or as data: URLs when the HTML is saved as a file), headline figures, the main insights,
 * and a link to the full report. A plain-text alternative says the same in words.
 *
 * Links carry data-udash-link so delivery can swap in per-recipient tracked redirects when the
 * workspace has tracking on; the notice saying so is part of the email then.
 */
import { RASTER_CHART, type ChartRenderer } from '../charts/chart-renderer.js';
import { hasChart } from '../charts/chart-option.js';
import type { ReportModel } from '../model/types.js';
import { dataTable, esc, paragraphs } from './html-util.js';
import { kpiTiles } from './kpi-tiles.js';
import { lazyJuice } from '../lazy-modules.js';

export interface EmailImage {
  cid: string;
  filename: string;
  content: Buffer;
}

export interface EmailContent {
  html: string;
  text: string;
  images: EmailImage[];
}

export interface EmailOptions {
  /** The email's own text (the report's rendered body template). */
  intro: string;
  imageMode: 'cid' | 'data';
  fullReportUrl?: string;
  /** Tracking is on for this workspace: say so in the email. */
  trackingNotice?: boolean;
  /** Names of the attached files, listed in the email. */
  attachments?: string[];
  maxCharts?: number;
}

const CHART = RASTER_CHART;
export const TRACKING_NOTICE = 'This email contains a small tracking image and tracked links, so the sender can see when it is opened and which links are used. Your workspace administrator turned this on.';

function css(m: ReportModel): string {
  const p = m.branding.primaryColor;
  const a = m.branding.accentColor;
  return `
body { margin: 0; padding: 0; background: #f3f4f6; font-family: Arial, Helvetica, sans-serif; color: #1f2937; }
.outer { width: 100%; background: #f3f4f6; padding: 16px 0; }
.container { width: 600px; max-width: 600px; background: #ffffff; margin: 0 auto; border-collapse: collapse; }
.brand { background: ${p}; color: #ffffff; padding: 14px 20px; font-size: 14px; font-weight: bold; }
.content { padding: 20px; font-size: 14px; line-height: 1.5; }
h1 { font-size: 22px; color: ${p}; margin: 0 0 4px 0; }
h2 { font-size: 16px; color: ${p}; margin: 22px 0 8px 0; border-bottom: 2px solid ${a}; padding-bottom: 4px; }
.period { color: #4b5563; font-size: 13px; margin: 0 0 14px 0; }
p { margin: 0 0 10px 0; }
.kpi { border: 1px solid #e5e7eb; border-top: 4px solid ${p}; padding: 10px; width: 50%; vertical-align: top; }
.kpi-label { font-size: 12px; color: #4b5563; }
.kpi-value { font-size: 22px; font-weight: bold; color: #111827; }
.up { color: #15803d; font-size: 12px; } .down { color: #b91c1c; font-size: 12px; } .flat { color: #6b7280; font-size: 12px; }
.insight { margin: 0 0 6px 0; }
.anomaly { color: #9a3412; font-weight: bold; }
.chart-title { font-size: 14px; font-weight: bold; margin: 18px 0 6px 0; color: #111827; }
.chart { display: block; width: 100%; max-width: 560px; height: auto; border: 0; }
table.data { border-collapse: collapse; width: 100%; font-size: 12px; }
table.data th { background: ${p}; color: #ffffff; text-align: left; padding: 4px 6px; }
table.data td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; }
.num { text-align: right; }
.button { display: inline-block; background: ${a}; color: #ffffff; text-decoration: none; padding: 10px 18px; border-radius: 4px; font-weight: bold; }
.muted { color: #6b7280; font-size: 12px; }
.footer { padding: 14px 20px; color: #6b7280; font-size: 11px; border-top: 1px solid #e5e7eb; }
@media only screen and (max-width: 620px) { .container { width: 100% !important; } .kpi { display: block; width: auto !important; } }
`;
}

export async function renderEmail(m: ReportModel, charts: ChartRenderer, o: EmailOptions): Promise<EmailContent> {
  const images: EmailImage[] = [];
  const text: string[] = [m.report.name, m.report.period, ''];
  const parts: string[] = [];
  parts.push(`<h1>${esc(m.report.name)}</h1><p class="period">${esc(m.report.period)}</p>`);
  if (o.intro.trim()) {
    parts.push(paragraphs(o.intro));
    text.push(o.intro.trim(), '');
  }
  const kpiWidgets = m.widgets.filter((w) => w.type === 'kpi');
  const tiles = kpiTiles(m, kpiWidgets.length ? kpiWidgets : m.widgets.filter((w) => w.type !== 'table')).slice(0, 6);
  if (tiles.length) {
    const rows: string[] = [];
    for (let i = 0; i < tiles.length; i += 2) {
      rows.push(
        `<tr>${tiles
          .slice(i, i + 2)
          .map((t) => `<td class="kpi"><div class="kpi-label">${esc(t.label)}</div><div class="kpi-value">${esc(t.value)}</div>${t.change ? `<div class="${t.direction}">${t.direction === 'up' ? '▲' : t.direction === 'down' ? '▼' : '■'} ${esc(t.change)}</div>` : ''}</td>`)
          .join('')}</tr>`,
      );
    }
    parts.push(`<h2>Key figures</h2><table role="presentation" width="100%" cellpadding="0" cellspacing="6">${rows.join('')}</table>`);
    text.push('Key figures', ...tiles.map((t) => `- ${t.label}: ${t.value}${t.change ? ` (${t.change})` : ''}`), '');
  }
  const top = m.insights.slice(0, 6);
  if (top.length) {
    parts.push(`<h2>Highlights</h2>${top.map((i) => `<p class="insight${i.severity === 'anomaly' ? ' anomaly' : ''}">• ${esc(i.text)}</p>`).join('')}`);
    text.push('Highlights', ...top.map((i) => `- ${i.text}`), '');
  }
  const chartWidgets = m.widgets.filter(hasChart).slice(0, o.maxCharts ?? 10);
  const pngs = await Promise.all(chartWidgets.map((w) => charts.png(w, CHART)));
  const chartHtml: string[] = [];
  chartWidgets.forEach((w, i) => {
    const png = pngs[i];
    if (!png) return;
    const cid = `chart-${i + 1}@udash`;
    const src = o.imageMode === 'cid' ? `cid:${cid}` : `data:image/png;base64,${png.toString('base64')}`;
    if (o.imageMode === 'cid') images.push({ cid, filename: `chart-${i + 1}.png`, content: png });
    chartHtml.push(`<div class="chart-title">${esc(w.title)}</div><img class="chart" src="${src}" width="${CHART.width}" alt="${esc(`Chart: ${w.title}`)}">`);
  });
  if (chartHtml.length) parts.push(`<h2>Charts</h2>${chartHtml.join('')}`);
  for (const w of m.widgets.filter((x) => x.type === 'table' && !x.error && x.rows.length)) {
    parts.push(`<div class="chart-title">${esc(w.title)}</div>${dataTable(w, 8)}`);
  }
  if (o.fullReportUrl) {
    parts.push(`<p style="margin-top:22px"><a class="button" data-udash-link href="${esc(o.fullReportUrl)}">Open the full report</a></p>`);
    text.push(`Full report: ${o.fullReportUrl}`, '');
  }
  if (o.attachments?.length) {
    parts.push(`<p class="muted">Attached: ${o.attachments.map(esc).join(', ')}</p>`);
    text.push(`Attached: ${o.attachments.join(', ')}`, '');
  }
  const footer = [`Sent by Universal Dashboard from the workspace “${esc(m.report.workspaceName)}”, dashboard “${esc(m.report.dashboardName)}”.`, o.trackingNotice ? esc(TRACKING_NOTICE) : ''].filter(Boolean).join('<br>');
  if (o.trackingNotice) text.push(TRACKING_NOTICE);
  const brand = esc(m.branding.companyName || 'Universal Dashboard');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m.report.name)}</title><style>${css(m)}</style></head>
<body><div class="outer"><table role="presentation" class="container" cellpadding="0" cellspacing="0">
<tr><td class="brand">${brand}</td></tr>
<tr><td class="content">${parts.join('\n')}</td></tr>
<tr><td class="footer">${footer}</td></tr>
</table></div></body></html>`;
  return { html: lazyJuice()(html, { preserveMediaQueries: true, removeStyleTags: true }), text: text.join('\n'), images };
}
