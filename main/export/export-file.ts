import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Scalar } from '../../shared/model/query.js';
import type { Services } from '../services.js';
import { openCsvWriter, openXlsxWriter, type ExportColumn } from './writers.js';

export type ExportFormat = 'csv' | 'xlsx';
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A name safe on every file system, keeping the user's words (letters in any script, digits, spaces, - _ .). */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N} _.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100);
  return cleaned || 'export';
}

/**
 * Writes rows (pulled page by page from `pages`) to a new file under the exports folder and registers
 * it as a download. The stored file gets a unique name; `fileName` is what the user sees.
 */
export async function writeExport(
  svc: Services,
  args: { title: string; format: ExportFormat; columns: ExportColumn[]; pages: AsyncIterable<Scalar[][]>; signal?: AbortSignal; onRows?: (n: number) => void },
): Promise<{ downloadId: string; fileName: string; bytes: number }> {
  fs.mkdirSync(svc.paths.exports, { recursive: true });
  const base = safeFileName(args.title);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const stored = path.join(svc.paths.exports, `${base}-${stamp}-${randomBytes(3).toString('hex')}.${args.format}`);
  const writer = args.format === 'csv' ? await openCsvWriter(stored, args.columns) : await openXlsxWriter(stored, base, args.columns);
  let rows = 0;
  try {
    for await (const page of args.pages) {
      if (args.signal?.aborted) throw Object.assign(new Error('cancelled'), { cancelled: true });
      for (const row of page) await writer.write(row);
      rows += page.length;
      args.onRows?.(rows);
    }
  } catch (e) {
    await writer.abort();
    throw e;
  }
  const bytes = await writer.close();
  const fileName = `${base}.${args.format}`;
  const d = svc.downloads.register(stored, fileName, CONTENT_TYPES[args.format]);
  return { downloadId: d.id, fileName, bytes };
}
