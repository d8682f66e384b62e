/**
 * The PDF of a report. With a table of contents it is printed twice: the first printing's outline
 * tells on which page each section heading landed, the second prints those numbers into the TOC
 * (whose length does not change between printings, so neither do the pages).
 */
import type { ChartRenderer } from '../charts/chart-renderer.js';
import type { ReportModel } from '../model/types.js';
import { renderDocumentHtml, tocEntries } from '../render/document-html.js';
import { readPdfOutline } from './outline.js';
import type { PdfPrinter } from './printer.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function printReportPdf(model: ReportModel, charts: ChartRenderer, printer: PdfPrinter, signal?: AbortSignal): Promise<Buffer> {
  const first = await printer.print(renderDocumentHtml(model, charts), { ...(signal ? { signal } : {}) });
  if (!model.toc) return first;
  const outline = readPdfOutline(first);
  const pageNumbers = new Map<string, number>();
  let from = 0;
  for (const e of tocEntries(model)) {
    const at = outline.findIndex((o, i) => i >= from && norm(o.title) === norm(e.title));
    if (at < 0 || outline[at]!.page === null) continue;
    pageNumbers.set(e.anchor, outline[at]!.page!);
    from = at + 1;
  }
  signal?.throwIfAborted();
  return printer.print(renderDocumentHtml(model, charts, { pageNumbers }), { ...(signal ? { signal } : {}) });
}
