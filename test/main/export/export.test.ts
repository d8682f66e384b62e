import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeFormula } from '../../../main/export/formula-escape.js';
import { allRows, importEnv } from '../import/helpers.js';

const DANGEROUS = ['=1+1', '+cmd|calc', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn'];

async function dataset() {
  const env = await importEnv();
  const lines = ['when,label,amount,ok'];
  DANGEROUS.forEach((d, i) => lines.push(`2024-01-0${i + 1}T10:00:00Z,"${d.replace(/"/g, '""')}",${i % 2 ? -i : i * 1.5},${i % 2 ? 'yes' : 'no'}`));
  lines.push('2024-01-09T00:00:00Z,"plain, with ""quotes""",,');
  const file = env.write('data.csv', lines.join('\n') + '\n');
  const r = await env.svc.dispatcher.call('import.commit', { workspaceId: env.workspaceId, source: { path: file }, name: 'Ledger 2024/Q1' });
  return { ...env, datasetId: r.dataset.id };
}

describe('export', () => {
  it('escapes formula-like text only', () => {
    expect(DANGEROUS.map(escapeFormula)).toEqual(DANGEROUS.map((d) => `'${d}`));
    expect(['plain', '', '1+1', "'quoted"].map(escapeFormula)).toEqual(['plain', '', '1+1', "'quoted"]);
  });

  it('writes a dataset to CSV with escaped cells, registered as a download', async () => {
    const { svc, workspaceId, datasetId } = await dataset();
    const out = await svc.dispatcher.call('export.dataset', { workspaceId, datasetId, format: 'csv', taskId: 'x1' });
    expect(out.fileName).toBe('Ledger 2024 Q1.csv');
    const d = svc.downloads.get(out.downloadId)!;
    expect(d.path.startsWith(svc.paths.exports)).toBe(true);
    expect(fs.statSync(d.path).size).toBe(out.bytes);
    const parsed = Papa.parse<string[]>(fs.readFileSync(d.path, 'utf8').trimEnd()).data;
    expect(parsed[0]).toEqual(['when', 'label', 'amount', 'ok']);
    expect(parsed.slice(1).map((r) => r[1])).toEqual([...DANGEROUS.map((x) => `'${x}`), 'plain, with "quotes"']);
    // Numbers stay numbers (a negative amount is data, not a formula); datetimes are ISO 8601.
    expect(parsed[2]).toEqual(['2024-01-02T10:00:00.000Z', "'+cmd|calc", '-1', 'true']);
    expect(parsed[7]).toEqual(['2024-01-09T00:00:00.000Z', 'plain, with "quotes"', '', '']);
  });

  it('writes a dataset to XLSX with escaped text, real dates and numbers (read back with exceljs)', async () => {
    const { svc, workspaceId, datasetId } = await dataset();
    const out = await svc.dispatcher.call('export.dataset', { workspaceId, datasetId, format: 'xlsx' });
    expect(out.fileName).toBe('Ledger 2024 Q1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(svc.downloads.get(out.downloadId)!.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'when', 'label', 'amount', 'ok']);
    for (let i = 0; i < DANGEROUS.length; i++) {
      const cell = ws.getCell(i + 2, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML turns a bare carriage return into a line feed; what matters is the leading quote.
      expect(cell.value).toBe(`'${DANGEROUS[i]}`.replace('\r', '\n'));
    }
    expect(ws.getCell(3, 1).value).toEqual(new Date('2024-01-02T10:00:00Z'));
    expect(ws.getCell(3, 3).value).toBe(-1);
    expect(ws.getCell(3, 4).value).toBe(true);
    expect(ws.getCell(8, 3).value).toBeNull();
    expect(ws.rowCount).toBe(8);
  });

  it('pages through big datasets and the CSV imports back to the same rows', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const lines = ['id,at,value,name'];
    for (let i = 0; i < 12_345; i++) lines.push(`${i},${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString()},${(i * 0.25).toFixed(2)},n${i}`);
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('big.csv', lines.join('\n')) }, name: 'Big' });
    const progress: number[] = [];
    svc.events.on('progress', (p) => p.taskId === 'exp' && progress.push(p.done));
    const out = await svc.dispatcher.call('export.dataset', { workspaceId, datasetId: r.dataset.id, format: 'csv', taskId: 'exp' });
    expect(progress.at(-1)).toBe(12_345);
    const back = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: svc.downloads.get(out.downloadId)!.path }, name: 'Back' });
    expect(back.dataset.columns.map((c) => c.type)).toEqual(r.dataset.columns.map((c) => c.type));
    expect(allRows(svc, workspaceId, back.dataset.id)).toEqual(allRows(svc, workspaceId, r.dataset.id));
  });

  it("exports a widget's query result (with its dashboard's filters) to CSV and XLSX", async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('sales.csv', 'day,region,amount\n2024-01-01,=North,10\n2024-01-01,South,5\n2024-01-02,=North,7\n2024-01-03,East,1\n');
    const ds = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Sales' });
    const dash = await svc.dispatcher.call('dashboards.create', { workspaceId, name: 'D' });
    await svc.dispatcher.call('dashboards.update', { workspaceId, dashboardId: dash.id, patch: { filters: [{ field: 'region', op: 'neq', value: 'East' }] } });
    const w = await svc.dispatcher.call('widgets.create', {
      workspaceId,
      dashboardId: dash.id,
      widget: { title: 'Amount by region', type: 'bar', query: { datasetId: ds.dataset.id, x: { field: 'region' }, y: [{ field: 'amount', agg: 'sum', as: 'Total' }], sort: { by: 'Total', dir: 'desc' } } },
    });
    const data = await svc.dispatcher.call('widgets.data', { workspaceId, dashboardId: dash.id, widgetId: w.id });
    const csv = await svc.dispatcher.call('export.widget', { workspaceId, dashboardId: dash.id, widgetId: w.id, format: 'csv' });
    expect(csv.fileName).toBe('Amount by region.csv');
    const rows = Papa.parse<string[]>(fs.readFileSync(svc.downloads.get(csv.downloadId)!.path, 'utf8').trimEnd()).data;
    expect(rows).toEqual([data.columns.map((c) => c.name), ...data.rows.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? `'${v}` : String(v))))]);
    expect(rows).toEqual([
      ['region', 'Total'],
      ["'=North", '17'],
      ['South', '5'],
    ]);
    const xlsx = await svc.dispatcher.call('export.widget', { workspaceId, dashboardId: dash.id, widgetId: w.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(svc.downloads.get(xlsx.downloadId)!.path);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, "'=North", 17]);
  });
});
