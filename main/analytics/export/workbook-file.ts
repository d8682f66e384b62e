/**
 * Small multi-sheet workbooks and CSV tables for analytics results, written under the exports
 * folder and registered as downloads. Results are at most tens of thousands of rows, so the XLSX is
 * built in memory (exceljs Workbook), unlike dataset exports which stream. Every text cell goes
 * through the formula escape: column names come from users' files.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Scalar } from '../../../shared/model/query.js';
import { escapeFormula } from '../../export/formula-escape.js';
import { safeFileName } from '../../export/export-file.js';
import { openCsvWriter } from '../../export/writers.js';
import type { Services } from '../../services.js';

export interface Sheet {
  name: string;
  columns: string[];
  rows: Scalar[][];
  /** Number format for numeric cells, by column index (exceljs numFmt). */
  formats?: Record<number, string>;
}

export interface ExportFile {
  downloadId: string;
  fileName: string;
  bytes: number;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function target(svc: Services, title: string, ext: string): { stored: string; fileName: string } {
  fs.mkdirSync(svc.paths.exports, { recursive: true });
  const base = safeFileName(title);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return { stored: path.join(svc.paths.exports, `${base}-${stamp}-${randomBytes(3).toString('hex')}.${ext}`), fileName: `${base}.${ext}` };
}

/** One table as CSV (RFC 4180, formula-like text escaped). */
export async function writeCsvTable(svc: Services, title: string, sheet: Sheet): Promise<ExportFile> {
  const { stored, fileName } = target(svc, title, 'csv');
  const writer = await openCsvWriter(stored, sheet.columns.map((name) => ({ name, type: 'text' })));
  try {
    for (const row of sheet.rows) await writer.write(row);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  const bytes = await writer.close();
  const d = svc.downloads.register(stored, fileName, 'text/csv; charset=utf-8');
  return { downloadId: d.id, fileName, bytes };
}

/** Several tables as the sheets of one XLSX workbook. */
export async function writeWorkbook(svc: Services, title: string, sheets: Sheet[]): Promise<ExportFile> {
  const { default: ExcelJS } = await import('exceljs');
  const { stored, fileName } = target(svc, title, 'xlsx');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Universal Dashboard';
  wb.created = new Date();
  for (const sheet of sheets) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    const ws = wb.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    ws.columns = sheet.columns.map((name, i) => ({ header: escapeFormula(name), key: String(i), width: Math.min(48, Math.max(10, name.length + 2)), ...(sheet.formats?.[i] ? { style: { numFmt: sheet.formats[i] } } : {}) }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => (typeof v === 'string' ? escapeFormula(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await wb.xlsx.writeFile(stored);
  const bytes = fs.statSync(stored).size;
  const d = svc.downloads.register(stored, fileName, XLSX_TYPE);
  return { downloadId: d.id, fileName, bytes };
}
