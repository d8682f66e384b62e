/**
 * Report PDFs in the desktop app: Electron's own Chromium prints, so no second browser is launched.
 * Each print loads the report HTML from a temp file into a hidden, sandboxed window with JavaScript
 * off and every request other than that file refused (templates can neither run code nor fetch).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter, PdfPrintOptions } from '../reports/pdf/printer.js';

export function electronPdfPrinter(): PdfPrinter {
  const ses = session.fromPartition('udash-report-print', { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') && !details.url.startsWith('data:') }));
  ses.setPermissionRequestHandler((_wc, _p, cb) => cb(false));

  return {
    name: 'electron',
    async print(html: string, opts: PdfPrintOptions = {}): Promise<Buffer> {
      opts.signal?.throwIfAborted();
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'udash-print-'));
      const file = path.join(dir, 'report.html');
      await fs.promises.writeFile(file, html);
      const win = new BrowserWindow({ show: false, webPreferences: { session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
      const abort = () => win.destroy();
      opts.signal?.addEventListener('abort', abort, { once: true });
      try {
        await win.loadURL(pathToFileURL(file).href);
        const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true, generateTaggedPDF: true });
        opts.signal?.throwIfAborted();
        return pdf;
      } finally {
        opts.signal?.removeEventListener('abort', abort);
        if (!win.isDestroyed()) win.destroy();
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      // Windows are per print; nothing stays open.
    },
  };
}
