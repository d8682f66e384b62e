/** analytics.export.forecast and analytics.export.correlation: results to CSV or a multi-sheet XLSX. */
import type { CorrelateResult } from '../../../shared/contract/analytics.js';
import type { ForecastResult } from '../../../shared/contract/forecast.js';
import type { Services } from '../../services.js';
import { correlationPairsSheet, matrixSheet } from './correlation-tables.js';
import { forecastAccuracySheet, forecastCandidatesSheet, forecastModelSheet, forecastSeriesSheet, noticesSheet } from './forecast-tables.js';
import { writeCsvTable, writeWorkbook, type ExportFile } from './workbook-file.js';

export async function exportForecast(svc: Services, input: { workspaceId: string; format: 'csv' | 'xlsx'; title: string; valueName: string; result: ForecastResult }): Promise<ExportFile> {
  const { result } = input;
  const series = forecastSeriesSheet(result, input.valueName);
  const file =
    input.format === 'csv'
      ? await writeCsvTable(svc, input.title, series)
      : await writeWorkbook(svc, input.title, [series, forecastAccuracySheet(result), forecastModelSheet(result), forecastCandidatesSheet(result), noticesSheet(result.notices)]);
  svc.core().audit.record({ actor: 'local', action: 'forecast.export', workspaceId: input.workspaceId, details: { format: input.format, periods: result.history.length + result.forecast.length } });
  return file;
}

export async function exportCorrelation(svc: Services, input: { workspaceId: string; format: 'csv' | 'xlsx'; title: string; result: CorrelateResult }): Promise<ExportFile> {
  const { result } = input;
  const pairs = correlationPairsSheet(result);
  const file =
    input.format === 'csv'
      ? await writeCsvTable(svc, input.title, pairs)
      : await writeWorkbook(svc, input.title, [pairs, matrixSheet(result.method === 'pearson' ? 'Pearson r' : 'Spearman rho', result, result.matrix), matrixSheet('p-values', result, result.pValues), matrixSheet('n', result, result.n), noticesSheet(result.notices)]);
  svc.core().audit.record({ actor: 'local', action: 'correlation.export', workspaceId: input.workspaceId, details: { format: input.format, columns: result.columns.length } });
  return file;
}
