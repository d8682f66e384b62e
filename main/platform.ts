/**
 * What differs between the desktop app and plain Node (CLI, `udash serve`, tests), behind one
 * interface: the Electron shell passes an implementation built on dialog, Notification, printToPDF
 * and safeStorage; elsewhere the defaults apply (no dialogs; headless Chromium for PDF).
 */
import type { PdfPrinter } from './reports/pdf/printer.js';

export interface Platform {
  readonly kind: 'electron' | 'node';
  /** Asks the user where to save a produced file and copies it there; null when cancelled. */
  saveFile?(sourcePath: string, suggestedName: string): Promise<string | null>;
  /** An OS notification (alerts, finished reports). */
  notify?(title: string, body: string): void;
  /** Encrypts/decrypts small secrets with an OS-protected key (Electron safeStorage). */
  protectSecret?(plain: Buffer): Buffer;
  unprotectSecret?(sealed: Buffer): Buffer;
  /** Prints report HTML to PDF with the app's own Chromium (Electron printToPDF). */
  readonly pdfPrinter?: PdfPrinter;
}

export const NODE_PLATFORM: Platform = { kind: 'node' };
