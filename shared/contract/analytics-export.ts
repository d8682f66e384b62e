/**
 * Files from analytics results: a forecast (history, forecast and its intervals, accuracy, model) and
 * a correlation report (matrix, p-values, pairwise n, every pair ranked) as CSV or XLSX. The caller
 * sends the result it shows, so the file holds exactly what the user saw, including forecasts the
 * renderer computed itself (widget overlays). Files are registered as downloads like export.dataset.
 */
import { z } from 'zod';
import { method } from './define.js';
import { Id } from './common.js';
import { CorrelateResult } from './analytics.js';
import { ForecastResult } from './forecast.js';

const ExportFile = z.object({ downloadId: z.string(), fileName: z.string(), bytes: z.number().int() });
const Title = z.string().trim().min(1).max(120);

export const analyticsExportMethods = {
  'analytics.export.forecast': method(
    'Write a forecast (history, forecast with intervals, accuracy and the model) to CSV or XLSX',
    z.object({ workspaceId: Id, format: z.enum(['csv', 'xlsx']), title: Title, valueName: z.string().min(1).max(500).default('value'), result: ForecastResult }),
    ExportFile,
  ),
  'analytics.export.correlation': method(
    'Write a correlation report (matrix, p-values, pairwise n, ranked pairs) to CSV or XLSX',
    z.object({ workspaceId: Id, format: z.enum(['csv', 'xlsx']), title: Title, result: CorrelateResult }),
    ExportFile,
  ),
} as const;
