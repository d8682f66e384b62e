/**
 * Excel (.xlsx) import with exceljs's streaming WorkbookReader: the chosen sheet's rows are read as
 * they are unzipped, so big workbooks never sit in memory. Merged cells keep their value in the
 * top-left cell only (the others read as empty), which is how the file stores them.
 */
import fs from 'node:fs';
import type { Row } from 'exceljs';
import { UdashError } from '../../../shared/errors.js';
import { BATCH_ROWS } from '../limits.js';
import type { RawValue } from '../types.js';
import { cellValue } from './cells.js';

export interface XlsxBatch {
  kind: 'arrays';
  rows: RawValue[][];
  rowNumbers: number[];
  bytesRead: number;
}

interface SheetInfo {
  sheets: string[];
  sheet: string;
}

interface ReaderInternals {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

/**
 * Yields the chosen sheet's rows (the header row included). `onSheet` is called once the workbook's
 * sheet names are known, before the first batch.
 */
export async function* readXlsxRows(file: string, displayName: string, wanted: string | undefined, onSheet: (info: SheetInfo) => void): AsyncGenerator<XlsxBatch> {
  // Loaded here, not at the top: the bundles inline this module, so a top-level import would load
  // exceljs (~1 s) at every start of the CLI and the app.
  const ExcelJS: typeof import('exceljs') = (await import('exceljs')).default;
  const stream = fs.createReadStream(file);
  let bytesRead = 0;
  stream.on('data', (b) => (bytesRead += b.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const internals = reader as unknown as ReaderInternals;
  const seen: string[] = [];
  let found = false;
  try {
    for await (const ws of reader) {
      const sheetReader = ws as unknown as AsyncIterable<Row> & { name?: string };
      const names = internals.model?.sheets?.map((s) => s.name) ?? [];
      const name = sheetReader.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      const target = wanted ?? names[0] ?? name;
      if (name !== target) continue;
      found = true;
      onSheet({ sheets: names.length ? names : seen, sheet: name });
      const date1904 = internals.properties?.model?.date1904 ?? false;
      let rows: RawValue[][] = [];
      let rowNumbers: number[] = [];
      for await (const row of sheetReader) {
        const values: RawValue[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          values[col - 1] = cellValue(cell, date1904);
        });
        for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
        if (values.length === 0) continue;
        rows.push(values);
        rowNumbers.push(row.number);
        if (rows.length >= BATCH_ROWS) {
          yield { kind: 'arrays', rows, rowNumbers, bytesRead };
          rows = [];
          rowNumbers = [];
        }
      }
      if (rows.length > 0) yield { kind: 'arrays', rows, rowNumbers, bytesRead };
      break;
    }
  } catch (e) {
    if (e instanceof UdashError) throw e;
    throw new UdashError('BAD_DATA', `${displayName} could not be read as an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}`, { file: displayName });
  } finally {
    stream.destroy();
  }
  if (!found) {
    const names = internals.model?.sheets?.map((s) => s.name) ?? seen;
    if (wanted) throw new UdashError('BAD_INPUT', `${displayName} has no sheet named "${wanted}" (sheets: ${names.join(', ') || 'none'})`, { file: displayName, field: 'sheet' }, ['options', 'sheet']);
    throw new UdashError('BAD_DATA', `${displayName} has no worksheets`, { file: displayName });
  }
}
