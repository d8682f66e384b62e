/**
 * One report model → the requested files. The PDF prints in Chromium (another process) while the
 * spreadsheet, the deck and the email are built here, so they overlap. Each finished file counts
 * against the per-report size limit; going over stops the rest with a message saying what to change.
 */
import { UdashError } from '../../shared/errors.js';
import type { OutputFormat } from '../../shared/model/report.js';
import { ChartRenderer } from './charts/chart-renderer.js';
import { hasChart, palette } from './charts/chart-option.js';
import type { ReportModel } from './model/types.js';
import { printReportPdf } from './pdf/print-report.js';
import type { PdfPrinter } from './pdf/printer.js';
import { renderEmail, type EmailContent, type EmailOptions } from './render/email-html.js';
import { renderPptx } from './render/pptx.js';
import { renderXlsx } from './render/xlsx.js';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html; charset=utf-8',
};

export interface GeneratedFile {
  format: OutputFormat;
  /** File name with extension. */
  name: string;
  contentType: string;
  content: Buffer;
}

export interface GenerateOptions {
  formats: OutputFormat[];
  /** File name without extension (already safe). */
  fileBase: string;
  printer: PdfPrinter;
  maxBytes: number;
  signal?: AbortSignal;
  /** Email settings; the email is built when 'html' is among the formats or `wantEmail` is set. */
  email?: Omit<EmailOptions, 'imageMode'>;
  wantEmail?: boolean;
  /** Reuse charts already rendered for this model (the email built after the files). */
  charts?: ChartRenderer;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** The email (images by Content-ID), ready to send. */
  email: EmailContent | null;
  timingsMs: Partial<Record<OutputFormat, number>>;
  totalBytes: number;
}

export function chartRendererFor(model: ReportModel): ChartRenderer {
  return new ChartRenderer(palette(model.branding.primaryColor, model.branding.accentColor));
}

/** Safe across Windows, macOS and Linux; keeps letters of every script. */
export function safeFileName(s: string): string {
  const cleaned = s
    // Control characters are not allowed in file names on any platform.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'report';
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function generateReport(model: ReportModel, o: GenerateOptions): Promise<GenerateResult> {
  const charts = o.charts ?? chartRendererFor(model);
  const controller = new AbortController();
  const stop = () => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', stop, { once: true });
  const signal = controller.signal;
  const files: GeneratedFile[] = [];
  const timingsMs: GenerateResult['timingsMs'] = {};
  let total = 0;
  let email: EmailContent | null = null;

  const add = (format: OutputFormat, content: Buffer, started: number) => {
    timingsMs[format] = performance.now() - started;
    total += content.length;
    if (total > o.maxBytes) {
      const err = new UdashError(
        'LIMIT',
        `The report "${model.report.name}" reached ${mb(total)} (after its ${format.toUpperCase()} file), over the ${mb(o.maxBytes)} limit per report. Choose fewer widgets or formats, or a shorter date range.`,
        { bytes: total, limit: o.maxBytes, format },
      );
      controller.abort(err);
      throw err;
    }
    files.push({ format, name: `${o.fileBase}.${format}`, contentType: CONTENT_TYPES[format], content });
  };

  // Chart images are needed by the spreadsheet and the email: rasterise them all at once, off the main thread.
  if (o.formats.includes('xlsx') || o.formats.includes('html') || o.wantEmail) charts.prefetchPngs(model.widgets.filter(hasChart));
  const jobs: Promise<void>[] = [];
  // The PDF first: Chromium prints in its own process while the rest is built here.
  if (o.formats.includes('pdf')) {
    const t = performance.now();
    jobs.push(printReportPdf(model, charts, o.printer, signal).then((pdf) => add('pdf', pdf, t)));
  }
  const local = async () => {
    if (o.formats.includes('xlsx')) {
      const t = performance.now();
      add('xlsx', await renderXlsx(model, charts, signal), t);
    }
    if (o.formats.includes('pptx')) {
      const t = performance.now();
      add('pptx', await renderPptx(model, signal), t);
    }
    if (o.formats.includes('html') || o.wantEmail) {
      const t = performance.now();
      email = await renderEmail(model, charts, { intro: '', ...o.email, imageMode: 'cid' });
      if (o.formats.includes('html')) add('html', Buffer.from(standaloneHtml(email), 'utf8'), t);
    }
  };
  jobs.push(local());
  try {
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw signal.reason instanceof UdashError ? signal.reason : o.signal?.aborted ? (o.signal.reason ?? failed.reason) : failed.reason;
  } finally {
    o.signal?.removeEventListener('abort', stop);
  }
  const order = o.formats;
  files.sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format));
  return { files, email, timingsMs, totalBytes: total };
}

/** The email as a file to open in a browser: Content-ID images become data: URLs. */
export function standaloneHtml(email: EmailContent): string {
  let html = email.html;
  for (const img of email.images) html = html.split(`cid:${img.cid}`).join(`data:image/png;base64,${img.content.toString('base64')}`);
  return html;
}
