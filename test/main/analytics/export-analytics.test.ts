/**
 * analytics.export.forecast and analytics.export.correlation: the files land in the exports folder,
 * are registered as downloads, and hold the numbers of the result they were given (read back with
 * exceljs and a CSV parse), with formula-like names escaped.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/services.js';
import { setWorkspaceRole } from '../../../main/permissions/workspace-role.js';
import { testServices } from '../../helpers/home.js';
import { addDataset, buildWorkers } from './fixtures.js';

beforeAll(buildWorkers, 120_000);

const DAY = 86_400_000;

async function dataset(svc: Services) {
  const rows = Array.from({ length: 60 }, (_, i) => [Date.UTC(2025, 0, 1) + i * DAY, 100 + i + 10 * Math.sin(i), 50 - 0.5 * i + 3 * Math.cos(i * 1.3), i % 7]);
  return addDataset(
    svc,
    'metrics',
    [
      { name: 'date', type: 'datetime' },
      { name: 'revenue', type: 'number' },
      { name: '=cost', type: 'number' },
      { name: 'weekday', type: 'integer' },
    ],
    rows,
    'date',
  );
}

function fileOf(svc: Services, downloadId: string): string {
  const d = svc.downloads.get(downloadId);
  if (!d) throw new Error('download not registered');
  expect(d.path.startsWith(svc.paths.exports)).toBe(true);
  return d.path;
}

describe('analytics exports', () => {
  it('writes a forecast as CSV: history with fitted values, then the forecast with every interval', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = await dataset(svc);
    const result = await svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'date', valueColumn: 'revenue', horizon: 7, levels: [80, 95] });
    const out = await svc.dispatcher.call('analytics.export.forecast', { workspaceId, format: 'csv', title: 'Revenue forecast', valueName: 'revenue', result });
    expect(out.fileName).toBe('Revenue forecast.csv');
    const text = fs.readFileSync(fileOf(svc, out.downloadId), 'utf8');
    expect(out.bytes).toBe(Buffer.byteLength(text));
    const parsed = Papa.parse<string[]>(text.trim()).data;
    expect(parsed[0]).toEqual(['time', 'kind', 'revenue', 'fitted', 'forecast', 'lower 80%', 'upper 80%', 'lower 95%', 'upper 95%']);
    expect(parsed.length).toBe(1 + 60 + 7);
    const firstForecast = parsed[61]!;
    expect(firstForecast[0]).toBe(String(result.forecast[0]!.time));
    expect(firstForecast[1]).toBe('forecast');
    expect(Number(firstForecast[4])).toBe(result.forecast[0]!.mean);
    expect(Number(firstForecast[8])).toBe(result.forecast[0]!.upper['95']);
    expect(Number(parsed[1]![2])).toBe(result.history[0]!.value);
  });

  it('writes a forecast workbook with the series, accuracy, model, candidates and notices', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = await dataset(svc);
    const result = await svc.dispatcher.call('analytics.forecast', { workspaceId, datasetId, timeColumn: 'date', valueColumn: 'revenue', horizon: 7 });
    const out = await svc.dispatcher.call('analytics.export.forecast', { workspaceId, format: 'xlsx', title: 'Revenue forecast', result });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fileOf(svc, out.downloadId));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Forecast', 'Accuracy', 'Model', 'Candidates', 'Notices']);
    const acc = wb.getWorksheet('Accuracy')!;
    expect(acc.getRow(2).values).toEqual([undefined, 'MAE', result.backtest!.mae, 'mean absolute error']);
    expect(wb.getWorksheet('Model')!.getRow(2).values).toEqual([undefined, 'model', result.model.name]);
    expect(wb.getWorksheet('Candidates')!.rowCount).toBe(1 + result.candidates.length);
    expect(wb.getWorksheet('Forecast')!.getRow(62).getCell(5).value).toBe(result.forecast[0]!.mean);
  });

  it('writes a correlation report: ranked pairs as CSV; matrices as workbook sheets; names escaped', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = await dataset(svc);
    const result = await svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId, columns: ['revenue', '=cost', 'weekday'] });
    const csv = await svc.dispatcher.call('analytics.export.correlation', { workspaceId, format: 'csv', title: 'Metrics correlation', result });
    const rows = Papa.parse<string[]>(fs.readFileSync(fileOf(svc, csv.downloadId), 'utf8').trim()).data;
    expect(rows[0]).toEqual(['column A', 'column B', 'Pearson r', 'p-value', 'n', 'strength', 'direction']);
    expect(rows.length).toBe(1 + 3);
    const rs = rows.slice(1).map((r) => Math.abs(Number(r[2])));
    expect(rs).toEqual([...rs].sort((a, b) => b - a));
    const top = rows[1]!;
    expect(top.slice(0, 2)).toEqual(["revenue", "'=cost"]);
    expect(Number(top[2])).toBe(result.matrix[0]![1]);
    expect(top[5]).toBe('strong');
    expect(top[6]).toBe('negative');

    const xlsx = await svc.dispatcher.call('analytics.export.correlation', { workspaceId, format: 'xlsx', title: 'Metrics correlation', result });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fileOf(svc, xlsx.downloadId));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pairs', 'Pearson r', 'p-values', 'n', 'Notices']);
    const m = wb.getWorksheet('Pearson r')!;
    expect(m.getRow(1).values).toEqual([undefined, '', 'revenue', "'=cost", 'weekday']);
    expect(m.getRow(3).getCell(2).value).toBe(result.matrix[1]![0]);
    expect(wb.getWorksheet('n')!.getRow(2).getCell(3).value).toBe(60);
  });

  it('refuses a viewer and an unknown workspace', async () => {
    const svc = await testServices();
    const { workspaceId, datasetId } = await dataset(svc);
    const result = await svc.dispatcher.call('analytics.correlate', { workspaceId, datasetId, columns: ['revenue', 'weekday'] });
    setWorkspaceRole(svc.core().settings, workspaceId, 'viewer');
    await expect(svc.dispatcher.call('analytics.export.correlation', { workspaceId, format: 'csv', title: 'x', result })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(svc.dispatcher.call('analytics.export.correlation', { workspaceId: 'nope', format: 'csv', title: 'x', result })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
