import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isUdashError, type UdashError } from '../../../shared/errors.js';
import { allRows, importEnv } from './helpers.js';

async function failure(p: Promise<unknown>): Promise<UdashError> {
  try {
    await p;
  } catch (e) {
    if (isUdashError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

/** A workbook with two sheets; "Data" has dates, formulas (with cached results), merged cells, rich text and an error cell. */
async function workbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['Title', 'Value']);
  summary.addRow(['Total', 42]);
  const ws = wb.addWorksheet('Data');
  ws.addRow(['Date', 'Region', 'Units', 'Price', 'Total', 'Note', 'Next day']);
  const rows: [Date, string, number, number, string][] = [
    [new Date(Date.UTC(2024, 0, 5)), 'North', 3, 9.5, 'merged note'],
    [new Date(Date.UTC(2024, 0, 6)), 'South', 4, 10, ''],
    [new Date(Date.UTC(2024, 0, 7)), 'East', 5, 2.25, 'plain'],
    [new Date(Date.UTC(2024, 0, 8)), 'West', 6, 1, 'x'],
    [new Date(Date.UTC(2024, 0, 9)), 'North', 7, 3, 'y'],
  ];
  rows.forEach(([d, region, units, price, note], i) => {
    const r = i + 2;
    ws.getCell(`A${r}`).value = d;
    ws.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
    ws.getCell(`B${r}`).value = region;
    ws.getCell(`C${r}`).value = units;
    ws.getCell(`D${r}`).value = price;
    ws.getCell(`E${r}`).value = { formula: `C${r}*D${r}`, result: units * price };
    if (note) ws.getCell(`F${r}`).value = note;
    ws.getCell(`G${r}`).value = { formula: `A${r}+1`, result: new Date(d.getTime() + 86_400_000) };
    ws.getCell(`G${r}`).numFmt = 'yyyy-mm-dd';
  });
  ws.mergeCells('F2:F3');
  // In exceljs's own model the merged cell shows the master's value; the file stores it once.
  if (ws.getCell('F3').value !== 'merged note') throw new Error('F2:F3 should be merged');
  ws.getCell('B4').value = { richText: [{ text: 'Ea' }, { text: 'st', font: { bold: true } }] };
  ws.getCell('D6').value = { error: '#DIV/0!' };
  ws.getCell('E6').value = { formula: 'C6/0', result: { error: '#DIV/0!' } };
  await wb.xlsx.writeFile(file);
}

describe('XLSX import', () => {
  it('lists the sheets, reads the chosen one with dates, cached formula results and merged cells', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('book.xlsx', '');
    await workbook(file);

    const first = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(first.format).toBe('xlsx');
    expect(first.sheets).toEqual(['Summary', 'Data']);
    expect(first.sheet).toBe('Summary');
    expect(first.columns.map((c) => c.name)).toEqual(['Title', 'Value']);

    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file }, options: { sheet: 'Data' } });
    expect(p.sheet).toBe('Data');
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([
      ['Date', 'datetime'],
      ['Region', 'text'],
      ['Units', 'integer'],
      ['Price', 'number'],
      ['Total', 'number'],
      ['Note', 'text'],
      ['Next day', 'datetime'],
    ]);
    expect(p.timeColumn).toBe('Date');
    expect(p.issues.map((i) => [i.row, i.column, i.value])).toEqual([[6, 'Price', '#DIV/0!']]);

    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Book', options: { sheet: 'Data' }, onError: 'skip' });
    expect(r.dataset.source).toEqual({ kind: 'xlsx', file: 'book.xlsx', sheet: 'Data' });
    expect(r.skipped).toBe(1);
    expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
      // Merged F2:F3: the value stays in the top-left cell only.
      ['2024-01-05T00:00:00.000Z', 'North', 3, 9.5, 28.5, 'merged note', '2024-01-06T00:00:00.000Z'],
      ['2024-01-06T00:00:00.000Z', 'South', 4, 10, 40, null, '2024-01-07T00:00:00.000Z'],
      ['2024-01-07T00:00:00.000Z', 'East', 5, 2.25, 11.25, 'plain', '2024-01-08T00:00:00.000Z'],
      ['2024-01-08T00:00:00.000Z', 'West', 6, 1, 6, 'x', '2024-01-09T00:00:00.000Z'],
    ]);
  });

  it('names a missing sheet and refuses a file that is not a workbook', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('book.xlsx', '');
    await workbook(file);
    const e = await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { path: file }, options: { sheet: 'Nope' } }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('book.xlsx has no sheet named "Nope" (sheets: Summary, Data)');
    const fake = await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { path: write('fake.xlsx', 'just text, not a zip') } }));
    expect(fake.code).toBe('BAD_DATA');
    expect(fake.message).toMatch(/fake\.xlsx could not be read as an Excel workbook/);
  });
});
