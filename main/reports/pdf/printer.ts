/**
 * Turns a report's HTML into a PDF. Two implementations fit behind this: headless Chromium through
 * playwright-core (CLI, `udash serve`, tests, and the app when no window exists) and, in the desktop
 * app, Electron's webContents.printToPDF (main/electron supplies it as `pdfPrinter` on its Platform).
 * Both must honour CSS page size, print backgrounds and emit the document outline from headings.
 */
import type { Platform } from '../../platform.js';

export interface PdfPrintOptions {
  signal?: AbortSignal;
}

export interface PdfPrinter {
  readonly name: string;
  print(html: string, opts?: PdfPrintOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** A platform that can print (the Electron shell adds `pdfPrinter` to the Platform it passes in). */
export type PdfCapablePlatform = Platform & { readonly pdfPrinter?: PdfPrinter };
