/**
 * Streaming table writers for exports: CSV (RFC 4180, UTF-8, CRLF-free "\n" line ends) and XLSX
 * (exceljs's streaming WorkbookWriter, so a million-row export never builds the workbook in memory).
 * Both escape formula-like text (formula-escape.ts). Datetimes arrive as ISO strings and become real
 * date cells in XLSX.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Scalar } from '../../shared/model/query.js';
import { escapeFormula } from './formula-escape.js';

export interface ExportColumn {
  name: string;
  /** A dataset column type, or a query result type ("datetime", "number", …). */
  type: string;
}

export interface TableWriter {
  write(row: readonly Scalar[]): Promise<void>;
  /** Finishes the file; returns its size in bytes. */
  close(): Promise<number>;
  /** Stops and removes the partial file. */
  abort(): Promise<void>;
}

function csvField(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = escapeFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function openCsvWriter(file: string, columns: readonly ExportColumn[]): Promise<TableWriter> {
  const out = fs.createWriteStream(file);
  await once(out, 'open');
  let buf = columns.map((c) => csvField(c.name)).join(',') + '\n';
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  return {
    async write(row) {
      buf += row.map(csvField).join(',') + '\n';
      if (buf.length > 64 * 1024) await flush();
    },
    async close() {
      await flush();
      out.end();
      await once(out, 'finish');
      return fs.statSync(file).size;
    },
    async abort() {
      out.destroy();
      fs.rmSync(file, { force: true });
    },
  };
}

export async function openXlsxWriter(file: string, sheetName: string, columns: readonly ExportColumn[]): Promise<TableWriter> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Data');
  ws.columns = columns.map((c) => ({
    header: escapeFormula(c.name),
    key: c.name,
    width: Math.min(40, Math.max(10, c.name.length + 2)),
    ...(c.type === 'datetime' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const isDate = columns.map((c) => c.type === 'datetime');
  return {
    async write(row) {
      const values = row.map((v, i) => {
        if (v === null) return null;
        if (typeof v === 'string') {
          if (isDate[i]) {
            const d = new Date(v);
            if (!Number.isNaN(d.getTime())) return d;
          }
          return escapeFormula(v);
        }
        return v;
      });
      ws.addRow(values).commit();
    },
    async close() {
      ws.commit();
      await wb.commit();
      return fs.statSync(file).size;
    },
    async abort() {
      try {
        await wb.commit();
      } catch {
        // Already broken; the file goes anyway.
      }
      fs.rmSync(file, { force: true });
    },
  };
}
